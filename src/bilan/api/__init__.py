"""The HTTP API (FastAPI) over the store, with the dashboard and the exports.

>>> from bilan.api import create_app                       # doctest: +SKIP
>>> app = create_app(Settings(api_token="…"))              # doctest: +SKIP

Importing this package builds no app and loads no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bilan.api.app import create_app
    from bilan.api.server import serve

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from bilan.api.app import create_app

        return create_app
    if name == "serve":
        from bilan.api.server import serve

        return serve
    raise AttributeError(name)
