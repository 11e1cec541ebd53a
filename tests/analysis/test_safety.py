"""Help lines are complete and dated; the safety block is built from them."""

from __future__ import annotations

import datetime as dt
import re

from closeknit.analysis.safety import help_lines, safety_block


def test_every_help_line_is_complete_and_verified_recently() -> None:
    lines = help_lines()
    assert any(line.country == "INTL" for line in lines)
    for line in lines:
        assert line.name and line.channels and line.topics and line.url.startswith("https://")
        assert line.source.startswith("http")
        verified = dt.date.fromisoformat(line.last_verified)
        assert dt.date(2026, 1, 1) <= verified <= dt.date.today()
        assert set(line.topics) <= {"crisis", "abuse_risk"}


def test_us_numbers_match_the_official_sources() -> None:
    by_name = {line.name: line for line in help_lines()}
    assert "call: 988" in by_name["988 Suicide & Crisis Lifeline"].channels
    hotline = by_name["National Domestic Violence Hotline"].channels
    assert "call: 800-799-7233" in hotline and "text: START to 88788" in hotline


def test_block_lists_country_lines_first_then_directory() -> None:
    block = safety_block(["crisis"], country="us")
    assert [line.country for line in block.resources] == ["US", "INTL"]
    assert "emergency" in block.message


def test_abuse_block_never_suggests_talking_it_through() -> None:
    block = safety_block(["abuse_risk"])
    assert not re.search(r"gentle|soften|calm conversation", block.message, re.IGNORECASE)
    assert all("abuse_risk" in line.topics for line in block.resources)
