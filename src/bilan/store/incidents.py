"""Reconciliation against the store: load claims, run :func:`bilan.reconcile.reconcile`, save.

The grouping itself is pure (:mod:`bilan.reconcile`); this module only turns count rows into
:class:`~bilan.reconcile.Claim` records and incidents into rows, and lists them back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, delete, exists, false, func, select
from sqlalchemy.orm import Session

from bilan.errors import NotFoundError
from bilan.model import Place
from bilan.reconcile import Claim, Incident, PlaceKey, name_key, reconcile
from bilan.store.queries import paginate, place_clause
from bilan.store.records import FactFilter, Page, PageRequest, StoredClaim, StoredIncident
from bilan.store.tables import (
    ArticleRow,
    ClaimRow,
    CountRow,
    DuplicateRow,
    IncidentRow,
    SourceRow,
)


def place_key(data: dict[str, Any] | None) -> PlaceKey | None:
    if not data:
        return None
    place = Place.model_validate(data)
    label = place.name or place.text
    key = name_key(label)
    if not key:
        return None
    return PlaceKey(
        name=key,
        label=label,
        country=place.country,
        parents=tuple(name_key(p) for p in place.parents),
        precision=place.precision,
    )


def _claim(count: CountRow, article: ArticleRow, original: int | None, source: Any) -> Claim:
    report = original if original is not None else article.id
    if source is not None:
        source_key, source_name = source.key, source.name
    else:
        source_key = f"report:{report}"
        source_name = f"{article.external_id or article.id} (own voice)"
    return Claim(
        count_id=count.id,
        article_id=article.id,
        report_id=report,
        category=count.category,  # type: ignore[arg-type]
        group=count.group,  # type: ignore[arg-type]
        qualifier=count.qualifier,  # type: ignore[arg-type]
        value=count.value,
        low=count.low,
        high=count.high,
        hedged=count.hedged,
        cumulative=count.cumulative,
        parent_count_id=count.parent_id,
        source_key=source_key,
        source_name=source_name,
        place=place_key(count.data.get("place")),
        period_start=count.period_start,
        period_end=count.period_end,
        published=article.published,
    )


def load_claims(session: Session) -> list[Claim]:
    """Every stored count that carries a number, as a claim (copies share their original)."""
    query = (
        select(CountRow, ArticleRow, DuplicateRow.original_id, SourceRow)
        .join(ArticleRow, ArticleRow.id == CountRow.article_id)
        .outerjoin(DuplicateRow, DuplicateRow.article_id == ArticleRow.id)
        .outerjoin(SourceRow, SourceRow.id == CountRow.source_id)
        .where((CountRow.value.is_not(None)) | (CountRow.low.is_not(None)))
        .order_by(CountRow.id)
    )
    return [_claim(*row) for row in session.execute(query).all()]


def _incident_row(incident: Incident) -> IncidentRow:
    return IncidentRow(
        id=incident.id,
        category=incident.category,
        group=incident.group,
        cumulative=incident.cumulative,
        place_name=incident.place.label if incident.place else None,
        place_country=incident.place.country if incident.place else None,
        period_start=incident.period_start,
        period_end=incident.period_end,
        low=incident.low,
        best=incident.best,
        high=incident.high,
        disagreement=incident.disagreement,
        n_reports=len(incident.report_ids),
        n_sources=len(incident.sources),
        parent_id=incident.parent_id,
    )


def _claim_rows(incident: Incident) -> list[ClaimRow]:
    return [
        ClaimRow(
            incident_id=incident.id,
            count_id=c.count_id,
            report_id=c.report_id,
            source_key=c.source_key,
            source_name=c.source_name,
            figure=c.figure,
            upper=c.upper,
            qualifier=c.qualifier,
        )
        for c in incident.claims
    ]


def save_incidents(session: Session, incidents: list[Incident]) -> None:
    """Replace the stored incidents with these (parents before the subsets pointing at them)."""
    session.execute(delete(ClaimRow))
    session.execute(delete(IncidentRow))
    ordered = sorted(incidents, key=lambda i: (i.parent_id is not None, i.id))
    session.add_all([_incident_row(i) for i in ordered])
    session.flush()
    session.add_all([row for i in ordered for row in _claim_rows(i)])
    session.flush()


def reconcile_session(session: Session) -> list[Incident]:
    """Reconcile every stored count and save the incidents (inside the caller's transaction)."""
    incidents = reconcile(load_claims(session))
    save_incidents(session, incidents)
    return incidents


def _incident_clauses(f: FactFilter) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.place:
        out.append(place_clause(IncidentRow.place_name, IncidentRow.place_country, f.place))
    if f.category:
        out.append(IncidentRow.category == f.category)
    if f.group:
        out.append(IncidentRow.group == f.group)
    if f.cumulative is not None:
        out.append(IncidentRow.cumulative.is_(f.cumulative))
    if f.since is not None:
        out.append(IncidentRow.period_end >= f.since)
    if f.until is not None:
        out.append(IncidentRow.period_start <= f.until)
    if f.source:
        key = name_key(f.source)
        out.append(
            exists().where(
                ClaimRow.incident_id == IncidentRow.id,
                ClaimRow.source_key.contains(key, autoescape=True),
            )
            if key
            else false()
        )
    if f.actor:
        out.append(
            exists().where(
                ClaimRow.incident_id == IncidentRow.id,
                CountRow.id == ClaimRow.count_id,
                func.lower(CountRow.perpetrator).contains(f.actor.lower(), autoescape=True),
            )
        )
    return out


def _stored_claims(session: Session, ids: list[str]) -> dict[str, list[StoredClaim]]:
    query = (
        select(ClaimRow, CountRow.article_id, CountRow.evidence)
        .join(CountRow, CountRow.id == ClaimRow.count_id)
        .where(ClaimRow.incident_id.in_(ids))
        .order_by(ClaimRow.incident_id, ClaimRow.source_key, ClaimRow.count_id)
    )
    out: dict[str, list[StoredClaim]] = {}
    for claim, article_id, evidence in session.execute(query).all():
        out.setdefault(claim.incident_id, []).append(
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


def _stored(row: IncidentRow, claims: list[StoredClaim]) -> StoredIncident:
    return StoredIncident(
        id=row.id,
        category=row.category,
        group=row.group,
        cumulative=row.cumulative,
        place=row.place_name,
        country=row.place_country,
        period_start=row.period_start,
        period_end=row.period_end,
        low=row.low,
        best=row.best,
        high=row.high,
        disagreement=row.disagreement,
        n_reports=row.n_reports,
        n_sources=row.n_sources,
        parent_id=row.parent_id,
        claims=claims,
    )


def list_incidents(
    session: Session, f: FactFilter | None = None, page: PageRequest | None = None
) -> Page[StoredIncident]:
    """Incidents (by period, then category) with their claims by source."""
    f, page = f or FactFilter(), page or PageRequest()
    query = (
        select(IncidentRow)
        .where(*_incident_clauses(f))
        .order_by(IncidentRow.period_start.nulls_last(), IncidentRow.category, IncidentRow.id)
    )
    result = paginate(session, query, page, lambda r: r[0])
    claims = _stored_claims(session, [r.id for r in result.items])
    return Page[StoredIncident](
        items=[_stored(r, claims.get(r.id, [])) for r in result.items],
        total=result.total,
        limit=result.limit,
        offset=result.offset,
    )


def get_incident(session: Session, incident_id: str) -> StoredIncident:
    row = session.get(IncidentRow, incident_id)
    if row is None:
        raise NotFoundError(f"no incident with id {incident_id!r}")
    return _stored(row, _stored_claims(session, [incident_id]).get(incident_id, []))
