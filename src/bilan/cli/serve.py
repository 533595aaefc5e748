"""`bilan serve`: the HTTP API and the dashboard (thin wrapper over bilan.api.server)."""

from __future__ import annotations

from pathlib import Path

import typer

from bilan.cli.app import app, err_console, fail
from bilan.config import Settings
from bilan.errors import BilanError


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    db: str | None = typer.Option(None, "--db", help="SQLite file or PostgreSQL URL (BILAN_DB)"),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    token: str | None = typer.Option(
        None, "--token", envvar="BILAN_API_TOKEN", help="bearer token for write endpoints"
    ),
    ingest: list[str] = typer.Option(
        [], "--ingest", help="article files or folders to ingest before serving"
    ),
) -> None:
    """Serve the JSON API (OpenAPI at /openapi.json, /docs) and the dashboard (/dashboard)."""
    from bilan.api.server import dashboard_url, ingest_paths, open_store
    from bilan.api.server import serve as run
    from bilan.pipeline import Pipeline

    try:
        settings = Settings.load(config, api_token=token, db=db)
        pipeline = Pipeline(settings) if ingest else None
        if pipeline is not None:
            for message in ingest_paths(settings, ingest, pipeline):
                err_console.print(message, style="red", highlight=False)
        store = open_store(settings)
    except BilanError as exc:
        fail(exc)
    err_console.print(f"bilan serves the dashboard at {dashboard_url(host, port)}")
    run(settings, host, port, store=store, pipeline=pipeline)
