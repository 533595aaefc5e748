"""Typed records the store's query API returns (what the API and the CLI render)."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from bilan.model import Count, Event, Quote

T = TypeVar("T")


class PageRequest(BaseModel):
    """Which slice of a result to return."""

    model_config = ConfigDict(frozen=True)

    limit: int = Field(default=50, gt=0, le=10_000)
    offset: int = Field(default=0, ge=0)


class Page(BaseModel, Generic[T]):
    """One page of results and the total number of matches."""

    items: list[T]
    total: int
    limit: int
    offset: int


class FactFilter(BaseModel):
    """Filters shared by counts, quotes, events and incidents (all optional, combined with AND).

        ``place`` matches a place name (case-insensitive) or an ISO country code; ``since``/``until``
        keep facts whose period (else the article's date) overlaps the interval; ``source`` matches a
        source or speaker name the GOLD.md way; ``actor`` a perpetrator, actor or speaker;
    ``cumulative`` keeps only cumulative tolls (True) or only single incidents (False).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    article_id: int | None = None
    place: str | None = None
    since: date | None = None
    until: date | None = None
    category: str | None = None
    group: str | None = None
    source: str | None = None
    actor: str | None = None
    event_type: str | None = None
    cumulative: bool | None = None
    include_duplicates: bool = True


class StoredArticle(BaseModel):
    id: int
    external_id: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "fr"
    url: str | None = None
    origin: str | None = None
    content_hash: str
    extracted: bool
    duplicate_of: int | None = None
    similarity: float | None = None


class StoredCount(BaseModel):
    id: int
    article_id: int
    cumulative: bool
    parent_id: int | None = None
    count: Count


class StoredQuote(BaseModel):
    id: int
    article_id: int
    quote: Quote


class StoredEvent(BaseModel):
    id: int
    article_id: int
    event: Event


class StoredClaim(BaseModel):
    count_id: int
    article_id: int
    report_id: int
    source_key: str
    source_name: str
    figure: float
    upper: float | None = None
    qualifier: str
    evidence: str


class StoredIncident(BaseModel):
    id: str
    category: str
    group: str
    cumulative: bool
    place: str | None = None
    country: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    low: float
    best: float
    high: float | None = None
    disagreement: bool
    n_reports: int
    n_sources: int
    parent_id: str | None = None
    claims: list[StoredClaim] = Field(default_factory=list)

    def figures_by_source(self) -> dict[str, list[float]]:
        """Each source's figures (in claim order), for side-by-side display."""
        out: dict[str, list[float]] = {}
        for claim in self.claims:
            figures = out.setdefault(claim.source_name, [])
            if claim.figure not in figures:
                figures.append(claim.figure)
        return out
