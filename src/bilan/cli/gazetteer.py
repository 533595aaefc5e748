"""`bilan gazetteer`: build the embedded index, look a name up, import full GeoNames dumps."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from bilan.cli.app import app, fail
from bilan.config import Settings
from bilan.errors import BilanError

gazetteer_app = typer.Typer(help="The embedded gazetteer: build, look up, import GeoNames dumps.")
app.add_typer(gazetteer_app, name="gazetteer")

CONFIG = typer.Option(None, "--config", help="settings file (TOML)")
INDEX = typer.Option(None, "--index", help="index file (default: Settings.gazetteer_path or cache)")


def _settings(config: Path | None, index: Path | None) -> Settings:
    return Settings.load(config, gazetteer_path=str(index) if index else None)


@gazetteer_app.command("build")
def build(
    config: Path | None = CONFIG,
    index: Path | None = INDEX,
    rebuild: bool = typer.Option(False, "--rebuild", help="rebuild even when the file exists"),
) -> None:
    """Build the index (done automatically on first use; handy at install time)."""
    from bilan.gazetteer import ensure_index

    try:
        path = ensure_index(_settings(config, index), rebuild=rebuild)
    except BilanError as exc:
        fail(exc)
    typer.echo(str(path))


@gazetteer_app.command("lookup")
def lookup(
    name: str = typer.Argument(..., help="a place name, e.g. Alep"),
    config: Path | None = CONFIG,
    index: Path | None = INDEX,
) -> None:
    """Show the candidates the gazetteer has for a name."""
    from bilan.gazetteer import open_gazetteer

    try:
        gazetteer = open_gazetteer(_settings(config, index))
    except BilanError as exc:
        fail(exc)
    table = Table("name", "kind", "country", "lat", "lon", "population", "source")
    for e in sorted(gazetteer.candidates(name), key=lambda e: -e.population):
        table.add_row(
            e.name, e.kind, e.country or "", f"{e.lat}", f"{e.lon}", f"{e.population}", e.source
        )
    Console().print(table)


@gazetteer_app.command("import")
def import_(
    dump: Path = typer.Argument(..., help="GeoNames allCountries.zip, a country's XX.zip or .txt"),
    alternate_names: Path | None = typer.Option(
        None, "--alternate-names", help="alternateNamesV2.zip (French names are kept)"
    ),
    config: Path | None = CONFIG,
    index: Path | None = INDEX,
) -> None:
    """Add every place of a GeoNames dump to the index, with a progress bar."""
    from bilan.gazetteer import ensure_index
    from bilan.gazetteer.geonames import import_geonames

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
    )
    try:
        path = ensure_index(_settings(config, index))
        with Progress(*columns, console=Console(stderr=True)) as bar:
            task = bar.add_task(f"importing {dump.name}", total=None)

            def report(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            result = import_geonames(path, dump, alternate_names=alternate_names, progress=report)
    except BilanError as exc:
        fail(exc)
    typer.echo(f"{result.added} places added, {result.named} names added to known places: {path}")
