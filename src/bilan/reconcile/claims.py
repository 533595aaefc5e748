"""A claim: one stored count, as reconciliation sees it (typed, pure data)."""

from __future__ import annotations

import math
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict

from bilan.model.vocab import Category, Group, Qualifier

#: a count whose qualifier is "about" may be this far from its round number
ABOUT_SPREAD = 0.2
#: how far above "au moins N" / below "jusqu'à N" a compatible figure may lie
OPEN_FACTOR = 2.0


class PlaceKey(BaseModel):
    """Where a claim happened, as keys: the place's name, its containing places, its country."""

    model_config = ConfigDict(frozen=True)

    name: str
    label: str
    country: str | None = None
    parents: tuple[str, ...] = ()
    precision: int | None = None

    @property
    def is_country(self) -> bool:
        return self.precision == 6


class Claim(BaseModel):
    """One count from one article, with the keys reconciliation compares.

    ``report_id`` is the article that first carried the dispatch (a near-duplicate copy shares its
    original's), so that twenty copies of one wire story count as one report. ``source_key`` is
    the normalized source name, or ``report:<id>`` when the article speaks in its own voice.
    """

    model_config = ConfigDict(frozen=True)

    count_id: int
    article_id: int
    report_id: int
    category: Category
    group: Group = "people"
    qualifier: Qualifier = "exact"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedged: bool = False
    cumulative: bool = False
    parent_count_id: int | None = None
    source_key: str
    source_name: str
    place: PlaceKey | None = None
    period_start: date | None = None
    period_end: date | None = None
    published: date | None = None

    @property
    def figure(self) -> float:
        """The number the source stated (the lower bound for ranges and vague amounts)."""
        if self.qualifier in ("range", "vague"):
            return _first(self.low, self.value, self.high)
        return _first(self.value, self.low, self.high)

    @property
    def upper(self) -> float:
        """The highest number the source stated."""
        if self.qualifier in ("range", "vague"):
            return _first(self.high, self.value, self.low)
        return self.figure

    def interval(self) -> tuple[float, float]:
        """The numbers this claim is consistent with (used to decide compatibility)."""
        v = self.figure
        match self.qualifier:
            case "exact":
                return v, v
            case "about":
                return v * (1 - ABOUT_SPREAD), v * (1 + ABOUT_SPREAD)
            case "at_least" | "more_than":
                return v, max(v * OPEN_FACTOR, v + 3)
            case "up_to" | "less_than":
                return min(v / OPEN_FACTOR, max(v - 3, 0)), v
            case _:
                return self.figure, self.upper

    def days(self) -> tuple[date, date] | None:
        """The claim's period; without one, the two days before publication (news reports
        yesterday's and today's events); None when neither is known."""
        if self.period_start is not None or self.period_end is not None:
            start = self.period_start or self.period_end
            end = self.period_end or self.period_start
            assert start is not None and end is not None
            return (start, end) if start <= end else (end, start)
        if self.published is not None:
            return self.published - timedelta(days=1), self.published
        return None


def _first(*values: float | None) -> float:
    for v in values:
        if v is not None and not math.isnan(v):
            return float(v)
    raise ValueError("a claim needs a value, low or high")
