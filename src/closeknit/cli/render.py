"""Rich renderings of an :class:`Analysis` for the terminal."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from closeknit.domain.analysis import Analysis, SafetyBlock, Suggestion
from closeknit.domain.antidotes import LABEL_NAMES, SKILL_PRAISE

_STYLE = {"pitfall": "bold yellow", "skill": "bold green", "safety": "bold red"}


def analysis_card(analysis: Analysis) -> RenderableType:
    """The whole card: the message, labels, emotions, then safety or suggestions."""
    parts: list[RenderableType] = [Text(analysis.text, style="italic")]
    if analysis.context:
        parts.insert(0, Text(f"In reply to: {analysis.context}", style="dim"))
    parts.extend(Text(f"Note: {notice.message}", style="cyan") for notice in analysis.notices)
    if analysis.safety:
        parts.append(safety_panel(analysis.safety))
        return Panel(Group(*parts), title="Closeknit coach", border_style="red")
    parts.append(labels_table(analysis))
    parts.append(Text("Emotions: " + (", ".join(_emotions(analysis)) or "none stand out"), style="magenta"))
    shown: set[str] = set()
    for suggestion in analysis.suggestions:
        parts.append(suggestion_panel(suggestion, show_rewrite=suggestion.rewrite is not None and suggestion.rewrite.text not in shown))
        if suggestion.rewrite:
            shown.add(suggestion.rewrite.text)
    return Panel(Group(*parts), title="Closeknit coach", subtitle=analysis.model, border_style="blue")


def _emotions(analysis: Analysis) -> list[str]:
    return [f"{e.emotion} ({e.probability:.0%})" for e in analysis.emotions if e.present]


def labels_table(analysis: Analysis) -> RenderableType:
    """A table of the labels found, with the words that drove each."""
    present = [item for item in analysis.labels if item.present]
    if not present:
        return Text("No pitfalls or skills stand out in this message.", style="dim")
    table = Table(box=None, show_header=True, header_style="bold", padding=(0, 1))
    table.add_column("Found")
    table.add_column("Sure", justify="right")
    table.add_column("Because of")
    table.add_column("Note")
    for item in present:
        evidence = "; ".join(f"“{e.text}”" for e in item.evidence) or "-"
        note = SKILL_PRAISE.get(item.label, "")
        table.add_row(Text(LABEL_NAMES[item.label], style=_STYLE[item.kind]), f"{item.probability:.0%}", evidence, note)
    return table


def suggestion_panel(suggestion: Suggestion, *, show_rewrite: bool = True) -> RenderableType:
    """What to try instead of one pitfall, with the rewrite's four parts."""
    body = [Text(suggestion.why), Text(f"Try: {suggestion.try_this}", style="green")]
    if suggestion.rewrite and show_rewrite:
        r = suggestion.rewrite
        body.append(Text(f"Feeling: {r.feeling} | Situation: {r.situation} | Need: {r.need} | Request: {r.request}", style="dim"))
        body.append(Text(f"Rewrite: {r.text}", style="bold green"))
    title = f"{LABEL_NAMES[suggestion.pitfall]} → {suggestion.antidote}"
    return Panel(Group(*body), title=title, border_style="yellow")


def safety_panel(block: SafetyBlock) -> RenderableType:
    """The safety notice and help lines; shown instead of coaching."""
    lines: list[RenderableType] = [Text(block.message)]
    for line in block.resources:
        channels = ", ".join(line.channels)
        lines.append(Text(f"• {line.name} ({line.country}): {channels} - {line.hours} [checked {line.last_verified}]"))
    return Panel(Group(*lines), title="You matter", border_style="red")
