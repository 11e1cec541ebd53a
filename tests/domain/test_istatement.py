"""The I-statement builder keeps the draft's topic and exposes four parts."""

from __future__ import annotations

from closeknit.domain.istatement import build_i_statement, compose


def test_blame_becomes_feeling_situation_need_request() -> None:
    result = build_i_statement("You never listen to me")
    assert result.feeling == "unheard"
    assert result.situation == "when it seems like you don't listen to me"
    assert result.need == "to feel heard"
    assert result.request.startswith("Could we")
    assert result.text == compose(result.feeling, result.situation, result.need, result.request)


def test_always_and_why_questions_are_softened() -> None:
    assert build_i_statement("you always leave your dishes everywhere!!").situation == "when you leave your dishes everywhere"
    assert build_i_statement("Why can't you ever text back?").situation == "when you don't text back"


def test_unknown_topic_falls_back_to_emotion_and_placeholders() -> None:
    result = build_i_statement("ugh. seriously.", ["sadness"])
    assert result.feeling == "hurt"
    assert result.situation == "when this happens"
    assert result.feeling_options and result.need_options
