"""`bilan batch`: run the pipeline over many articles on Dask (or in-process) into Parquet shards."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from bilan.cli.app import app, err_console, fail
from bilan.config import Settings
from bilan.errors import BilanError


def _parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from exc


@app.command()
def batch(
    inputs: list[Path] = typer.Argument(
        ..., help="article files (.txt, .html, .jsonl) or directories of .txt/.html files"
    ),
    out: Path = typer.Option(Path("out/batch"), "--out", "-o", help="directory of Parquet shards"),
    db: str | None = typer.Option(
        None, "--db", help="also store the results (SQLite path or postgresql:// URL)"
    ),
    workers: int = typer.Option(
        os.cpu_count() or 1,
        "--workers",
        "-w",
        min=0,
        help="local Dask worker processes (1 thread each); 0 runs in this process",
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="address of an existing Dask scheduler (tcp://host:8786)"
    ),
    partition_size: int = typer.Option(16, "--partition-size", min=1, help="articles per task"),
    resume: bool = typer.Option(
        True, "--resume/--no-resume", help="skip articles already in --out (or start over)"
    ),
    published: str | None = typer.Option(
        None, "--published", help="publication date YYYY-MM-DD for articles without one"
    ),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    no_language_check: bool = typer.Option(
        False, "--no-language-check", help="accept any language"
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress bar"),
) -> None:
    """Process many articles at once; a rerun resumes where the last one stopped."""
    from bilan.batch import BatchOptions, run_batch

    try:
        settings = Settings.load(config, check_language=False if no_language_check else None)
        summary = run_batch(
            BatchOptions(
                inputs=tuple(inputs),
                out=out,
                db=db,
                settings=settings,
                workers=workers,
                scheduler=scheduler,
                partition_size=partition_size,
                resume=resume,
                published=_parse_date(published),
                progress=not quiet,
            )
        )
    except BilanError as exc:
        fail(exc)
    Console(stderr=True).print(
        f"{summary.processed} articles processed ({summary.errors} rejected), "
        f"{summary.skipped} skipped as already done, {summary.rate:.1f} articles/s → {out}",
        highlight=False,
    )
    if db is not None:
        Console(stderr=True).print(
            f"{summary.stored} articles stored in {db}, {summary.incidents} incidents reconciled",
            highlight=False,
        )
    if summary.failed:
        for failure in summary.failed:
            err_console.print(f"[red]failed partition[/] {failure}", highlight=False)
        err_console.print("rerun the same command to retry the failed partitions")
        raise typer.Exit(1)
