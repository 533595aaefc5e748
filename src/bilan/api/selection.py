"""Gather an export :class:`~bilan.export.Selection` from a store, page by page."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from bilan.api.filters import Filters
from bilan.api.schemas import Page
from bilan.api.store import FactStore
from bilan.export import Selection

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
