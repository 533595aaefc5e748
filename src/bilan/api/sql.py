"""The API's :class:`~bilan.api.store.FactStore` over the SQL store (``bilan.store``).

Every read goes through ``bilan.store``'s query functions (no SQL here); this module only turns
the store's records into the API's. Article ids are the store's row ids, as strings. Incidents
and flows come from the store's reconciliation (:mod:`bilan.reconcile`, issue 12 for flows);
the claims' evidence offsets are read from the claimed counts. Flows of one article, or of a
store that was never reconciled, are read off its displaced/evacuated counts
(:mod:`bilan.api.derive`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from bilan.api.derive import FLOW_CATEGORIES, flows_of
from bilan.api.filters import FilterError, Filters, match_incident
from bilan.api.schemas import ArticleSummary, IngestResult, Page, StoredArticle
from bilan.contract import ContractArticle, ContractDocument
from bilan.errors import BilanError, NotFoundError
from bilan.ingest.readers import ReadResult
from bilan.ingest.service import IngestOptions, ingest_items
from bilan.ingest.sources import Item
from bilan.model import (
    Article,
    Claim,
    Count,
    CountItem,
    Document,
    EventItem,
    Flow,
    Incident,
    Place,
    QuoteItem,
    Warning_,
)
from bilan.store import (
    FactFilter,
    PageRequest,
    Store,
    StoredFlow,
    StoredIncident,
    article_text,
    get_article,
    has_flows,
    list_articles,
    list_counts,
    list_events,
    list_flows,
    list_incidents,
    list_quotes,
)
from bilan.store import Page as StorePage

T = TypeVar("T")
#: rows asked per call when a whole article's facts are needed
WHOLE = 10_000


def fact_filter(f: Filters) -> FactFilter:
    article_id: int | None = None
    if f.article_id is not None:
        if not f.article_id.isdigit():
            raise FilterError(
                f"article ids are numbers here (see GET /articles), not {f.article_id!r}"
            )
        article_id = int(f.article_id)
    return FactFilter(
        article_id=article_id,
        place=f.place,
        since=f.period.start if f.period else None,
        until=f.period.end if f.period else None,
        category=f.category,
        group=f.group,
        source=f.source,
        actor=f.actor,
        event_type=f.event_type,
    )


def _page(got: StorePage[Any], items: list[T]) -> Page[T]:
    following = got.offset + got.limit if got.offset + got.limit < got.total else None
    return Page[T](
        items=items, total=got.total, limit=got.limit, offset=got.offset, next_offset=following
    )


def as_document(article: Article, doc: ContractDocument) -> Document:
    """A pipeline Document holding a contract document's facts (what the store saves)."""
    return Document(
        article=article, counts=list(doc.counts), quotes=list(doc.quotes),
        statements=list(doc.statements), places=list(doc.places), dates=list(doc.dates),
        actors=list(doc.actors), events=list(doc.events),
        warnings=[Warning_(w.get("code", "W"), w.get("message", "")) for w in doc.warnings],
    )  # fmt: skip


class SqlFactStore:
    """Reads and writes through ``bilan.store`` (SQLite file or PostgreSQL URL)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @classmethod
    def open(cls, db: str) -> SqlFactStore:
        return cls(Store.open(db))

    # -- writing ----------------------------------------------------------------------------
    def add(self, article: Article, document: ContractDocument) -> IngestResult:
        doc = as_document(article, document)
        item = Item(origin=article.url or article.id or "api", result=ReadResult(article))
        report = ingest_items(self.store, [item], extractor=lambda _: doc, options=IngestOptions())
        (outcome,) = report.outcomes
        if outcome.error is not None:
            raise outcome.error
        if outcome.article_id is None:
            raise BilanError("the store returned no article id", source=article.id)
        return IngestResult(
            id=str(outcome.article_id),
            created=outcome.status != "unchanged",
            counts=len(document.counts),
            quotes=len(document.quotes),
            events=len(document.events),
        )

    # -- reading ----------------------------------------------------------------------------
    def _count_totals(self, article_id: int) -> tuple[int, int, int]:
        f, one = FactFilter(article_id=article_id), PageRequest(limit=1)
        with self.store.session() as s:
            return (
                list_counts(s, f, one).total,
                list_quotes(s, f, one).total,
                list_events(s, f, one).total,
            )

    def articles(self, filters: Filters, *, limit: int, offset: int) -> Page[ArticleSummary]:
        with self.store.session() as s:
            got = list_articles(s, fact_filter(filters), PageRequest(limit=limit, offset=offset))
        rows = []
        for a in got.items:
            counts, quotes, events = self._count_totals(a.id)
            rows.append(
                ArticleSummary(
                    id=str(a.id),
                    external_id=a.external_id,
                    title=a.title,
                    published=a.published,
                    url=a.url,
                    counts=counts,
                    quotes=quotes,
                    events=events,
                )
            )
        return _page(got, rows)

    def _document(self, article_id: int) -> tuple[str, ContractDocument]:
        f, everything = FactFilter(article_id=article_id), PageRequest(limit=WHOLE)
        with self.store.session() as s:
            meta = get_article(s, article_id)
            text = article_text(s, article_id)
            counts = [c.count for c in list_counts(s, f, everything).items]
            quotes = [q.quote for q in list_quotes(s, f, everything).items]
            events = [e.event for e in list_events(s, f, everything).items]
        article = ContractArticle(
            id=str(meta.id), title=meta.title, published=meta.published, language=meta.language,
            url=meta.url,
        )  # fmt: skip
        return text, ContractDocument(article=article, counts=counts, quotes=quotes, events=events)

    def article(self, article_id: str) -> StoredArticle:
        if not article_id.isdigit():
            raise NotFoundError(f"no stored article has the id {article_id!r}: see GET /articles")
        text, doc = self._document(int(article_id))
        return StoredArticle(id=article_id, text=text, article=doc.article, document=doc)

    def _read(
        self, reader: Callable[..., StorePage[Any]], filters: Filters, limit: int, offset: int
    ) -> StorePage[Any]:
        with self.store.session() as s:
            return reader(s, fact_filter(filters), PageRequest(limit=limit, offset=offset))

    def counts(self, filters: Filters, *, limit: int, offset: int) -> Page[CountItem]:
        got = self._read(list_counts, filters, limit, offset)
        items = [CountItem(article_id=str(c.article_id), **c.count.model_dump()) for c in got.items]
        return _page(got, items)

    def quotes(self, filters: Filters, *, limit: int, offset: int) -> Page[QuoteItem]:
        got = self._read(list_quotes, filters, limit, offset)
        items = [QuoteItem(article_id=str(q.article_id), **q.quote.model_dump()) for q in got.items]
        return _page(got, items)

    def events(self, filters: Filters, *, limit: int, offset: int) -> Page[EventItem]:
        got = self._read(list_events, filters, limit, offset)
        items = [EventItem(article_id=str(e.article_id), **e.event.model_dump()) for e in got.items]
        return _page(got, items)

    def _counts_by_row(self, article_ids: set[int]) -> dict[int, Count]:
        out: dict[int, Count] = {}
        with self.store.session() as s:
            for aid in article_ids:
                got = list_counts(s, FactFilter(article_id=aid), PageRequest(limit=WHOLE))
                out.update({c.id: c.count for c in got.items})
        return out

    @staticmethod
    def _claims(row: StoredIncident | StoredFlow, counts: dict[int, Count]) -> list[Claim]:
        return [
            Claim(
                article_id=str(c.article_id),
                count_id=count.id,
                source=count.source,
                perpetrator=count.perpetrator,
                qualifier=count.qualifier,
                value=count.value,
                low=count.low,
                high=count.high,
                hedged=count.hedged,
                evidence=count.evidence,
            )
            for c in row.claims
            if (count := counts.get(c.count_id)) is not None
        ]

    def _incident(self, row: StoredIncident, counts: dict[int, Count]) -> Incident:
        claims = self._claims(row, counts)
        place = next(
            (p for c in row.claims if (k := counts.get(c.count_id)) and (p := k.place)), None
        )
        if place is None and row.place:
            place = Place(text=row.place, name=row.place, country=row.country)
        period = {"start": row.period_start, "end": row.period_end}
        return Incident(
            id=row.id, category=row.category, group=row.group, place=place,  # type: ignore[arg-type]
            period=period if row.period_start or row.period_end else None,  # type: ignore[arg-type]
            low=row.low, best=row.best, high=row.high, disagreement=row.disagreement,
            cumulative=row.cumulative, claims=claims,
        )  # fmt: skip

    def incidents(self, filters: Filters, *, limit: int, offset: int) -> Page[Incident]:
        if filters.article_id is not None:
            raise FilterError("incidents span articles: filter counts by article instead")
        got = self._read(list_incidents, filters, limit, offset)
        counts = self._counts_by_row({c.article_id for i in got.items for c in i.claims})
        return _page(got, [self._incident(i, counts) for i in got.items])

    def flows(self, filters: Filters, *, limit: int, offset: int) -> Page[Flow]:
        """Reconciled flows across articles; one article's own (or an unreconciled store's)
        flows are read off its counts."""
        with self.store.session() as s:
            reconciled = filters.article_id is None and has_flows(s)
            stored = (
                list_flows(s, FactFilter(), PageRequest(limit=WHOLE)).items if reconciled else []
            )
        if not reconciled:
            return self._article_flows(filters, limit=limit, offset=offset)
        counts = self._counts_by_row({c.article_id for f in stored for c in f.claims})
        rows = [self._flow(f, counts) for f in stored]
        return Page.of([f for f in rows if match_incident(filters, f)], limit=limit, offset=offset)

    def _flow(self, row: StoredFlow, counts: dict[int, Count]) -> Flow:
        period = {"start": row.period_start, "end": row.period_end}
        return Flow(
            id=row.id, category=row.category, group=row.group,  # type: ignore[arg-type]
            origin=row.origin, destination=row.destination, qualifier=row.qualifier,  # type: ignore[arg-type]
            period=period if row.period_start or row.period_end else None,  # type: ignore[arg-type]
            low=row.low, best=row.best, high=row.high, part_of=row.parent_id,
            claims=self._claims(row, counts),
        )  # fmt: skip

    def _article_flows(self, filters: Filters, *, limit: int, offset: int) -> Page[Flow]:
        wide = Filters(period=filters.period, article_id=filters.article_id)
        by_article: dict[str, list[Count]] = {}
        for category in sorted(FLOW_CATEGORIES):
            for item in self._every(self.counts, replace(wide, category=category)):
                count = Count(**item.model_dump(exclude={"article_id"}))
                by_article.setdefault(item.article_id, []).append(count)
        rows = [
            f
            for aid, counts in by_article.items()
            for f in flows_of(aid, ContractDocument(article=ContractArticle(id=aid), counts=counts))
            if match_incident(filters, f)
        ]
        return Page.of(rows, limit=limit, offset=offset)

    @staticmethod
    def _every(read: Callable[..., Page[T]], filters: Filters) -> list[T]:
        out: list[T] = []
        offset: int | None = 0
        while offset is not None:
            got = read(filters, limit=1000, offset=offset)
            out += got.items
            offset = got.next_offset
        return out

    def documents(self, filters: Filters) -> list[ContractDocument]:
        summaries = self._every(self.articles, filters)
        return [self._document(int(a.id))[1] for a in summaries]
