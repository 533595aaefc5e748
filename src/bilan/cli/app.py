"""The Typer application; commands live in sibling modules and register on import."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console

from bilan.errors import BilanError

app = typer.Typer(
    name="bilan",
    help="Turn French crisis news into attributed, evidenced data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

err_console = Console(stderr=True)


def fail(exc: BilanError) -> NoReturn:
    """Print a typed error as ``error[CODE]: message`` and exit with its code."""
    err_console.print(f"[bold red]error[{exc.code}][/]: {exc}", highlight=False, soft_wrap=True)
    raise typer.Exit(exc.exit_code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@app.callback()
def _root() -> None:
    """bilan: French crisis news in, attributed counts, quotes, places and events out."""
