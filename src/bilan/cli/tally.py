"""`bilan tally`: incidents and totals, each source's figure side by side."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from bilan.cli.app import app, fail
from bilan.config import Settings
from bilan.errors import BilanError
from bilan.reconcile.tally import Total, totals
from bilan.store import FactFilter, PageRequest, Store, StoredIncident, list_incidents


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


def _n(value: float | None) -> str:
    if value is None:
        return "—"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _period(i: StoredIncident) -> str:
    if i.period_start is None:
        return "—"
    if i.period_end in (None, i.period_start):
        return i.period_start.isoformat()
    return f"{i.period_start.isoformat()}…{i.period_end.isoformat() if i.period_end else ''}"


def _sources(i: StoredIncident) -> str:
    return " · ".join(
        f"{name} {'/'.join(_n(f) for f in figures)}"
        for name, figures in i.figures_by_source().items()
    )


def render(console: Console, incidents: list[StoredIncident], sums: list[Total]) -> None:
    table = Table(title=f"Incidents ({len(incidents)})", expand=False)
    for col in ("id", "category", "group", "place", "period", "low", "best", "high", "by source"):
        table.add_column(col, overflow="fold")
    for i in incidents:
        kind = " (cumulative)" if i.cumulative else (" ⊂" + i.parent_id if i.parent_id else "")
        table.add_row(
            i.id + kind,
            i.category,
            i.group,
            i.place or (i.country or "—"),
            _period(i),
            _n(i.low),
            _n(i.best) + (" ≠" if i.disagreement else ""),
            _n(i.high),
            _sources(i),
        )
    console.print(table)
    total = Table(title="Totals (single incidents, subsets and cumulative tolls left out)")
    for col in ("category", "incidents", "low", "best", "high"):
        total.add_column(col)
    for t in sums:
        total.add_row(t.category, str(t.incidents), _n(t.low), _n(t.best), _n(t.high))
    console.print(total)


@app.command("tally")
def tally_command(
    db: str | None = typer.Option(None, "--db", help="SQLite path or postgresql:// URL"),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    place: str | None = typer.Option(None, "--place", help="place name or ISO country code"),
    since: str | None = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: str | None = typer.Option(None, "--until", help="YYYY-MM-DD"),
    category: str | None = typer.Option(None, "--category", help="killed, injured…"),
    group: str | None = typer.Option(None, "--group", help="civilians, children…"),
    source: str | None = typer.Option(None, "--source", help="a source's name"),
    limit: int = typer.Option(1000, "--limit", min=1, max=10_000),
    as_json: bool = typer.Option(False, "--json", help="print JSON instead of tables"),
) -> None:
    """Incidents reconciled across articles, with low/best/high and each source's figure."""
    filters = FactFilter(
        place=place,
        since=_date(since),
        until=_date(until),
        category=category,
        group=group,
        source=source,
    )
    try:
        settings = Settings.load(config, db=db)
        with Store.open(settings.db) as store, store.session() as session:
            page = list_incidents(session, filters, PageRequest(limit=limit))
    except BilanError as exc:
        fail(exc)
    sums = totals(page.items)
    if as_json:
        data = {
            "incidents": [i.model_dump(mode="json") for i in page.items],
            "total": page.total,
            "totals": [t.model_dump(mode="json") for t in sums],
        }
        typer.echo(json.dumps(data, ensure_ascii=False))
        return
    render(Console(), page.items, sums)
