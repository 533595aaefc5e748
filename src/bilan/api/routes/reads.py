"""GET endpoints over the store: articles, counts, quotes, events, incidents, flows."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Query

from bilan.api.deps import FiltersDep, ServicesDep, WindowDep
from bilan.api.errors import ERROR_RESPONSES
from bilan.api.schemas import (
    ArticleSummary,
    CountItem,
    EventItem,
    Page,
    QuoteItem,
    StoredArticle,
)
from bilan.model import Flow, Incident

router = APIRouter(tags=["read"], responses=ERROR_RESPONSES)


@router.get("/articles", summary="Stored articles matching the filters")
def list_articles(svc: ServicesDep, f: FiltersDep, w: WindowDep) -> Page[ArticleSummary]:
    return svc.store.articles(f, limit=w.limit, offset=w.offset)


@router.get("/articles/{article_id}", summary="One article: its text and every annotation")
def get_article(article_id: str, svc: ServicesDep) -> StoredArticle:
    return svc.store.article(article_id)


@router.get("/counts", summary="Counts of people (one per claim, with evidence)")
def list_counts(svc: ServicesDep, f: FiltersDep, w: WindowDep) -> Page[CountItem]:
    return svc.store.counts(f, limit=w.limit, offset=w.offset)


@router.get("/quotes", summary="Direct quotations with their speakers")
def list_quotes(svc: ServicesDep, f: FiltersDep, w: WindowDep) -> Page[QuoteItem]:
    return svc.store.quotes(f, limit=w.limit, offset=w.offset)


@router.get("/events", summary="Events typed with ACLED's vocabulary")
def list_events(
    svc: ServicesDep,
    f: FiltersDep,
    w: WindowDep,
    event_type: Annotated[
        str | None, Query(description="ACLED event_type or sub_event_type (Battles, Riots…)")
    ] = None,
) -> Page[EventItem]:
    """``category`` and ``group`` look at the event's own counts; ``event_type`` at its type."""
    return svc.store.events(replace(f, event_type=event_type), limit=w.limit, offset=w.offset)


@router.get("/incidents", summary="Incidents with low, best and high and every source's claim")
def list_incidents(svc: ServicesDep, f: FiltersDep, w: WindowDep) -> Page[Incident]:
    return svc.store.incidents(f, limit=w.limit, offset=w.offset)


@router.get("/flows", summary="Displacement flows from an origin to a destination")
def list_flows(svc: ServicesDep, f: FiltersDep, w: WindowDep) -> Page[Flow]:
    return svc.store.flows(f, limit=w.limit, offset=w.offset)
