"""An in-process :class:`~bilan.api.store.FactStore`: tests, demos and exports of an extraction file.

It keeps contract documents in a dict (insertion order) and filters them with
:mod:`bilan.api.filters`; incidents and flows are per article (:mod:`bilan.api.derive`). The
SQL store replaces it wherever many articles and cross-article reconciliation matter.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace

from bilan.api.derive import flows_of, incidents_of
from bilan.api.filters import (
    Filters,
    match_count,
    match_event,
    match_incident,
    match_quote,
    names_match,
    place_names,
)
from bilan.api.schemas import (
    ArticleSummary,
    CountItem,
    EventItem,
    IngestResult,
    Page,
    QuoteItem,
    StoredArticle,
)
from bilan.contract import ContractArticle, ContractDocument
from bilan.errors import NotFoundError
from bilan.model import Article, Flow, Incident


def article_key(article: Article) -> str:
    """The article's id, else a stable hash of its text (re-sending it finds the same key)."""
    if article.id:
        return article.id
    return "sha1-" + hashlib.sha1(article.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class _Entry:
    article: Article
    document: ContractDocument


class MemoryStore:
    """Articles and their extraction, held in memory."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    # -- writing ----------------------------------------------------------------------------
    def add(self, article: Article, document: ContractDocument) -> IngestResult:
        key = article_key(article)
        meta = document.article.model_copy(update={"id": key})
        document = document.model_copy(update={"article": meta})
        with self._lock:
            known = self._entries.get(key)
            created = known is None or known.article.text != article.text
            if created:
                self._entries[key] = _Entry(article.model_copy(update={"id": key}), document)
        return IngestResult(
            id=key,
            created=created,
            counts=len(document.counts),
            quotes=len(document.quotes),
            events=len(document.events),
        )

    def add_all(self, pairs: Iterable[tuple[Article, ContractDocument]]) -> list[IngestResult]:
        return [self.add(article, document) for article, document in pairs]

    # -- reading ----------------------------------------------------------------------------
    def _selected(self, filters: Filters) -> list[tuple[str, _Entry]]:
        with self._lock:
            entries = list(self._entries.items())
        return [
            (key, entry)
            for key, entry in entries
            if filters.article_id is None or key == filters.article_id
        ]

    @staticmethod
    def _article_matches(filters: Filters, entry: _Entry) -> bool:
        """One of its counts matches every filter; or, with no category or group asked, the
        article names the place and one of its quotes matches the source, actor and period."""
        f = replace(filters, article_id=None)
        doc, published = entry.document, entry.article.published
        if f == Filters() or any(match_count(f, c, published) for c in doc.counts):
            return True
        if f.category is not None or f.group is not None:
            return False
        if f.place is not None and not any(
            names_match(f.place, place_names(p)) for p in doc.places
        ):
            return False
        rest = replace(f, place=None)
        return rest == Filters() or any(match_quote(rest, q, published) for q in doc.quotes)

    def articles(self, filters: Filters, *, limit: int, offset: int) -> Page[ArticleSummary]:
        rows = [
            ArticleSummary(
                id=key,
                title=entry.article.title,
                published=entry.article.published,
                url=entry.article.url,
                counts=len(entry.document.counts),
                quotes=len(entry.document.quotes),
                events=len(entry.document.events),
            )
            for key, entry in self._selected(filters)
            if self._article_matches(filters, entry)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    def article(self, article_id: str) -> StoredArticle:
        with self._lock:
            entry = self._entries.get(article_id)
        if entry is None:
            raise NotFoundError(f"no stored article has the id {article_id!r}: see GET /articles")
        meta = ContractArticle.model_validate(entry.document.article.model_dump())
        return StoredArticle(
            id=article_id, text=entry.article.text, article=meta, document=entry.document
        )

    def counts(self, filters: Filters, *, limit: int, offset: int) -> Page[CountItem]:
        rows = [
            CountItem(article_id=key, **c.model_dump())
            for key, entry in self._selected(filters)
            for c in entry.document.counts
            if match_count(filters, c, entry.article.published)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    def quotes(self, filters: Filters, *, limit: int, offset: int) -> Page[QuoteItem]:
        rows = [
            QuoteItem(article_id=key, **q.model_dump())
            for key, entry in self._selected(filters)
            if self._article_matches(Filters(place=filters.place), entry)
            for q in entry.document.quotes
            if match_quote(filters, q, entry.article.published)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    def events(self, filters: Filters, *, limit: int, offset: int) -> Page[EventItem]:
        rows: list[EventItem] = []
        for key, entry in self._selected(filters):
            by_id = {c.id: c for c in entry.document.counts}
            for e in entry.document.events:
                own = [by_id[i] for i in e.count_ids if i in by_id]
                if match_event(filters, e, own, entry.article.published):
                    rows.append(EventItem(article_id=key, **e.model_dump()))
        return Page.of(rows, limit=limit, offset=offset)

    def incidents(self, filters: Filters, *, limit: int, offset: int) -> Page[Incident]:
        rows = [
            i
            for key, entry in self._selected(filters)
            for i in incidents_of(key, entry.document)
            if match_incident(filters, i)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    def flows(self, filters: Filters, *, limit: int, offset: int) -> Page[Flow]:
        rows = [
            f
            for key, entry in self._selected(filters)
            for f in flows_of(key, entry.document)
            if match_incident(filters, f)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    def documents(self, filters: Filters) -> list[ContractDocument]:
        return [
            entry.document
            for _, entry in self._selected(filters)
            if self._article_matches(filters, entry)
        ]
