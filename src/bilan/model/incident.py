"""Cross-article records: what reconciliation makes of many claims, and what the API serves.

A :class:`Claim` is one source's figure for something (one stored count with its article and
evidence). An :class:`Incident` groups the claims about the same happening (UCDP's low, best and
high over them; ``disagreement`` when sources differ). A :class:`Flow` is a displacement from an
``origin`` to a ``destination`` (issue 12), with the same low/best/high and claims.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from bilan.model.facts import EntityRef, Evidence, Period, Place
from bilan.model.vocab import Category, Group, Qualifier


class Claim(BaseModel):
    """One source's figure, pointing back to the stored count and its evidence."""

    article_id: str
    count_id: str
    source: EntityRef | None = None
    perpetrator: EntityRef | None = None
    qualifier: Qualifier = "exact"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    hedged: bool = False
    evidence: Evidence


class Incident(BaseModel):
    """One happening (a strike, a crash…) with the figures every source gave for it."""

    id: str
    category: Category
    group: Group = "people"
    place: Place | None = None
    period: Period | None = None
    low: float | None = None
    best: float | None = None
    high: float | None = None
    disagreement: bool = False
    cumulative: bool = False
    claims: list[Claim] = Field(default_factory=list)


class Flow(BaseModel):
    """People who left ``origin`` for ``destination`` (either may be unknown, not both)."""

    id: str
    category: Category = "displaced"
    group: Group = "people"
    origin: Place | None = None
    destination: Place | None = None
    qualifier: Qualifier = "exact"
    period: Period | None = None
    low: float | None = None
    best: float | None = None
    high: float | None = None
    part_of: str | None = None
    claims: list[Claim] = Field(default_factory=list)
