"""The ``closeknit`` command: global options, error handling, sub-commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from closeknit.cli.analyze import analyze_command
from closeknit.cli.coach import coach_command
from closeknit.errors import CloseknitError
from closeknit.settings import load_settings

app = typer.Typer(name="closeknit", help="Closeknit: a private coach for feeling close to the people who matter.", no_args_is_help=True)


@app.callback()
def main(
    ctx: typer.Context,
    model_dir: Annotated[Path | None, typer.Option("--model-dir", help="Use the model in this folder (CLOSEKNIT_MODEL_DIR).")] = None,
    threads: Annotated[int | None, typer.Option("--threads", help="CPU threads for the model (CLOSEKNIT_THREADS).")] = None,
    batch_size: Annotated[int | None, typer.Option("--batch-size", help="Messages per batch in bulk runs (CLOSEKNIT_BATCH_SIZE).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO country code for help lines (CLOSEKNIT_COUNTRY).")] = None,
) -> None:
    """Closeknit runs on your computer; nothing you type leaves it."""
    ctx.obj = load_settings(model_dir=model_dir, threads=threads, batch_size=batch_size, country=country)


app.command("analyze")(analyze_command)
app.command("coach")(coach_command)


def run(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn Closeknit errors into a message and exit code."""
    try:
        app(args=argv, prog_name="closeknit")  # standalone: usage errors print help and exit 2
    except CloseknitError as exc:
        Console(stderr=True).print(f"[bold red]Error[/] [{exc.code.value}] {exc.message}", highlight=False)
        return exc.exit_code
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 0
    return 0


def console_script() -> None:
    """The installed ``closeknit`` command."""
    raise SystemExit(run())
