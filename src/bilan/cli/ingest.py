"""`bilan ingest PATH|URL…`: store articles and their facts, link copies, reconcile incidents."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from bilan.cli.app import app, err_console, fail
from bilan.config import Settings
from bilan.errors import BilanError
from bilan.ingest.fetch import HttpFetcher
from bilan.ingest.service import IngestOptions, IngestReport, LazyExtractor, Outcome, ingest
from bilan.store import Store, snapshot


class RichProgress:
    """The ingest progress bar (on stderr, so that stdout stays clean)."""

    def __init__(self, console: Console) -> None:
        self.bar = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/]"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console,
        )
        self.task: TaskID | None = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task("", total=total)

    def advance(self, outcome: Outcome) -> None:
        if self.task is not None:
            self.bar.update(self.task, advance=1, description=outcome.external_id or outcome.origin)

    def stop(self) -> None:
        self.bar.stop()


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


def _summary(console: Console, report: IngestReport) -> None:
    added = report.of("added")
    console.print(
        f"added {len(added)} ({len(report.duplicates)} near-duplicates linked), "
        f"unchanged {len(report.of('unchanged'))}, extracted {len(report.of('extracted'))}, "
        f"failed {len(report.failures)}"
        + (f"; incidents {report.incidents}" if report.incidents is not None else "")
        + (f"; flows {report.flows}" if report.flows is not None else ""),
        highlight=False,
    )
    for outcome in report.failures:
        assert outcome.error is not None
        # extraction errors name the article id only: say which file it came from
        where = "" if outcome.origin in str(outcome.error) else f"{outcome.origin}: "
        console.print(
            f"[red]error[{outcome.error.code}][/]: {where}{outcome.error}",
            highlight=False,
            soft_wrap=True,
        )


@app.command("ingest")
def ingest_command(
    inputs: list[str] = typer.Argument(..., help="files, directories, feeds or URLs"),
    db: str | None = typer.Option(None, "--db", help="SQLite path or postgresql:// URL"),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    published: str | None = typer.Option(None, "--published", help="date for undated articles"),
    no_extract: bool = typer.Option(False, "--no-extract", help="store the text only"),
    no_dedup: bool = typer.Option(False, "--no-dedup", help="do not link near-duplicates"),
    no_language_check: bool = typer.Option(False, "--no-language-check"),
    digest: bool = typer.Option(False, "--digest", help="print the database digest at the end"),
) -> None:
    """Store articles with their facts; idempotent; each article is its own transaction."""
    try:
        settings = Settings.load(config, db=db, check_language=not no_language_check)
        store = Store.open(settings.db)
        extractor = None
        if not no_extract:
            from bilan.pipeline import Pipeline

            extractor = LazyExtractor(lambda: Pipeline(settings))
        options = IngestOptions(published=_parse_date(published), dedup=not no_dedup)
        progress = RichProgress(err_console)
        try:
            report = ingest(
                store,
                inputs,
                extractor=extractor,
                fetcher=HttpFetcher(),
                options=options,
                progress=progress,
            )
        finally:
            progress.stop()
    except BilanError as exc:
        fail(exc)
    _summary(err_console, report)
    if digest:
        with store.session() as session:
            shot = snapshot(session)
        typer.echo(f"{shot.digest} {sum(shot.rows.values())} rows {shot.rows}")
    store.close()
    if report.failures:
        first = report.failures[0].error
        raise typer.Exit(first.exit_code if first is not None else 1)
