"""One article's incidents and flows, read off its counts (pure functions, no cross-article merge).

Cross-article reconciliation (the same strike told by three sources) belongs to
``bilan.reconcile``; these single-article views let the in-memory store, the exports of an
extraction file and the dashboard work without a database. A count that is ``part_of`` another
stays attached to it: it never becomes an incident of its own, and a flow's parts inherit the
origin of the total they split.
"""

from __future__ import annotations

from bilan.contract import ContractDocument
from bilan.model import Claim, Count, Flow, Incident, Place

#: categories that describe people who moved (issue 12)
FLOW_CATEGORIES = frozenset({"displaced", "evacuated"})
#: categories that are a state, not something that happened (never an incident)
NOT_INCIDENTS = frozenset({"population"})


def claim_of(article_id: str, count: Count) -> Claim:
    return Claim(
        article_id=article_id,
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


def estimates(count: Count) -> tuple[float | None, float | None, float | None]:
    """UCDP's (low, best, high) for one claim; best is the most conservative figure (ACLED)."""
    low = count.low if count.low is not None else count.value
    high = count.high if count.high is not None else count.value
    if count.qualifier in ("at_least", "more_than"):
        high = count.high
    if count.qualifier in ("up_to", "less_than"):
        low = count.low
    best = count.value if count.value is not None else low
    return low, best, high


def incidents_of(article_id: str, doc: ContractDocument) -> list[Incident]:
    """One incident per top-level count (subsets stay inside their parent's claim)."""
    out: list[Incident] = []
    for count in doc.counts:
        if count.part_of is not None or count.category in NOT_INCIDENTS:
            continue
        low, best, high = estimates(count)
        out.append(
            Incident(
                id=f"{article_id}:{count.id}",
                category=count.category,
                group=count.group,
                place=count.place or count.origin,
                period=count.period,
                low=low,
                best=best,
                high=high,
                claims=[claim_of(article_id, count)],
            )
        )
    return out


def _origin(count: Count, by_id: dict[str, Count]) -> Place | None:
    """The count's origin, else the nearest total's it is part of."""
    seen: set[str] = set()
    current: Count | None = count
    while current is not None and current.id not in seen:
        if current.origin is not None:
            return current.origin
        seen.add(current.id)
        current = by_id.get(current.part_of) if current.part_of else None
    return None


def flows_of(article_id: str, doc: ContractDocument) -> list[Flow]:
    """Displaced/evacuated counts with an origin or a destination, as flows."""
    by_id = {c.id: c for c in doc.counts}
    out: list[Flow] = []
    for count in doc.counts:
        if count.category not in FLOW_CATEGORIES:
            continue
        origin = _origin(count, by_id)
        if origin is None and count.destination is None:
            continue
        low, best, high = estimates(count)
        parent = by_id.get(count.part_of) if count.part_of else None
        out.append(
            Flow(
                id=f"{article_id}:{count.id}",
                category=count.category,
                group=count.group,
                origin=origin,
                destination=count.destination,
                qualifier=count.qualifier,
                period=count.period or (parent.period if parent else None),
                low=low,
                best=best,
                high=high,
                part_of=f"{article_id}:{count.part_of}" if count.part_of else None,
                claims=[claim_of(article_id, count)],
            )
        )
    return out
