"""`bilan export`: ACLED/UCDP/IDMC CSV, GeoJSON, JSONL or Parquet from extraction results."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from bilan.cli.app import app, err_console, fail
from bilan.contract import ContractDocument, from_contract
from bilan.errors import BilanError, FormatError, UnreadableInputError
from bilan.export import FORMATS, write

ExportFormat = StrEnum("ExportFormat", {name: name for name in FORMATS})  # type: ignore[misc]


def read_documents(path: Path) -> list[ContractDocument]:
    """Contract documents from a `bilan extract --format json` file (one JSON per line)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UnreadableInputError(f"cannot read: {exc}", source=str(path)) from exc
    out: list[ContractDocument] = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FormatError(f"invalid JSON ({exc.msg})", source=f"{path}:{n}") from exc
        if isinstance(data, dict) and "error" in data:
            continue  # an article that failed extraction: nothing to export
        try:
            out.append(from_contract(data))
        except ValueError as exc:
            raise FormatError(f"not an extraction result: {exc}", source=f"{path}:{n}") from exc
    return out


@app.command("export")
def export_command(
    source: Path | None = typer.Argument(
        None,
        help="extraction results (`bilan extract … --format json` JSONL); omit to export the store",
    ),
    fmt: ExportFormat = typer.Option(..., "--format", "-f", help="output format"),
    out: Path | None = typer.Option(None, "--out", "-o", help="output file (default: stdout)"),
    place: str | None = typer.Option(None, "--place"),
    period: str | None = typer.Option(
        None, "--period", help="YYYY, YYYY-MM, YYYY-MM-DD or START/END"
    ),
    category: str | None = typer.Option(None, "--category"),
    group: str | None = typer.Option(None, "--group"),
    source_name: str | None = typer.Option(None, "--source", help="who gave the figure"),
    actor: str | None = typer.Option(None, "--actor"),
    db: str | None = typer.Option(None, "--db", help="SQLite file or PostgreSQL URL (BILAN_DB)"),
) -> None:
    """Export counts, events, incidents and flows for the tools analysts already use.

    From an extraction file, incidents and flows are per article; from the store, incidents are
    the reconciled ones (across articles)."""
    from bilan.api.filters import make_filters
    from bilan.api.selection import collect, from_documents
    from bilan.api.sql import SqlFactStore
    from bilan.config import Settings

    try:
        filters = make_filters(
            place=place,
            period=period,
            category=category,
            group=group,
            source=source_name,
            actor=actor,
        )
        if source is not None:
            selection = from_documents(read_documents(source), filters)
        else:
            selection = collect(SqlFactStore.open(Settings.load(db=db).db), filters)
        if out is None:
            n = write(fmt.value, selection, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            with out.open("wb") as sink:
                n = write(fmt.value, selection, sink)
    except BilanError as exc:
        fail(exc)
    err_console.print(f"{n} records written as {fmt.value}" + (f" to {out}" if out else ""))
