"""Low, best and high for one incident, its claims by source, and the disagreement flag.

Definitions follow UCDP's GED: *low* is the lowest figure a source gives, *high* the highest,
*best* the most likely. Best follows ACLED's rule for conflicting reports, the most conservative
figure, unless the sources agree: all of them on one figure, or a strict majority of at least two.
Each source counts once, with its latest figure (a source updating 26 to 30 says 30); a
near-duplicate copy of a dispatch is the same report as its original. Unhedged sources decide
best when there are any ("auraient été tués" weighs less than "ont été tués").
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bilan.reconcile.claims import Claim, PlaceKey


class SourceFigure(BaseModel):
    """What one source said about an incident (its latest claim) and where it said it."""

    model_config = ConfigDict(frozen=True)

    source_key: str
    source_name: str
    figure: float
    upper: float
    qualifier: str
    hedged: bool
    report_ids: tuple[int, ...]
    count_ids: tuple[int, ...]


class Incident(BaseModel):
    """One incident reconciled from the claims of one or more reports."""

    model_config = ConfigDict(frozen=True)

    id: str
    category: str
    group: str
    cumulative: bool
    subset: bool
    place: PlaceKey | None = None
    period_start: date | None = None
    period_end: date | None = None
    low: float
    best: float
    high: float
    disagreement: bool
    sources: tuple[SourceFigure, ...]
    claims: tuple[Claim, ...] = Field(repr=False)
    parent_id: str | None = None

    @property
    def count_ids(self) -> tuple[int, ...]:
        return tuple(sorted(c.count_id for c in self.claims))

    @property
    def parent_count_ids(self) -> tuple[int, ...]:
        return tuple(sorted({c.parent_count_id for c in self.claims if c.parent_count_id}))

    @property
    def report_ids(self) -> tuple[int, ...]:
        return tuple(sorted({c.report_id for c in self.claims}))


def incident_id(claims: Sequence[Claim]) -> str:
    """A stable id from the counts an incident groups (the same input gives the same id)."""
    ids = ",".join(str(c) for c in sorted(c.count_id for c in claims))
    return "i" + hashlib.sha1(ids.encode("ascii")).hexdigest()[:15]


def by_source(claims: Sequence[Claim]) -> list[SourceFigure]:
    """Each source's latest claim (ties: the larger figure), in source order."""
    grouped: dict[str, list[Claim]] = {}
    for claim in claims:
        grouped.setdefault(claim.source_key, []).append(claim)
    out = []
    for key in sorted(grouped):
        members = grouped[key]
        latest = max(members, key=lambda c: (c.published or date.min, c.figure, c.count_id))
        out.append(
            SourceFigure(
                source_key=key,
                source_name=latest.source_name,
                figure=latest.figure,
                upper=latest.upper,
                qualifier=latest.qualifier,
                hedged=all(c.hedged for c in members),
                report_ids=tuple(sorted({c.report_id for c in members})),
                count_ids=tuple(sorted(c.count_id for c in members)),
            )
        )
    return out


def best_figure(sources: Sequence[SourceFigure]) -> float:
    """ACLED's most conservative figure, unless the sources agree (all, or a strict majority)."""
    firm = [s for s in sources if not s.hedged] or list(sources)
    votes = Counter(s.figure for s in firm)
    figure, n = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if n == len(firm) or (n >= 2 and n * 2 > len(firm)):
        return figure
    return min(votes)


def _place(claims: Sequence[Claim]) -> PlaceKey | None:
    """The most precise place named (the one the others contain)."""
    places = [c.place for c in claims if c.place is not None]
    if not places:
        return None
    return max(places, key=lambda p: (len(p.parents), -(p.precision or 9), p.name))


def _period(claims: Sequence[Claim]) -> tuple[date | None, date | None]:
    """The days all claims share, else the span they cover."""
    spans = [d for c in claims if (d := c.days()) is not None]
    if not spans:
        return None, None
    start, end = max(s for s, _ in spans), min(e for _, e in spans)
    if start <= end:
        return start, end
    return min(s for s, _ in spans), max(e for _, e in spans)


def _group(claims: Sequence[Claim]) -> str:
    specific = sorted({c.group for c in claims} - {"people"})
    return specific[0] if len(specific) == 1 else "people"


def estimate(claims: Sequence[Claim]) -> Incident:
    """The incident these claims describe, with its low/best/high and claims by source."""
    sources = by_source(claims)
    start, end = _period(claims)
    first = claims[0]
    return Incident(
        id=incident_id(claims),
        category=first.category,
        group=_group(claims),
        cumulative=first.cumulative,
        subset=first.parent_count_id is not None,
        place=_place(claims),
        period_start=start,
        period_end=end,
        low=min(s.figure for s in sources),
        best=best_figure(sources),
        high=max(s.upper for s in sources),
        disagreement=len({s.figure for s in sources}) > 1,
        sources=tuple(sources),
        claims=tuple(sorted(claims, key=lambda c: c.count_id)),
    )
