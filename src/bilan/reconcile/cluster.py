"""Blocking keys and grouping claims from different articles into incidents (pure).

Two claims may describe the same incident when they have the same category, compatible groups
("personnes" fits any group), the same or a containing place, overlapping periods and compatible
numbers. Cumulative tolls ("depuis le 15 novembre") and subsets ("dont 33 enfants") are blocked
apart from single incidents. Grouping is complete-linkage: a claim joins an incident only when it
is compatible with every claim already there, so that chains of near matches never merge two
distinct strikes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from bilan.reconcile.claims import Claim, PlaceKey
from bilan.reconcile.estimate import Incident, estimate

#: numbers of two reports are compatible when the larger is at most this factor of the smaller
#: (tolls rise as reports come in: 26, then 30) or within ``NUMBER_SLACK`` of it
NUMBER_FACTOR = 2.0
NUMBER_SLACK = 3.0

BlockKey = tuple[str, bool, bool]


def blocking_key(claim: Claim) -> BlockKey:
    """Claims in different blocks are never compared: category, cumulative, subset."""
    return claim.category, claim.cumulative, claim.parent_count_id is not None


def groups_compatible(a: Claim, b: Claim) -> bool:
    return a.group == b.group or "people" in (a.group, b.group)


def places_compatible(a: PlaceKey | None, b: PlaceKey | None) -> bool:
    """The same place, or one contains the other; an unknown place contradicts nothing."""
    if a is None or b is None or a.name == b.name:
        return True
    if a.name in b.parents or b.name in a.parents:
        return True
    return bool(a.country and a.country == b.country and (a.is_country or b.is_country))


def periods_overlap(a: Claim, b: Claim) -> bool:
    da, db = a.days(), b.days()
    if da is None or db is None:
        return da is None and db is None
    return da[0] <= db[1] and db[0] <= da[1]


def numbers_compatible(a: Claim, b: Claim) -> bool:
    (alo, ahi), (blo, bhi) = a.interval(), b.interval()
    if alo <= bhi and blo <= ahi:
        return True
    if a.report_id == b.report_id:
        return False  # one report giving two different tolls speaks of two things
    small, large = (ahi, blo) if ahi < blo else (bhi, alo)
    return large <= max(small * NUMBER_FACTOR, small + NUMBER_SLACK)


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two claims may describe the same incident."""
    return (
        blocking_key(a) == blocking_key(b)
        and groups_compatible(a, b)
        and places_compatible(a.place, b.place)
        and periods_overlap(a, b)
        and numbers_compatible(a, b)
    )


def _order(claim: Claim) -> tuple[object, ...]:
    days = claim.days()
    return (days is None, days or (), claim.published or "", claim.count_id)


def cluster(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Complete-linkage groups of one block's claims, in a deterministic order.

    Claims are swept by start day; an incident stops taking claims once a claim starts after
    every one of its periods ended, which keeps the work linear in practice.
    """
    open_groups: list[list[Claim]] = []
    closed: list[list[Claim]] = []
    for claim in sorted(claims, key=_order):
        days = claim.days()
        if days is not None:
            still_open: list[list[Claim]] = []
            for group in open_groups:
                ends = [d[1] for c in group if (d := c.days()) is not None]
                (still_open if not ends or max(ends) >= days[0] else closed).append(group)
            open_groups = still_open
        for group in open_groups:
            if all(compatible(claim, member) for member in group):
                group.append(claim)
                break
        else:
            open_groups.append([claim])
    groups = closed + open_groups
    return sorted(groups, key=lambda g: min(c.count_id for c in g))


def _blocks(claims: Iterable[Claim]) -> dict[BlockKey, list[Claim]]:
    blocks: dict[BlockKey, list[Claim]] = {}
    for claim in claims:
        blocks.setdefault(blocking_key(claim), []).append(claim)
    return blocks


def attach_subsets(incidents: Sequence[Incident]) -> list[Incident]:
    """Point each subset incident ("dont 33 enfants") at the incident holding most parents."""
    owner = {cid: inc.id for inc in incidents if not inc.subset for cid in inc.count_ids}
    out: list[Incident] = []
    for incident in incidents:
        if incident.subset:
            votes = Counter(owner[p] for p in incident.parent_count_ids if p in owner)
            if votes:
                best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                incident = incident.model_copy(update={"parent_id": best})
        out.append(incident)
    return out


def reconcile(claims: Iterable[Claim]) -> list[Incident]:
    """Incidents from claims of many articles; subsets attached to their parents' incident."""
    blocks = _blocks(claims)
    incidents = [estimate(group) for key in sorted(blocks) for group in cluster(blocks[key])]
    return attach_subsets(incidents)
