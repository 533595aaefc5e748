"""FastAPI dependencies: the app's services, the shared filters, the page window and the token.

The services live on ``app.state.services`` (one :class:`Services` per app, built by
``create_app``); nothing is global. The pipeline is built on the first /extract or /articles
call when none was injected, so that creating the app never loads spaCy.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials

from bilan.api.errors import ApiError
from bilan.api.filters import Filters, make_filters
from bilan.api.security import bearer, check_token
from bilan.api.store import FactStore
from bilan.config import Settings
from bilan.contract import ContractDocument, from_contract, to_contract
from bilan.model import Article
from bilan.model.vocab import CATEGORIES, GROUPS
from bilan.pipeline import Pipeline


@dataclass
class Services:
    settings: Settings
    store: FactStore
    pipeline_factory: Callable[[], Pipeline]
    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def contract(self, article: Article) -> dict[str, object]:
        """The contract JSON of one article. The pipeline is built once and runs one request
        at a time (a spaCy model is not safe to share between threads)."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.pipeline_factory()
            return to_contract(self._pipeline(article))

    def extract(self, article: Article) -> ContractDocument:
        return from_contract(self.contract(article))


def services(request: Request) -> Services:
    found: Services = request.app.state.services
    return found


ServicesDep = Annotated[Services, Depends(services)]


def require_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    check_token(request, credentials)


#: the largest offset: databases count rows in signed 64-bit integers (2**63 overflowed SQLite)
MAX_OFFSET = 2**53


@dataclass(frozen=True)
class Window:
    limit: int
    offset: int


def window(
    request: Request,
    limit: Annotated[int | None, Query(ge=1, description="page size, at most api_max_page")] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> Window:
    cap: int = request.app.state.services.settings.api_max_page
    if limit is None:
        limit = min(100, cap)
    if limit > cap:
        raise ApiError(
            422,
            "E_PAGE_TOO_LARGE",
            f"limit {limit} is over the largest page of {cap} (setting api_max_page): "
            "page with offset instead",
            field="query.limit",
        )
    return Window(limit=limit, offset=offset)


WindowDep = Annotated[Window, Depends(window)]


def filters(
    place: Annotated[str | None, Query(description="place name (or its region, country)")] = None,
    period: Annotated[
        str | None,
        Query(description="YYYY, YYYY-MM, YYYY-MM-DD or START/END", examples=["2016-11"]),
    ] = None,
    category: Annotated[str | None, Query(description=f"one of {', '.join(CATEGORIES)}")] = None,
    group: Annotated[str | None, Query(description=f"one of {', '.join(GROUPS)}")] = None,
    source: Annotated[str | None, Query(description="who gave the figure (OSDH, ONU…)")] = None,
    actor: Annotated[str | None, Query(description="perpetrator, event actor or speaker")] = None,
    article: Annotated[str | None, Query(description="only this article's records")] = None,
) -> Filters:
    return make_filters(
        place=place,
        period=period,
        category=category,
        group=group,
        source=source,
        actor=actor,
        article_id=article,
    )


FiltersDep = Annotated[Filters, Depends(filters)]
