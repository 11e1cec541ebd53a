"""Stream JSON lines ``{"id", "text", "context"?}`` through the engine, in order.

Memory stays bounded: lines are read, analysed and written one batch at a time.
A line that cannot be used (not JSON, not an object, no text, invalid UTF-8)
stops the run with its line number, or, with ``skip_bad``, is listed in the
report and left out of the output.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any

from closeknit.analysis.engine import Engine
from closeknit.domain.analysis import Analysis
from closeknit.domain.items import Item
from closeknit.errors import CloseknitError, ErrorCode


@dataclass(frozen=True)
class BadLine:
    """A skipped input line and why."""

    line: int
    reason: str


@dataclass
class CodingReport:
    """What a bulk run did."""

    written: int = 0
    skipped: list[BadLine] = field(default_factory=list)


def coded_record(analysis: Analysis, ident: str | None) -> dict[str, Any]:
    """The output line for one analysed message."""
    return {
        "id": ident,
        "labels": analysis.present_labels,
        "scores": {item.label: item.probability for item in analysis.labels},
        "emotions": analysis.present_emotions,
        "emotion_scores": {item.emotion: item.probability for item in analysis.emotions},
        "notices": [notice.code for notice in analysis.notices],
    }


def _parse(raw: bytes, number: int) -> Item | BadLine:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return BadLine(number, "not valid UTF-8")
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return BadLine(number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(value, dict):
        return BadLine(number, "expected a JSON object with a 'text' field")
    text, context = value.get("text"), value.get("context")
    if not isinstance(text, str) or not text.strip():
        return BadLine(number, "the 'text' field is missing or empty")
    if context is not None and not isinstance(context, str):
        return BadLine(number, "the 'context' field must be a string or null")
    ident = value.get("id", number)
    return Item(text=text, context=context, id=str(ident))


def _items(source: IO[bytes], path: Path, skip_bad: bool, report: CodingReport, progress: Callable[[int], None]) -> Iterator[Item]:
    for number, raw in enumerate(source, start=1):
        progress(len(raw))
        if not raw.strip():
            continue
        parsed = _parse(raw, number)
        if isinstance(parsed, Item):
            yield parsed
        elif skip_bad:
            report.skipped.append(parsed)
        elif parsed.reason == "not valid UTF-8":
            raise CloseknitError(ErrorCode.BAD_ENCODING, line=number, path=path)
        else:
            raise CloseknitError(ErrorCode.BAD_JSONL_LINE, line=number, path=path, reason=parsed.reason)


def code_jsonl(
    source: IO[bytes],
    out: IO[str],
    engine: Engine,
    *,
    path: Path,
    skip_bad: bool = False,
    batch_size: int = 64,
    progress: Callable[[int], None] = lambda _: None,
) -> CodingReport:
    """Analyse every line of ``source`` and write one JSON line per input to ``out``."""
    report = CodingReport()
    items = _items(source, path, skip_bad, report, progress)
    while batch := list(islice(items, batch_size)):
        for item, analysis in zip(batch, engine.analyze_many(batch, batch_size=batch_size, explain=False), strict=True):
            out.write(json.dumps(coded_record(analysis, item.id), ensure_ascii=False) + "\n")
            report.written += 1
    return report
