"""Totals over incidents: what `bilan tally` prints under its table (pure).

Only single incidents that are no subset are added up: a subset ("dont 9 enfants") is already in
its parent, and cumulative tolls ("depuis le 15 novembre") overlap the incidents they sum.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from pydantic import BaseModel


class Tallied(Protocol):
    category: str
    cumulative: bool
    parent_id: str | None
    low: float
    best: float
    high: float | None


class Total(BaseModel):
    category: str
    incidents: int
    low: float
    best: float
    high: float


def totals(incidents: Iterable[Tallied]) -> list[Total]:
    """Per category: number of incidents and the sums of low, best and high."""
    by_category: dict[str, list[Tallied]] = {}
    for incident in incidents:
        if incident.cumulative or incident.parent_id is not None:
            continue
        by_category.setdefault(incident.category, []).append(incident)
    return [
        Total(
            category=category,
            incidents=len(members),
            low=sum(i.low for i in members),
            best=sum(i.best for i in members),
            high=sum(i.high if i.high is not None else i.best for i in members),
        )
        for category, members in sorted(by_category.items())
    ]
