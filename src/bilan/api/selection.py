"""Gather an export :class:`~bilan.export.Selection` from a store, page by page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bilan.api.derive import flows_of, incidents_of
from bilan.api.filters import Filters, match_count, match_event, match_incident
from bilan.api.schemas import Page
from bilan.api.store import FactStore
from bilan.contract import ContractDocument
from bilan.export import Selection
from bilan.model import CountItem, EventItem, Flow, Incident

#: rows asked from the store per call while gathering an export
EXPORT_PAGE = 1000

T = TypeVar("T")


def every(read: Callable[..., Page[T]], filters: Filters, page: int = EXPORT_PAGE) -> list[T]:
    out: list[T] = []
    offset: int | None = 0
    while offset is not None:
        got = read(filters, limit=page, offset=offset)
        out.extend(got.items)
        offset = got.next_offset
    return out


def collect(store: FactStore, filters: Filters) -> Selection:
    return Selection(
        documents=store.documents(filters),
        counts=every(store.counts, filters),
        events=every(store.events, filters),
        incidents=every(store.incidents, filters),
        flows=every(store.flows, filters),
    )


def from_documents(documents: list[ContractDocument], filters: Filters) -> Selection:
    """A selection straight from contract documents (``bilan extract`` output), no store.

    Incidents and flows are per article (:mod:`bilan.api.derive`); nothing is merged across
    articles without the store's reconciliation.
    """
    kept: list[ContractDocument] = []
    counts: list[CountItem] = []
    events: list[EventItem] = []
    incidents: list[Incident] = []
    flows: list[Flow] = []
    for n, doc in enumerate(documents, start=1):
        key = doc.article.id or f"article-{n}"
        if filters.article_id is not None and key != filters.article_id:
            continue
        day = doc.article.published
        mine = [c for c in doc.counts if match_count(filters, c, day)]
        counts += [CountItem(article_id=key, **c.model_dump()) for c in mine]
        by_id = {c.id: c for c in doc.counts}
        events += [
            EventItem(article_id=key, **e.model_dump())
            for e in doc.events
            if match_event(filters, e, [by_id[i] for i in e.count_ids if i in by_id], day)
        ]
        incidents += [i for i in incidents_of(key, doc) if match_incident(filters, i)]
        flows += [f for f in flows_of(key, doc) if match_incident(filters, f)]
        if mine or filters == Filters():
            kept.append(doc)
    return Selection(documents=kept, counts=counts, events=events, incidents=incidents, flows=flows)
