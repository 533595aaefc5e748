"""Writing articles and their facts: typed records in, rows out (one article per call).

``save_article`` inserts an :class:`~bilan.model.Article` unless a row with the same content hash
exists (re-ingesting changes nothing); ``save_facts`` writes every fact of an extraction result
(a pipeline :class:`~bilan.model.Document` or a contract :class:`ContractDocument`) with its
evidence. The caller owns the transaction.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Protocol

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from bilan.model import (
    Article,
    Count,
    DateMention,
    EntityRef,
    Event,
    Evidence,
    Place,
    Quote,
    Statement,
)
from bilan.reconcile.keys import is_cumulative, name_key
from bilan.store.tables import (
    ActorRow,
    ArticleRow,
    CountRow,
    DateRow,
    EventRow,
    PlaceRow,
    QuoteRow,
    SourceRow,
    StatementRow,
)


class Facts(Protocol):
    """What an extraction result holds (both Document and ContractDocument qualify)."""

    @property
    def counts(self) -> list[Count]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def statements(self) -> list[Statement]: ...
    @property
    def places(self) -> list[Place]: ...
    @property
    def dates(self) -> list[DateMention]: ...
    @property
    def actors(self) -> list[EntityRef]: ...
    @property
    def events(self) -> list[Event]: ...


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_article(session: Session, text: str) -> ArticleRow | None:
    """The stored article with exactly this text, if any."""
    return session.scalar(select(ArticleRow).where(ArticleRow.content_hash == content_hash(text)))


def save_article(
    session: Session,
    article: Article,
    *,
    origin: str | None = None,
    minhash: bytes | None = None,
    shingles: int = 0,
    warnings: list[str] | None = None,
) -> ArticleRow:
    """Insert the article (its text verbatim) and return its row."""
    row = ArticleRow(
        external_id=article.id,
        content_hash=content_hash(article.text),
        title=article.title,
        published=article.published,
        language=article.language,
        url=article.url,
        origin=origin,
        body_start=article.body_start,
        text=article.text,
        minhash=minhash,
        shingles=shingles,
        extracted=False,
        warnings=list(warnings or []),
        ingested_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
    )
    session.add(row)
    session.flush()
    return row


def source_id(session: Session, entity: EntityRef | None) -> int | None:
    """The id of the entity's source row, created on first sight (keyed by normalized name)."""
    if entity is None:
        return None
    label = entity.name or entity.text
    key = name_key(label)
    if not key:
        return None
    found = session.scalar(select(SourceRow.id).where(SourceRow.key == key))
    if found is not None:
        return found
    row = SourceRow(key=key, name=label, kind=entity.kind)
    session.add(row)
    session.flush()
    return row.id


def _data(record: BaseModel) -> dict[str, Any]:
    return record.model_dump(mode="json")


def _span(evidence: Evidence | None) -> tuple[int | None, int | None]:
    return (evidence.start, evidence.end) if evidence is not None else (None, None)


def _name(entity: EntityRef | None) -> str | None:
    return (entity.name or entity.text) if entity is not None else None


def _count_row(session: Session, article: ArticleRow, count: Count) -> CountRow:
    period, place = count.period, count.place
    return CountRow(
        article_id=article.id,
        local_id=count.id,
        start=count.evidence.start,
        end=count.evidence.end,
        data=_data(count),
        category=count.category,
        group=count.group,
        qualifier=count.qualifier,
        value=count.value,
        low=count.low,
        high=count.high,
        hedged=count.hedged,
        cumulative=is_cumulative(
            article.text,
            count.evidence.start,
            count.evidence.end,
            period_text=period.text if period else None,
        ),
        part_of=count.part_of,
        source_id=source_id(session, count.source),
        source_text=count.source.text if count.source else None,
        perpetrator=_name(count.perpetrator),
        period_start=period.start if period else None,
        period_end=period.end if period else None,
        place_name=(place.name or place.text) if place else None,
        place_country=place.country if place else None,
        place_admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        evidence=count.evidence.text,
    )


def save_counts(session: Session, article: ArticleRow, counts: list[Count]) -> list[CountRow]:
    rows = [_count_row(session, article, c) for c in counts]
    session.add_all(rows)
    session.flush()
    by_local = {r.local_id: r for r in rows}
    for row in rows:
        parent = by_local.get(row.part_of) if row.part_of else None
        if parent is not None and parent is not row:
            row.parent_id = parent.id
    return rows


def _quote_rows(session: Session, article_id: int, facts: Facts) -> list[Any]:
    rows: list[Any] = []
    for q in facts.quotes:
        rows.append(
            QuoteRow(
                article_id=article_id,
                local_id=q.id,
                start=q.evidence.start,
                end=q.evidence.end,
                data=_data(q),
                text=q.text,
                speaker_id=source_id(session, q.speaker),
                speaker_text=q.speaker.text if q.speaker else None,
            )
        )
    for s in facts.statements:
        rows.append(
            StatementRow(
                article_id=article_id,
                local_id=s.id,
                start=s.evidence.start,
                end=s.evidence.end,
                data=_data(s),
                speaker_id=source_id(session, s.speaker),
                speaker_text=s.speaker.text if s.speaker else None,
                content=s.content.text,
            )
        )
    return rows


def _mention_rows(article_id: int, facts: Facts) -> list[Any]:
    rows: list[Any] = []
    for p in facts.places:
        start, end = _span(p.evidence)
        rows.append(
            PlaceRow(
                article_id=article_id,
                start=start,
                end=end,
                data=_data(p),
                text=p.text,
                name=p.name,
                country=p.country,
                admin1=p.admin1,
                lat=p.lat,
                lon=p.lon,
                geonameid=p.geonameid,
            )
        )
    for d in facts.dates:
        rows.append(
            DateRow(
                article_id=article_id,
                local_id=d.id,
                start=d.evidence.start,
                end=d.evidence.end,
                data=_data(d),
                text=d.text,
                date_start=d.start,
                date_end=d.end,
                kind=d.kind,
            )
        )
    for a in facts.actors:
        start, end = _span(a.evidence)
        rows.append(
            ActorRow(
                article_id=article_id,
                start=start,
                end=end,
                data=_data(a),
                text=a.text,
                name=a.name,
                kind=a.kind,
            )
        )
    return rows


def _event_rows(article_id: int, events: list[Event]) -> list[EventRow]:
    return [
        EventRow(
            article_id=article_id,
            local_id=e.id,
            start=e.evidence.start,
            end=e.evidence.end,
            data=_data(e),
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            actor1=_name(e.actor1),
            actor2=_name(e.actor2),
            place_name=(e.place.name or e.place.text) if e.place else None,
            place_country=e.place.country if e.place else None,
            period_start=e.period.start if e.period else None,
            period_end=e.period.end if e.period else None,
            fatalities=e.fatalities,
        )
        for e in events
    ]


def save_facts(session: Session, article: ArticleRow, facts: Facts) -> None:
    """Write every fact of an extraction result for ``article`` and mark it extracted."""
    save_counts(session, article, facts.counts)
    session.add_all(_quote_rows(session, article.id, facts))
    session.add_all(_mention_rows(article.id, facts))
    session.add_all(_event_rows(article.id, facts.events))
    article.extracted = True
    session.flush()
