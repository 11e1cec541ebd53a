"""``closeknit analyze``: one message as a card or JSON, or a JSONL file in bulk."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn

from closeknit.cli.render import analysis_card
from closeknit.errors import CloseknitError, ErrorCode
from closeknit.features.coach import coach_message, engine_for
from closeknit.features.coding import CodingReport, code_jsonl
from closeknit.settings import Settings


def analyze_command(
    ctx: typer.Context,
    text: Annotated[str | None, typer.Argument(help="The message to analyse.")] = None,
    context: Annotated[str | None, typer.Option("--context", "-c", help="The other person's previous message.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full analysis as JSON.")] = False,
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Analyse every line of this JSONL file instead.")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="With --jsonl: write results here (default: standard output).")] = None,
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help="With --jsonl: skip unusable lines and list them at the end.")] = False,
) -> None:
    """Analyse a message for pitfalls, skills and emotions, and suggest rewrites."""
    settings: Settings = ctx.obj
    if jsonl is not None:
        _bulk(jsonl, out, skip_bad, settings)
        return
    if text is None or not text.strip():
        raise CloseknitError(ErrorCode.EMPTY_TEXT, where="")
    analysis = coach_message(text, context=context, settings=settings)
    if as_json:
        typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        Console().print(analysis_card(analysis))


def _bulk(path: Path, out: Path | None, skip_bad: bool, settings: Settings) -> None:
    try:
        source = path.open("rb")
        size = path.stat().st_size
    except OSError as exc:
        raise CloseknitError(ErrorCode.INPUT_NOT_FOUND, path=path, reason=exc.strerror or str(exc)) from exc
    with source:
        if out is None:
            report = _code(source, size, sys.stdout, path, skip_bad, settings)
        else:
            report = _code_to_file(source, size, out, path, skip_bad, settings)
    _summary(report, out, Console(stderr=True))


def _code_to_file(source: IO[bytes], size: int, out: Path, path: Path, skip_bad: bool, settings: Settings) -> CodingReport:
    """Write to a temporary file beside ``out`` and move it into place only on success,
    so a failed run never leaves half a file or clobbers an earlier result."""
    if out.exists() and out.resolve() == path.resolve():
        raise CloseknitError(ErrorCode.OUTPUT_IS_INPUT, path=out)
    partial = out.with_name(out.name + ".partial")
    try:
        target = partial.open("w", encoding="utf-8")
    except OSError as exc:
        raise CloseknitError(ErrorCode.CANNOT_WRITE, path=out, reason=exc.strerror or str(exc)) from exc
    try:
        with target:
            report = _code(source, size, target, path, skip_bad, settings)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return report


def _code(source: IO[bytes], size: int, target: IO[str], path: Path, skip_bad: bool, settings: Settings) -> CodingReport:
    engine = engine_for(settings)
    columns = (TextColumn("Analysing"), BarColumn(), TransferSpeedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("analyse", total=size)
        return code_jsonl(
            source,
            target,
            engine,
            path=path,
            skip_bad=skip_bad,
            batch_size=settings.batch_size,
            progress=lambda n: progress.advance(task, n),
        )


def _summary(report: CodingReport, out: Path | None, stderr: Console) -> None:
    where = f" to {out}" if out else ""
    stderr.print(f"Wrote {report.written} result line(s){where}.")
    if report.skipped:
        stderr.print(f"Skipped {len(report.skipped)} line(s):")
        for bad in report.skipped:
            stderr.print(f"  line {bad.line}: {bad.reason}")
