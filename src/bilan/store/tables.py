"""SQLAlchemy 2 ORM tables: articles, every extracted fact with its evidence, links, incidents.

Each fact row keeps the typed record it came from (``data``, the pydantic dump) next to the
columns that queries filter on, so that a row reads back into the same :mod:`bilan.model` record.
Evidence offsets (``start``, ``end``) index the stored ``articles.text``.

The schema is created by the Alembic migrations in ``bilan/store/migrations`` (never by
``create_all``); :func:`bilan.store.engine.open_engine` runs them when a store is opened.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: JSON on SQLite, JSONB on PostgreSQL
JSONType = JSON().with_variant(JSONB(), "postgresql")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    """One article as read: verbatim text (offsets index it), metadata, content hash."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(Text, index=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    language: Mapped[str] = mapped_column(String(8), default="fr")
    url: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str | None] = mapped_column(Text)  # file path, feed or URL read from
    body_start: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text)
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)  # near-duplicate signature
    shingles: Mapped[int] = mapped_column(Integer, default=0)  # size of the shingle set
    extracted: Mapped[bool] = mapped_column(Boolean, default=False)
    warnings: Mapped[list[Any]] = mapped_column(JSONType, default=list)
    ingested_at: Mapped[datetime] = mapped_column(DateTime)


class DuplicateRow(Base):
    """A near-duplicate link: ``article_id`` is a copy of the earlier report ``original_id``."""

    __tablename__ = "duplicates"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    original_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    similarity: Mapped[float] = mapped_column(Float)


class SourceRow(Base):
    """A distinct source or speaker (by normalized name): the OSDH, Sana, a correspondent…"""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(Text)


class _Fact:
    """Columns every fact row shares: its article, its id in the article, its evidence."""

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    local_id: Mapped[str | None] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)  # None only for places and actors
    end: Mapped[int | None] = mapped_column(Integer)  # given without evidence
    data: Mapped[dict[str, Any]] = mapped_column(JSONType)


class CountRow(_Fact, Base):
    __tablename__ = "counts"
    __table_args__ = (Index("ix_counts_category_period", "category", "period_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(20))
    group: Mapped[str] = mapped_column("group_", String(20))
    qualifier: Mapped[str] = mapped_column(String(20))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    hedged: Mapped[bool] = mapped_column(Boolean, default=False)
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    part_of: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("counts.id", ondelete="SET NULL"))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    source_text: Mapped[str | None] = mapped_column(Text)
    perpetrator: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    place_name: Mapped[str | None] = mapped_column(Text, index=True)
    place_country: Mapped[str | None] = mapped_column(Text)
    place_admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text)


class QuoteRow(_Fact, Base):
    __tablename__ = "quotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    speaker_text: Mapped[str | None] = mapped_column(Text)


class StatementRow(_Fact, Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"), index=True)
    speaker_text: Mapped[str | None] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)


class PlaceRow(_Fact, Base):
    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(Text)
    admin1: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    geonameid: Mapped[int | None] = mapped_column(Integer)


class DateRow(_Fact, Base):
    __tablename__ = "dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    date_start: Mapped[date | None] = mapped_column(Date)
    date_end: Mapped[date | None] = mapped_column(Date)
    kind: Mapped[str | None] = mapped_column(Text)


class ActorRow(_Fact, Base):
    __tablename__ = "actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str | None] = mapped_column(Text, index=True)
    kind: Mapped[str | None] = mapped_column(Text)


class EventRow(_Fact, Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_type: Mapped[str] = mapped_column(Text, index=True)
    sub_event_type: Mapped[str | None] = mapped_column(Text)
    actor1: Mapped[str | None] = mapped_column(Text)
    actor2: Mapped[str | None] = mapped_column(Text)
    place_name: Mapped[str | None] = mapped_column(Text)
    place_country: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    fatalities: Mapped[int | None] = mapped_column(Integer)


class IncidentRow(Base):
    """One incident reconciled from the counts of several reports (see :mod:`bilan.reconcile`)."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    group: Mapped[str] = mapped_column("group_", String(20))
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    place_name: Mapped[str | None] = mapped_column(Text, index=True)
    place_country: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    low: Mapped[float] = mapped_column(Float)
    best: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    disagreement: Mapped[bool] = mapped_column(Boolean, default=False)
    n_reports: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True
    )


class ClaimRow(Base):
    """One count backing an incident, with the source that gave it (claims by source)."""

    __tablename__ = "claims"

    incident_id: Mapped[str] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True
    )
    count_id: Mapped[int] = mapped_column(
        ForeignKey("counts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text)
    figure: Mapped[float] = mapped_column(Float)
    upper: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(20))


class FlowRow(Base):
    """One displacement flow reconciled from the counts of several reports (issue 12;
    see :mod:`bilan.reconcile.flows`). ``origin`` and ``destination`` hold the Place records
    (with coordinates) of the most precise claim; the ``*_name`` columns are for filtering."""

    __tablename__ = "flows"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    category: Mapped[str] = mapped_column(String(20), index=True)
    group: Mapped[str] = mapped_column("group_", String(20))
    cumulative: Mapped[bool] = mapped_column(Boolean, default=False)
    origin_name: Mapped[str | None] = mapped_column(Text, index=True)
    origin_country: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    destination_name: Mapped[str | None] = mapped_column(Text, index=True)
    destination_country: Mapped[str | None] = mapped_column(Text)
    destination: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    low: Mapped[float] = mapped_column(Float)
    best: Mapped[float] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(20))
    disagreement: Mapped[bool] = mapped_column(Boolean, default=False)
    n_reports: Mapped[int] = mapped_column(Integer)
    n_sources: Mapped[int] = mapped_column(Integer)
    parent_id: Mapped[str | None] = mapped_column(
        ForeignKey("flows.id", ondelete="SET NULL"), index=True
    )


class FlowClaimRow(Base):
    """One count backing a flow, with the source that gave it (claims by source)."""

    __tablename__ = "flow_claims"

    flow_id: Mapped[str] = mapped_column(
        ForeignKey("flows.id", ondelete="CASCADE"), primary_key=True
    )
    count_id: Mapped[int] = mapped_column(
        ForeignKey("counts.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    report_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    source_key: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text)
    figure: Mapped[float] = mapped_column(Float)
    upper: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(String(20))
