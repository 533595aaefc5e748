"""Run the app with uvicorn: ``serve(settings, host, port)``; ``serve_demo`` for `make demo`.

Both serve the SQL store of ``Settings.db`` (SQLite file or PostgreSQL URL) unless a store is
given. ``serve_demo`` first ingests the bundled samples with ``bilan.ingest`` (the same path as
`bilan ingest`), prints the dashboard's address, then serves until interrupted.
"""

from __future__ import annotations

from pathlib import Path

from bilan.api.store import FactStore
from bilan.config import Settings
from bilan.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
DEMO_DB = ROOT / "out" / "demo" / "bilan.sqlite"


def dashboard_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://{shown}:{port}/dashboard"


def open_store(settings: Settings) -> FactStore:
    from bilan.api.sql import SqlFactStore

    return SqlFactStore.open(settings.db)


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    store: FactStore | None = None,
    pipeline: Pipeline | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API and the dashboard until interrupted (blocks)."""
    import uvicorn

    from bilan.api.app import create_app

    store = store if store is not None else open_store(settings)
    app = create_app(settings, store=store, pipeline=pipeline)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def ingest_paths(settings: Settings, paths: list[str], pipeline: Pipeline) -> list[str]:
    """Ingest files/folders into ``settings.db``; the messages of what failed (empty when none)."""
    from bilan.ingest.service import ingest
    from bilan.store import Store

    with Store.open(settings.db) as store:
        report = ingest(store, paths, extractor=pipeline)
    return [f"error[{o.error.code}]: {o.error}" for o in report.failures if o.error is not None]


def serve_demo(
    settings: Settings | None = None,
    *,
    samples: Path = SAMPLES,
    db: Path = DEMO_DB,
    host: str = "127.0.0.1",
    port: int = 8000,
    pipeline: Pipeline | None = None,
) -> None:
    """`make demo`: ingest the samples into ``db``, print the dashboard's address, serve."""
    from rich.console import Console

    console = Console()
    db.parent.mkdir(parents=True, exist_ok=True)
    settings = (settings or Settings.load()).model_copy(update={"db": str(db)})
    pipeline = pipeline or Pipeline(settings)
    for message in ingest_paths(settings, [str(samples)], pipeline):
        console.print(message, style="red", highlight=False)
    console.print(
        f"[bold green]Samples stored in {db}.[/] Dashboard: {dashboard_url(host, port)}",
        highlight=False,
    )
    serve(settings, host, port, pipeline=pipeline, log_level="warning")
