"""The dashboard: one page and its static files, all bundled (no internet needed).

``static/`` holds the page (index.html, app.js, app.css) and, under ``vendor/``, Leaflet and the
Natural Earth country boundaries with their licenses (rebuilt by ``scripts/vendor_web.sh``).
The page reads everything through the JSON API of the same app.
"""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles


def index_html() -> str:
    return resources.files(__package__).joinpath("static/index.html").read_text("utf-8")


def mount_dashboard(app: FastAPI) -> None:
    """Serve the page at ``/`` (and ``/dashboard``) and its files under ``/static``."""
    app.mount("/static", StaticFiles(packages=[("bilan.web", "static")]), name="static")

    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/dashboard")

    @app.get("/dashboard", include_in_schema=False, response_class=HTMLResponse)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(index_html())
