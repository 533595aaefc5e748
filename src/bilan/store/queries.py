"""The store's read API: list, filter and paginate articles and facts as typed records.

Every function takes a SQLAlchemy session (``with store.session() as s``), a
:class:`~bilan.store.records.FactFilter` and a :class:`~bilan.store.records.PageRequest`, and
returns a :class:`~bilan.store.records.Page` of typed records.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from bilan.errors import NotFoundError
from bilan.model import Count, Event, Quote
from bilan.reconcile.keys import name_key
from bilan.store.records import (
    FactFilter,
    Page,
    PageRequest,
    StoredArticle,
    StoredCount,
    StoredEvent,
    StoredQuote,
)
from bilan.store.tables import (
    ArticleRow,
    CountRow,
    DuplicateRow,
    EventRow,
    QuoteRow,
    SourceRow,
)

T = TypeVar("T")
if TYPE_CHECKING:
    #: a SELECT of any columns
    AnySelect = Select[*tuple[Any, ...]]


def paginate(
    session: Session, query: AnySelect, page: PageRequest, convert: Callable[[Any], T]
) -> Page[T]:
    total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    rows = session.execute(query.limit(page.limit).offset(page.offset)).all()
    return Page[T](
        items=[convert(r) for r in rows], total=total or 0, limit=page.limit, offset=page.offset
    )


def place_clause(name: Any, country: Any, place: str) -> ColumnElement[bool]:
    """A place filter: the name (case-insensitive) or, for two letters, the country code."""
    clauses = [func.lower(name) == place.strip().lower()]
    if len(place.strip()) == 2:
        clauses.append(country == place.strip().upper())
    return or_(*clauses)


def period_clauses(start: Any, end: Any, f: FactFilter) -> list[ColumnElement[bool]]:
    """Keep rows whose period (else their article's date) overlaps [since, until]."""
    out: list[ColumnElement[bool]] = []
    first = func.coalesce(start, end, ArticleRow.published)
    last = func.coalesce(end, start, ArticleRow.published)
    if f.since is not None:
        out.append(last >= f.since)
    if f.until is not None:
        out.append(first <= f.until)
    return out


def source_clause(source_id: Any, source: str) -> ColumnElement[bool]:
    key = name_key(source)
    if not key:
        return false()  # a value that normalizes to nothing names no source
    ids = select(SourceRow.id).where(
        or_(SourceRow.key == key, SourceRow.key.contains(key, autoescape=True))
    )
    return source_id.in_(ids)


def _article(row: Any) -> StoredArticle:
    article, dup = row[0], row[1]
    return StoredArticle(
        id=article.id,
        external_id=article.external_id,
        title=article.title,
        published=article.published,
        language=article.language,
        url=article.url,
        origin=article.origin,
        content_hash=article.content_hash,
        extracted=article.extracted,
        duplicate_of=dup.original_id if dup is not None else None,
        similarity=dup.similarity if dup is not None else None,
    )


def _articles_query() -> AnySelect:
    return select(ArticleRow, DuplicateRow).outerjoin(
        DuplicateRow, DuplicateRow.article_id == ArticleRow.id
    )


def list_articles(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredArticle]:
    """Articles (newest first), filtered by date and, through their counts, by place/category."""
    f, page = f or FactFilter(), page or PageRequest()
    query = _articles_query()
    if f.since is not None:
        query = query.where(ArticleRow.published >= f.since)
    if f.until is not None:
        query = query.where(ArticleRow.published <= f.until)
    if not f.include_duplicates:
        query = query.where(DuplicateRow.article_id.is_(None))
    count_clauses = _count_clauses(f.model_copy(update={"since": None, "until": None}))
    if count_clauses:
        query = query.where(
            ArticleRow.id.in_(select(CountRow.article_id).where(and_(*count_clauses)))
        )
    query = query.order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
    return paginate(session, query, page, _article)


def get_article(session: Session, article_id: int) -> StoredArticle:
    row = session.execute(_articles_query().where(ArticleRow.id == article_id)).first()
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    return _article(row)


def article_text(session: Session, article_id: int) -> str:
    text = session.scalar(select(ArticleRow.text).where(ArticleRow.id == article_id))
    if text is None:
        raise NotFoundError(f"no article with id {article_id}")
    return text


def _count_clauses(f: FactFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.article_id is not None:
        out.append(CountRow.article_id == f.article_id)
    if f.place:
        out.append(place_clause(CountRow.place_name, CountRow.place_country, f.place))
    if f.category:
        out.append(CountRow.category == f.category)
    if f.group:
        out.append(CountRow.group == f.group)
    if f.source:
        out.append(source_clause(CountRow.source_id, f.source))
    if f.actor:
        out.append(func.lower(CountRow.perpetrator).contains(f.actor.lower(), autoescape=True))
    out.extend(period_clauses(CountRow.period_start, CountRow.period_end, f))
    return out


def _not_duplicate(article_id: Any, f: FactFilter) -> list[ColumnElement[bool]]:
    if f.include_duplicates:
        return []
    return [article_id.not_in(select(DuplicateRow.article_id))]


def list_counts(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredCount]:
    f, page = f or FactFilter(), page or PageRequest()
    query = (
        select(CountRow)
        .join(ArticleRow, ArticleRow.id == CountRow.article_id)
        .where(*_count_clauses(f), *_not_duplicate(CountRow.article_id, f))
        .order_by(CountRow.article_id, CountRow.start, CountRow.id)
    )

    def convert(row: Any) -> StoredCount:
        c: CountRow = row[0]
        return StoredCount(
            id=c.id,
            article_id=c.article_id,
            cumulative=c.cumulative,
            parent_id=c.parent_id,
            count=Count.model_validate(c.data),
        )

    return paginate(session, query, page, convert)


def list_quotes(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredQuote]:
    """Quotes; ``source`` and ``actor`` both match the speaker."""
    f, page = f or FactFilter(), page or PageRequest()
    clauses: list[ColumnElement[bool]] = [*_not_duplicate(QuoteRow.article_id, f)]
    if f.article_id is not None:
        clauses.append(QuoteRow.article_id == f.article_id)
    for who in (f.source, f.actor):
        if who:
            clauses.append(source_clause(QuoteRow.speaker_id, who))
    clauses.extend(period_clauses(None, None, f))
    query = (
        select(QuoteRow)
        .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        .where(*clauses)
        .order_by(QuoteRow.article_id, QuoteRow.start, QuoteRow.id)
    )
    return paginate(
        session,
        query,
        page,
        lambda r: StoredQuote(
            id=r[0].id, article_id=r[0].article_id, quote=Quote.model_validate(r[0].data)
        ),
    )


def _event_clauses(f: FactFilter) -> Sequence[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = [*_not_duplicate(EventRow.article_id, f)]
    if f.article_id is not None:
        out.append(EventRow.article_id == f.article_id)
    if f.place:
        out.append(place_clause(EventRow.place_name, EventRow.place_country, f.place))
    if f.event_type:
        out.append(EventRow.event_type == f.event_type)
    if f.actor:
        actor = f.actor.lower()
        out.append(
            or_(
                func.lower(EventRow.actor1).contains(actor, autoescape=True),
                func.lower(EventRow.actor2).contains(actor, autoescape=True),
            )
        )
    out.extend(period_clauses(EventRow.period_start, EventRow.period_end, f))
    return out


def list_events(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredEvent]:
    f, page = f or FactFilter(), page or PageRequest()
    query = (
        select(EventRow)
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .where(*_event_clauses(f))
        .order_by(EventRow.article_id, EventRow.start, EventRow.id)
    )
    return paginate(
        session,
        query,
        page,
        lambda r: StoredEvent(
            id=r[0].id, article_id=r[0].article_id, event=Event.model_validate(r[0].data)
        ),
    )
