"""Flow reconciliation against the store: load flow claims, run
:func:`bilan.reconcile.flows.reconcile_flows`, save the flows, list them back (issue 12).

The grouping is pure (:mod:`bilan.reconcile.flows`); this module turns displaced and evacuated
count rows into :class:`~bilan.reconcile.flows.FlowClaim` records (the same claim keys as
incidents: report, source, place, period) and flows into rows. A flow row keeps the Place
records (with coordinates) of the most precise origin and destination its claims named.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, delete, exists, or_, select
from sqlalchemy.orm import Session

from bilan.errors import NotFoundError
from bilan.model import Place
from bilan.reconcile import name_key
from bilan.reconcile.flows import Flow, FlowClaim, reconcile_flows
from bilan.store.incidents import load_claims, place_key
from bilan.store.queries import paginate, place_clause
from bilan.store.records import FactFilter, Page, PageRequest, StoredClaim
from bilan.store.tables import CountRow, FlowClaimRow, FlowRow

#: categories of counts that are movements of people
FLOW_CATEGORIES = ("displaced", "evacuated")
#: origin and destination Place data of counts, by count row id
Places = dict[int, tuple[dict[str, Any] | None, dict[str, Any] | None]]


class StoredFlow(BaseModel):
    """A reconciled flow as stored, with its claims by source."""

    id: str
    category: str
    group: str
    cumulative: bool
    origin: Place | None = None
    destination: Place | None = None
    period_start: date | None = None
    period_end: date | None = None
    low: float
    best: float
    high: float | None = None
    qualifier: str
    disagreement: bool
    n_reports: int
    n_sources: int
    parent_id: str | None = None
    claims: list[StoredClaim] = Field(default_factory=list)


def _places(session: Session) -> Places:
    """Origin and destination Place data of every displaced or evacuated count, by count id."""
    rows = session.execute(
        select(CountRow.id, CountRow.data).where(CountRow.category.in_(FLOW_CATEGORIES))
    ).all()
    return {cid: (data.get("origin"), data.get("destination")) for cid, data in rows}


def load_flow_claims(session: Session) -> list[FlowClaim]:
    """Every stored displaced or evacuated count with a number, with its origin and destination
    (a part of a total without an origin of its own takes its total's)."""
    places = _places(session)
    out: list[FlowClaim] = []
    for claim in load_claims(session):
        if claim.count_id not in places:
            continue
        origin, destination = places[claim.count_id]
        if origin is None and claim.parent_count_id in places:
            origin = places[claim.parent_count_id][0]  # a part leaves where its total left
        out.append(
            FlowClaim.model_validate(
                {
                    **claim.model_dump(),
                    "origin": place_key(origin),
                    "destination": place_key(destination),
                }
            )
        )
    return out


def _by_name(places: Places) -> dict[str, dict[str, Any]]:
    """Every origin and destination named, by place key (geocoded records first)."""
    out: dict[str, dict[str, Any]] = {}
    for pair in places.values():
        for data in pair:
            key = place_key(data)
            if key is not None and data is not None:
                known = out.get(key.name)
                if known is None or (known.get("lat") is None and data.get("lat") is not None):
                    out[key.name] = data
    return out


def _place_data(flow: Flow, side: int, places: Places, named: dict[str, dict[str, Any]]) -> Any:
    """The Place record of the place the flow kept (origin: 0, destination: 1): a claim's own,
    else the same place as another count named it (a part's origin is its total's)."""
    key = flow.origin if side == 0 else flow.destination
    if key is None:
        return None
    for claim in flow.claims:
        data = places.get(claim.count_id, (None, None))[side]
        found = place_key(data)
        if found is not None and found.name == key.name and data and data.get("lat") is not None:
            return data
    return named.get(key.name)


def _flow_row(flow: Flow, places: Places, named: dict[str, dict[str, Any]]) -> FlowRow:
    return FlowRow(
        id=flow.id,
        category=flow.category,
        group=flow.group,
        cumulative=flow.cumulative,
        origin_name=flow.origin.label if flow.origin else None,
        origin_country=flow.origin.country if flow.origin else None,
        origin=_place_data(flow, 0, places, named),
        destination_name=flow.destination.label if flow.destination else None,
        destination_country=flow.destination.country if flow.destination else None,
        destination=_place_data(flow, 1, places, named),
        period_start=flow.period_start,
        period_end=flow.period_end,
        low=flow.low,
        best=flow.best,
        high=flow.high,
        qualifier=flow.qualifier,
        disagreement=flow.disagreement,
        n_reports=len(flow.report_ids),
        n_sources=len(flow.sources),
        parent_id=flow.parent_id,
    )


def _claim_rows(flow: Flow) -> list[FlowClaimRow]:
    return [
        FlowClaimRow(
            flow_id=flow.id,
            count_id=c.count_id,
            report_id=c.report_id,
            source_key=c.source_key,
            source_name=c.source_name,
            figure=c.figure,
            upper=c.upper,
            qualifier=c.qualifier,
        )
        for c in flow.claims
    ]


def save_flows(session: Session, flows: list[Flow]) -> None:
    """Replace the stored flows with these (totals before the parts pointing at them)."""
    places = _places(session)
    named = _by_name(places)
    session.execute(delete(FlowClaimRow))
    session.execute(delete(FlowRow))
    ordered = sorted(flows, key=lambda f: (f.parent_id is not None, f.id))
    session.add_all([_flow_row(f, places, named) for f in ordered])
    session.flush()
    session.add_all([row for f in ordered for row in _claim_rows(f)])
    session.flush()


def reconcile_flows_session(session: Session) -> list[Flow]:
    """Reconcile every stored movement of people and save the flows (caller's transaction)."""
    flows = reconcile_flows(load_flow_claims(session))
    save_flows(session, flows)
    return flows


def _clauses(f: FactFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.place:
        out.append(
            or_(
                place_clause(FlowRow.origin_name, FlowRow.origin_country, f.place),
                place_clause(FlowRow.destination_name, FlowRow.destination_country, f.place),
            )
        )
    if f.category:
        out.append(FlowRow.category == f.category)
    if f.group:
        out.append(FlowRow.group == f.group)
    if f.since is not None:
        out.append(FlowRow.period_end >= f.since)
    if f.until is not None:
        out.append(FlowRow.period_start <= f.until)
    if f.source:
        key = name_key(f.source)
        out.append(
            exists().where(
                FlowClaimRow.flow_id == FlowRow.id, FlowClaimRow.source_key.like(f"%{key}%")
            )
        )
    if f.article_id is not None:
        out.append(
            exists().where(
                FlowClaimRow.flow_id == FlowRow.id,
                CountRow.id == FlowClaimRow.count_id,
                CountRow.article_id == f.article_id,
            )
        )
    return out


def _stored_claims(session: Session, ids: list[str]) -> dict[str, list[StoredClaim]]:
    query = (
        select(FlowClaimRow, CountRow.article_id, CountRow.evidence)
        .join(CountRow, CountRow.id == FlowClaimRow.count_id)
        .where(FlowClaimRow.flow_id.in_(ids))
        .order_by(FlowClaimRow.flow_id, FlowClaimRow.source_key, FlowClaimRow.count_id)
    )
    out: dict[str, list[StoredClaim]] = {}
    for claim, article_id, evidence in session.execute(query).all():
        out.setdefault(claim.flow_id, []).append(
            StoredClaim(
                count_id=claim.count_id,
                article_id=article_id,
                report_id=claim.report_id,
                source_key=claim.source_key,
                source_name=claim.source_name,
                figure=claim.figure,
                upper=claim.upper,
                qualifier=claim.qualifier,
                evidence=evidence,
            )
        )
    return out


def _place(data: dict[str, Any] | None, name: str | None, country: str | None) -> Place | None:
    if data:
        return Place.model_validate(data)
    return Place(text=name, name=name, country=country) if name else None


def _stored(row: FlowRow, claims: list[StoredClaim]) -> StoredFlow:
    return StoredFlow(
        id=row.id, category=row.category, group=row.group, cumulative=row.cumulative,
        origin=_place(row.origin, row.origin_name, row.origin_country),
        destination=_place(row.destination, row.destination_name, row.destination_country),
        period_start=row.period_start, period_end=row.period_end, low=row.low, best=row.best,
        high=row.high, qualifier=row.qualifier, disagreement=row.disagreement,
        n_reports=row.n_reports, n_sources=row.n_sources, parent_id=row.parent_id, claims=claims,
    )  # fmt: skip


def list_flows(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredFlow]:
    """Reconciled flows (by period, then largest first) with their claims by source."""
    f, page = f or FactFilter(), page or PageRequest()
    query = (
        select(FlowRow)
        .where(*_clauses(f))
        .order_by(FlowRow.period_start.nulls_last(), FlowRow.best.desc(), FlowRow.id)
    )
    result = paginate(session, query, page, lambda r: r[0])
    claims = _stored_claims(session, [r.id for r in result.items])
    return Page[StoredFlow](
        items=[_stored(r, claims.get(r.id, [])) for r in result.items],
        total=result.total,
        limit=result.limit,
        offset=result.offset,
    )


def get_flow(session: Session, flow_id: str) -> StoredFlow:
    row = session.get(FlowRow, flow_id)
    if row is None:
        raise NotFoundError(f"no flow with id {flow_id!r}")
    return _stored(row, _stored_claims(session, [flow_id]).get(flow_id, []))


def has_flows(session: Session) -> bool:
    """Whether the store holds reconciled flows."""
    return session.scalar(select(FlowRow.id).limit(1)) is not None
