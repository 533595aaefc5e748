"""`bilan extract`: run the pipeline on a file or stdin and print the contract JSON or tables."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from bilan.cli.app import app, err_console, fail, stdout_is_terminal
from bilan.errors import BilanError, FormatError
from bilan.extraction import ExtractOptions, extract_items, read_items


class OutputFormat(StrEnum):
    json = "json"
    table = "table"


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@app.command()
def extract(
    path: str = typer.Argument(..., help="article file (.txt, .html, .jsonl) or - for stdin"),
    published: str | None = typer.Option(None, "--published", help="publication date YYYY-MM-DD"),
    fmt: OutputFormat | None = typer.Option(
        None, "--format", "-f", help="json (default when piped) or table (default on a terminal)"
    ),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    no_language_check: bool = typer.Option(
        False, "--no-language-check", help="accept any language"
    ),
) -> None:
    """Extract counts, quotes, places, dates and events from one article or a JSONL batch."""
    options = ExtractOptions(
        published=_parse_date(published),
        config=config,
        check_language=not no_language_check,
    )
    output = fmt or (OutputFormat.table if stdout_is_terminal() else OutputFormat.json)
    try:
        items = read_items(path, options)
        results = extract_items(items, options)
    except BilanError as exc:
        fail(exc)
    console = Console()
    errors: list[BilanError] = []
    single = not path.endswith(".jsonl")
    for item in results:
        if isinstance(item, BilanError):
            errors.append(item)
            if single:
                fail(item)
            data: dict[str, Any] = error_document(item)
            err_console.print(f"[red]error[{item.code}][/]: {item}", highlight=False)
        else:
            data = item
        if output is OutputFormat.json:
            sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            from bilan.cli.render import render_document

            render_document(console, data)
    if errors and not single:
        raise typer.Exit(
            FormatError.exit_code
            if all(isinstance(e, FormatError) for e in errors)
            else errors[0].exit_code
        )


def error_document(exc: BilanError) -> dict[str, Any]:
    return {
        "article": {"id": exc.source, "title": None, "published": None, "language": "fr"},
        "error": {"code": exc.code, "message": exc.message},
        "counts": [],
        "quotes": [],
    }
