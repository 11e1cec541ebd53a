"""``closeknit coach``: an interactive prompt that analyses each draft you type."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.prompt import Prompt

from closeknit.cli.render import analysis_card
from closeknit.features.coach import coach_message, engine_for
from closeknit.settings import Settings

WELCOME = (
    "[bold]Closeknit coach[/] - type a message you are about to send and see how it may land.\n"
    "Everything stays on this computer. This is a practice tool, not therapy.\n"
    "Start a line with '>' to set what the other person last said; an empty line quits."
)


def coach_command(ctx: typer.Context) -> None:
    """Check drafts one after another, interactively."""
    settings: Settings = ctx.obj
    console = Console()
    console.print(WELCOME)
    engine_for(settings)
    context: str | None = None
    while True:
        draft = Prompt.ask("[blue]Your draft[/]", default="", show_default=False, console=console)
        if not draft.strip():
            console.print("Take care. Bye for now.")
            return
        if draft.startswith(">"):
            context = draft[1:].strip() or None
            console.print(f"[dim]Context set: {context or '(none)'}[/]")
            continue
        console.print(analysis_card(coach_message(draft, context=context, settings=settings)))
