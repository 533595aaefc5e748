"""The application factory: ``create_app(settings, *, pipeline=None, store=None)``.

No app exists at import time. The factory wires the services (settings, store, a pipeline
built lazily unless injected), the body cap, the typed error handlers, the routes and the
dashboard. OpenAPI is served at ``/openapi.json`` with docs at ``/docs``.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from bilan import __version__
from bilan.api.deps import Services
from bilan.api.errors import install_error_handlers
from bilan.api.limits import BodySizeLimit
from bilan.api.memory import MemoryStore
from bilan.api.routes import exports, extract, reads
from bilan.api.store import FactStore
from bilan.config import Settings
from bilan.contract import schema
from bilan.pipeline import Pipeline
from bilan.web import mount_dashboard


def create_app(
    settings: Settings | None = None,
    *,
    pipeline: Pipeline | None = None,
    store: FactStore | None = None,
) -> FastAPI:
    """A ready app. Without ``store`` it keeps articles in memory; without ``pipeline`` it
    builds one from ``settings`` on the first extraction."""
    settings = settings or Settings()

    def build_pipeline() -> Pipeline:
        return pipeline if pipeline is not None else Pipeline(settings)

    app = FastAPI(
        title="bilan",
        version=__version__,
        description="French crisis news in; attributed, evidenced counts, quotes, places, "
        "events, incidents and flows out.",
    )
    app.state.settings = settings
    app.state.services = Services(
        settings=settings,
        store=store if store is not None else MemoryStore(),
        pipeline_factory=build_pipeline,
    )
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body)
    install_error_handlers(app)
    app.include_router(extract.router)
    app.include_router(reads.router)
    app.include_router(exports.router)

    @app.get("/schema", tags=["extraction"], summary="JSON Schema of the /extract output")
    def contract_schema() -> dict[str, Any]:
        return schema()

    @app.get("/health", tags=["meta"], summary="Liveness: the app answers")
    def health() -> dict[str, str | int]:
        return {"status": "ok", "version": __version__, "max_page": settings.api_max_page}

    mount_dashboard(app)
    return app
