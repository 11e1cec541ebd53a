"""The engine's contract, through its public API."""

from __future__ import annotations

import json

import pytest

from closeknit.analysis.engine import Engine
from closeknit.domain.labels import CODEBOOK_LABELS, EMOTIONS
from closeknit.errors import CloseknitError, ErrorCode

# One clear example per label, written for these tests (not from any evaluation set).
CLEAR: dict[str, tuple[str, str | None]] = {
    "criticism": ("You never think about anyone but yourself, you're so selfish.", None),
    "contempt": ("Oh wow, what a genius you are. Truly pathetic 🙄", None),
    "defensiveness": ("It's not my fault! I was busy all day, what was I supposed to do?", "You forgot to pick up the kids again."),
    "stonewalling": ("Whatever. I'm done talking.", "Can we please talk about last night?"),
    "mind_reading": ("You obviously don't care about me at all.", None),
    "invalidation": ("You're overreacting, it's not a big deal. Calm down.", "I'm really hurt that you missed my recital."),
    "i_statement": ("I feel lonely when we don't talk in the evenings.", None),
    "validation": ("That makes total sense, of course you were upset.", "I was so upset when they cancelled on me."),
    "empathy": ("I'm so sorry, that sounds really hard.", "My dad is in hospital again."),
    "reflection": ("So you felt left out when we made plans without you.", "Nobody even asked if I wanted to come."),
    "open_question": ("What was that like for you?", "I finally told my boss I'm leaving."),
    "self_disclosure": ("Honestly I'm scared I'm not good enough for this job.", None),
    "request": ("Could we put our phones away during dinner?", None),
    "appreciation": ("Thank you for cooking tonight, I really appreciate you.", None),
    "repair": ("I'm sorry I snapped at you. You're right, I did forget.", None),
    "time_out": ("I'm getting overwhelmed. Can we take twenty minutes and then talk?", None),
    "bid": ("Guess what happened at work today!", None),
    "crisis": ("I don't want to be alive anymore.", None),
    "abuse_risk": ("He pushed me into the wall last night.", None),
}


@pytest.mark.parametrize("label", CODEBOOK_LABELS)
def test_clear_example_of_each_label_is_found(engine: Engine, label: str) -> None:
    text, context = CLEAR[label]
    assert label in engine.analyze(text, context=context).present_labels


def test_every_label_and_emotion_has_probability_and_decision(engine: Engine) -> None:
    result = engine.analyze("Thanks for listening last night, it meant a lot.")
    assert [item.label for item in result.labels] == list(CODEBOOK_LABELS)
    assert [item.emotion for item in result.emotions] == list(EMOTIONS)
    for item in (*result.labels, *result.emotions):
        assert 0.0 <= item.probability <= 1.0
        assert 0.0 < item.threshold < 1.0


def test_decisions_follow_thresholds(engine: Engine) -> None:
    for text, context in CLEAR.values():
        result = engine.analyze(text, context=context)
        for emotion in result.emotions:
            assert emotion.present == (emotion.probability >= emotion.threshold)
        for label in result.labels:
            if label.present and label.label not in ("crisis", "abuse_risk"):
                assert label.probability >= label.threshold


def test_batch_equals_single_and_is_deterministic(engine: Engine) -> None:
    items = [{"text": text, "context": context} for text, context in CLEAR.values()]
    batched = [a.to_dict() for a in engine.analyze_many(items, batch_size=7)]
    single = [engine.analyze(str(i["text"]), context=i["context"]).to_dict() for i in items]
    again = [a.to_dict() for a in engine.analyze_many(items, batch_size=64)]
    for b, s, g in zip(batched, single, again, strict=True):
        assert b["present_labels"] == s["present_labels"] == g["present_labels"]
        assert b["present_emotions"] == s["present_emotions"] == g["present_emotions"]
        for lb, ls in zip(b["labels"], s["labels"], strict=True):
            assert lb["probability"] == pytest.approx(ls["probability"], abs=1e-3)


def test_analysis_is_json_serialisable(engine: Engine) -> None:
    data = json.loads(json.dumps(engine.analyze("You never listen to me!").to_dict()))
    assert "criticism" in data["present_labels"]
    assert data["model"].startswith("closeknit.coach@")


def test_pitfall_gets_antidote_and_editable_rewrite(engine: Engine) -> None:
    result = engine.analyze("You never listen to me")
    suggestion = next(s for s in result.suggestions if s.pitfall == "criticism")
    assert suggestion.antidote == "Gentle start-up"
    assert suggestion.rewrite is not None
    assert suggestion.rewrite.text.startswith("I feel ")
    assert suggestion.rewrite.feeling and suggestion.rewrite.need and suggestion.rewrite.request
    assert "listen" in suggestion.rewrite.situation


def test_learned_labels_carry_evidence(engine: Engine) -> None:
    result = engine.analyze("I got the job!! Can't believe it. Want to celebrate tonight?")
    for item in result.labels:
        if item.present:
            assert item.evidence, item.label
            for ev in item.evidence:
                assert result.text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be alive anymore, you'd all be better off without me.",
        "If you leave me you'll regret it. You're not allowed to see your friends.",
    ],
)
def test_safety_block_replaces_coaching(engine: Engine, text: str) -> None:
    result = engine.analyze(text)
    assert result.safety is not None
    assert result.suggestions == ()
    assert result.safety.resources
    assert any(line.country == "INTL" for line in result.safety.resources)


def test_coded_crisis_language_is_caught(engine: Engine) -> None:
    assert "crisis" in engine.analyze("honestly thinking i might just kms tonight").present_labels


@pytest.mark.parametrize(
    "text",
    ["this traffic is killing me lol, be there in 10", "you always leave me to do everything around here", "I'm so tired of this week"],
)
def test_everyday_complaints_do_not_raise_help_lines(engine: Engine, text: str) -> None:
    assert engine.analyze(text).safety is None


def test_non_english_gets_a_notice_instead_of_labels(engine: Engine) -> None:
    result = engine.analyze("Je ne comprends pas pourquoi tu ne m'écoutes jamais quand je parle.")
    assert [n.code for n in result.notices] == ["not_english"]
    assert result.present_labels == [] and result.present_emotions == [] and result.suggestions == ()


def test_very_long_text_is_read_sentence_by_sentence(engine: Engine) -> None:
    text = "We had a lovely walk by the river today. " * 130 + "You never listen to me."
    result = engine.analyze(text)
    assert "long_text" in [n.code for n in result.notices]
    assert "criticism" in result.present_labels


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_is_a_clear_error(engine: Engine, text: str) -> None:
    with pytest.raises(CloseknitError) as info:
        engine.analyze(text)
    assert info.value.code is ErrorCode.EMPTY_TEXT


def test_bad_batch_size_is_rejected(engine: Engine) -> None:
    with pytest.raises(CloseknitError) as info:
        list(engine.analyze_many(["hi"], batch_size=0))
    assert info.value.code is ErrorCode.BAD_BATCH_SIZE


def test_a_pitfall_late_in_a_long_message_is_not_missed(engine: Engine) -> None:
    text = "We went to the market this morning and bought apples, bread and cheese for the week. " * 25 + "You never listen to me."
    assert 1000 < len(text) < 5000
    result = engine.analyze(text)
    assert "criticism" in result.present_labels
    assert result.notices == ()
