"""Run the app with uvicorn: ``serve(settings, host, port)`` (used by `bilan serve`, `make demo`)."""

from __future__ import annotations

from bilan.api.store import FactStore
from bilan.config import Settings
from bilan.pipeline import Pipeline


def dashboard_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://{shown}:{port}/dashboard"


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

    app = create_app(settings, store=store, pipeline=pipeline)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
