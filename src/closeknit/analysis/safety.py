"""The safety block: what the coach shows instead of coaching (SCIENCE.md E.1-E.3).

Safe-messaging rules: acknowledge warmly, point to people who can help now,
encourage reaching a trusted person, never discuss methods, never coach.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

from closeknit.domain.analysis import HelpLine, SafetyBlock

CRISIS_MESSAGE = (
    "It sounds like you might be going through something really painful right now. "
    "You don't have to carry it on your own: people at the services below are there to listen, "
    "day and night, and you can also reach out to someone you trust. "
    "If you or someone else is in immediate danger, call your local emergency number."
)
ABUSE_MESSAGE = (
    "What you describe sounds frightening, and your safety matters more than any conversation tip. "
    "The coach won't suggest ways to talk this through with the other person. "
    "The services below can help you think about your options in confidence; "
    "if someone may see your phone or computer, consider contacting them from a device you trust. "
    "If you are in immediate danger, call your local emergency number."
)


@cache
def help_lines() -> tuple[HelpLine, ...]:
    """All verified help lines shipped with Closeknit."""
    raw = resources.files("closeknit.analysis").joinpath("data/helplines.json").read_text(encoding="utf-8")
    return tuple(
        HelpLine(
            name=item["name"],
            country=item["country"],
            channels=tuple(item["channels"]),
            topics=tuple(item["topics"]),
            url=item["url"],
            hours=item["hours"],
            last_verified=item["last_verified"],
            source=item["source"],
        )
        for item in json.loads(raw)["lines"]
    )


def safety_block(signals: Sequence[str], country: str | None = None) -> SafetyBlock:
    """Build the notice for ``signals`` (``crisis`` and/or ``abuse_risk``).

    Lines for ``country`` (ISO code) come first, then the international directory;
    with no country, every line is listed.
    """
    wanted = set(signals)
    lines = [line for line in help_lines() if wanted & set(line.topics)]
    if country:
        lines = [line for line in lines if line.country in (country.upper(), "INTL")]
    lines.sort(key=lambda line: line.country == "INTL")
    message = CRISIS_MESSAGE if "crisis" in wanted else ABUSE_MESSAGE
    if {"crisis", "abuse_risk"} <= wanted:
        message = f"{CRISIS_MESSAGE} {ABUSE_MESSAGE.split('. ', 1)[1]}"
    return SafetyBlock(signals=tuple(s for s in ("crisis", "abuse_risk") if s in wanted), message=message, resources=tuple(lines))
