"""Displacement flows across articles: reports of the same movement merge (pure, issue 12).

A flow claim is one displaced or evacuated count with its origin and destination. Two claims
describe the same movement when they have the same category, compatible groups, the same origin
(or one containing the other), compatible destinations (equal, containing, or one unknown),
overlapping periods and compatible numbers, as incidents do
(:mod:`bilan.reconcile.cluster`); a claim without origin joins only a claim with the same known
destination. The split of a total ("sur les 50.000 déplacés, plus de 20.000 ont trouvé refuge à
Alep-Ouest et 30.000 dans l'enclave de Cheikh Maqsoud") is blocked apart from totals and each part
points at the flow holding most of its parents. Low, best and high follow
:mod:`bilan.reconcile.estimate` (UCDP's low/high, ACLED's conservative best, claims by source).

:func:`flow_totals` then gives low, best and high per origin (people who left it) and per
destination (people who reached it), without counting a part and its total twice.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from bilan.reconcile.claims import Claim, PlaceKey
from bilan.reconcile.cluster import groups_compatible, numbers_compatible, periods_overlap
from bilan.reconcile.cluster import places_compatible as _contains
from bilan.reconcile.estimate import SourceFigure, best_figure, by_source

FlowBlock = tuple[str, bool]


class FlowClaim(Claim):
    """A displaced or evacuated count as flow reconciliation sees it: a claim with the place
    people left (``origin``) and the place they reached (``destination``)."""

    origin: PlaceKey | None = None
    destination: PlaceKey | None = None


class Flow(BaseModel):
    """One movement of people reconciled from the claims of one or more reports."""

    model_config = ConfigDict(frozen=True)

    id: str
    category: str
    group: str
    cumulative: bool
    subset: bool
    origin: PlaceKey | None = None
    destination: PlaceKey | None = None
    period_start: date | None = None
    period_end: date | None = None
    low: float
    best: float
    high: float
    qualifier: str
    disagreement: bool
    sources: tuple[SourceFigure, ...]
    claims: tuple[FlowClaim, ...] = Field(repr=False)
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


class FlowTotal(BaseModel):
    """People who left (``side`` = origin) or reached (destination) one place, over flows."""

    side: str
    place: PlaceKey
    flows: int
    low: float
    best: float
    high: float


def flow_block(claim: FlowClaim) -> FlowBlock:
    """Claims in different blocks are never compared: category, part of a total. Unlike tolls,
    a movement "depuis samedi" is no sum of separate incidents: cumulative claims are not blocked
    apart (periods and numbers still have to agree)."""
    return claim.category, claim.parent_count_id is not None


def same_origin(a: FlowClaim, b: FlowClaim) -> bool:
    """Known origins must match (or contain one another); without one, the destination decides."""
    if a.origin is not None and b.origin is not None:
        return _contains(a.origin, b.origin)
    return a.destination is not None and b.destination is not None


def same_destination(a: FlowClaim, b: FlowClaim) -> bool:
    """An unknown destination contradicts nothing; known ones must match or contain each other."""
    if a.destination is None or b.destination is None:
        return True
    return _contains(a.destination, b.destination)


def flows_compatible(a: FlowClaim, b: FlowClaim) -> bool:
    """Whether two claims may report the same movement."""
    return (
        flow_block(a) == flow_block(b)
        and groups_compatible(a, b)
        and same_origin(a, b)
        and same_destination(a, b)
        and periods_overlap(a, b)
        and numbers_compatible(a, b)
    )


def _order(claim: FlowClaim) -> tuple[object, ...]:
    days = claim.days()
    return (days is None, days or (), claim.published or "", claim.count_id)


def cluster_flows(claims: Sequence[FlowClaim]) -> list[list[FlowClaim]]:
    """Complete-linkage groups of one block's claims (every member compatible with every other)."""
    groups: list[list[FlowClaim]] = []
    for claim in sorted(claims, key=_order):
        for group in groups:
            if all(flows_compatible(claim, member) for member in group):
                group.append(claim)
                break
        else:
            groups.append([claim])
    return sorted(groups, key=lambda g: min(c.count_id for c in g))


def _precise(places: Iterable[PlaceKey | None]) -> PlaceKey | None:
    """The most precise place named (the one the others contain)."""
    known = [p for p in places if p is not None]
    if not known:
        return None
    return max(known, key=lambda p: (len(p.parents), -(p.precision or 9), p.name))


def _period(claims: Sequence[FlowClaim]) -> tuple[date | None, date | None]:
    """The days all claims share, else the span they cover."""
    spans = [d for c in claims if (d := c.days()) is not None]
    if not spans:
        return None, None
    start, end = max(s for s, _ in spans), min(e for _, e in spans)
    if start <= end:
        return start, end
    return min(s for s, _ in spans), max(e for _, e in spans)


def _group(claims: Sequence[FlowClaim]) -> str:
    specific = sorted({c.group for c in claims} - {"people"})
    return specific[0] if len(specific) == 1 else "people"


def flow_id(claims: Sequence[FlowClaim]) -> str:
    """A stable id from the counts a flow groups (the same input gives the same id)."""
    ids = ",".join(str(c) for c in sorted(c.count_id for c in claims))
    return "f" + hashlib.sha1(ids.encode("ascii")).hexdigest()[:15]


def estimate_flow(claims: Sequence[FlowClaim]) -> Flow:
    """The flow these claims report, with its low/best/high and claims by source."""
    sources = by_source(claims)
    best = best_figure(sources)
    start, end = _period(claims)
    first = claims[0]
    qualifier = next((s.qualifier for s in sources if s.figure == best), first.qualifier)
    return Flow(
        id=flow_id(claims),
        category=first.category,
        group=_group(claims),
        cumulative=all(c.cumulative for c in claims),
        subset=first.parent_count_id is not None,
        origin=_precise(c.origin for c in claims),
        destination=_precise(c.destination for c in claims),
        period_start=start,
        period_end=end,
        low=min(s.figure for s in sources),
        best=best,
        high=max(s.upper for s in sources),
        qualifier=qualifier,
        disagreement=len({s.figure for s in sources}) > 1,
        sources=tuple(sources),
        claims=tuple(sorted(claims, key=lambda c: c.count_id)),
    )


def attach_parts(flows: Sequence[Flow]) -> list[Flow]:
    """Point each part of a total at the flow holding most of its parents' counts; a part
    without an origin leaves from its total's."""
    owner = {cid: f.id for f in flows if not f.subset for cid in f.count_ids}
    by_id = {f.id: f for f in flows}
    out: list[Flow] = []
    for flow in flows:
        if flow.subset:
            votes = Counter(owner[p] for p in flow.parent_count_ids if p in owner)
            if votes:
                parent = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                origin = flow.origin or by_id[parent].origin
                flow = flow.model_copy(update={"parent_id": parent, "origin": origin})
        out.append(flow)
    return out


def reconcile_flows(claims: Iterable[FlowClaim]) -> list[Flow]:
    """Flows from the claims of many articles; parts attached to their total's flow."""
    blocks: dict[FlowBlock, list[FlowClaim]] = {}
    for claim in claims:
        if claim.origin is None and claim.destination is None:
            continue
        blocks.setdefault(flow_block(claim), []).append(claim)
    flows = [estimate_flow(g) for key in sorted(blocks) for g in cluster_flows(blocks[key])]
    return attach_parts(flows)


def _total(side: str, place: PlaceKey, members: list[Flow]) -> FlowTotal:
    return FlowTotal(
        side=side,
        place=place,
        flows=len(members),
        low=sum(f.low for f in members),
        best=sum(f.best for f in members),
        high=sum(f.high for f in members),
    )


def flow_totals(flows: Sequence[Flow]) -> list[FlowTotal]:
    """Low, best and high per origin and per destination (cumulative flows left out).

    A part is left out of a place's total when its parent flow is already counted there (the
    20,000 who reached Alep-Ouest are inside the 50,000 who left Alep-Est).
    """
    by_id = {f.id: f for f in flows}
    out: list[FlowTotal] = []
    for side in ("origin", "destination"):
        grouped: dict[str, tuple[PlaceKey, list[Flow]]] = {}
        for flow in flows:
            place: PlaceKey | None = getattr(flow, side)
            if flow.cumulative or place is None:
                continue
            parent = by_id.get(flow.parent_id) if flow.parent_id else None
            parent_place: PlaceKey | None = getattr(parent, side) if parent else None
            if parent_place is not None and parent_place.name == place.name:
                continue
            grouped.setdefault(place.name, (place, []))[1].append(flow)
        out += [_total(side, p, m) for _, (p, m) in sorted(grouped.items())]
    return out
