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
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    token: str | None = typer.Option(
        None, "--token", envvar="BILAN_API_TOKEN", help="bearer token for write endpoints"
    ),
    ingest: list[Path] = typer.Option(
        [], "--ingest", help="article files or folders to extract and store before serving"
    ),
) -> None:
    """Serve the JSON API (OpenAPI at /docs) and the dashboard (/dashboard)."""
    from bilan.api.memory import MemoryStore
    from bilan.api.server import dashboard_url, ingest_files
    from bilan.api.server import serve as run
    from bilan.pipeline import Pipeline

    try:
        settings = Settings.load(config, api_token=token)
        store = MemoryStore()
        pipeline = Pipeline(settings) if ingest else None
        if pipeline is not None:
            for result in ingest_files(store, pipeline, ingest):
                if isinstance(result, BilanError):
                    err_console.print(f"[red]error[{result.code}][/]: {result}", highlight=False)
    except BilanError as exc:
        fail(exc)
    err_console.print(f"bilan serves the dashboard at {dashboard_url(host, port)}")
    run(settings, host, port, store=store, pipeline=pipeline)
