"""Safety patterns catch explicit and coded language, and leave jokes to the model."""

from __future__ import annotations

import pytest

from closeknit.analysis.rules import cue_evidence, has_i_statement_grammar, safety_matches


def _labels(text: str) -> set[str]:
    return {match.label for match in safety_matches(text)}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("been having sewer slide thoughts again", "crisis"),
        ("not sure i want to be here anymore tbh", "crisis"),
        ("I keep thinking about taking my own life", "crisis"),
        ("He's saying he'll jump if I leave him", "crisis"),
        ("She threatened to take the kids if I call anyone", "abuse_risk"),
        ("my husband keeps my passport and my bank card", "abuse_risk"),
        ("I'm scared to go home tonight", "abuse_risk"),
    ],
)
def test_coded_and_indirect_language_is_caught(text: str, label: str) -> None:
    assert label in _labels(text)


@pytest.mark.parametrize(
    "text",
    [
        "omg i want to die, i just called my teacher mum 💀",
        "I'm not suicidal, just really sad about the job.",
        "I used to self-harm as a teenager, I'm okay now.",
        "I'm going to kill you lol, that joke was awful",
        "the diagnosis hit me harder than I expected",
    ],
)
def test_jokes_negations_and_the_past_are_left_to_the_model(text: str) -> None:
    assert _labels(text) == set()


def test_judgements_dressed_as_feelings_are_not_i_statements() -> None:
    assert has_i_statement_grammar("I feel lonely when we don't talk in the evenings.")
    assert not has_i_statement_grammar("I feel like you never listen to anything I say.")


def test_cue_evidence_points_into_the_text() -> None:
    text = "You ALWAYS do this. What is wrong with you?"
    spans = cue_evidence("criticism", text)
    assert [text[e.start : e.end] for e in spans] == [e.text for e in spans]
    assert any("wrong with you" in e.text for e in spans)
