"""Flow reconciliation with hand-built claims: same movement merges, low/best/high, parts,
totals per origin and destination; then the store saves and lists them (issue 12)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from bilan.reconcile import PlaceKey
from bilan.reconcile.flows import FlowClaim, flow_totals, flows_compatible, reconcile_flows
from bilan.store import Store
from tests.store_backends import BACKENDS, open_store

_ids = count(1000)
ALEP = PlaceKey(name="alep", label="Alep", country="SY", parents=("syrie",), precision=1)
ALEP_EST = PlaceKey(
    name="alep-est", label="Alep-Est", country="SY", parents=("alep", "syrie"), precision=1
)
ALEP_OUEST = PlaceKey(
    name="alep-ouest", label="Alep-Ouest", country="SY", parents=("alep", "syrie"), precision=1
)
CHEIKH = PlaceKey(name="cheikh maqsoud", label="Cheikh Maqsoud", country="SY", precision=None)
HOMS = PlaceKey(name="homs", label="Homs", country="SY", parents=("syrie",), precision=1)
JIBRINE = PlaceKey(name="jibrine", label="Jibrine", country="SY", parents=("syrie",), precision=1)
START, DAY = date(2016, 11, 27), date(2016, 11, 30)


def flow_claim(value: float, **fields: Any) -> FlowClaim:
    n = next(_ids)
    base: dict[str, Any] = {
        "count_id": n,
        "article_id": n,
        "report_id": n,
        "category": "displaced",
        "group": "civilians",
        "qualifier": "more_than",
        "value": value,
        "source_key": f"report:{n}",
        "source_name": f"article {n}",
        "origin": ALEP_EST,
        "period_start": START,
        "period_end": DAY,
        "published": DAY,
    }
    base.update(fields)
    base.setdefault("place", base.get("destination") or base.get("origin"))
    return FlowClaim(**base)


def test_reconcile_flows_same_exodus_from_three_reports_merges() -> None:
    claims = [
        flow_claim(50000, source_key="osdh", source_name="OSDH"),
        flow_claim(50000, source_key="osdh", source_name="OSDH", origin=ALEP),
        flow_claim(
            40000,
            qualifier="about",
            source_key="onu",
            source_name="ONU",
            published=date(2016, 12, 1),
        ),
    ]
    [flow] = reconcile_flows(claims)
    assert flow.origin == ALEP_EST  # the most precise origin named
    assert (flow.low, flow.best, flow.high) == (40000, 40000, 50000)
    assert flow.disagreement
    assert [(s.source_name, s.figure) for s in flow.sources] == [("ONU", 40000), ("OSDH", 50000)]
    assert flow.report_ids == tuple(sorted(c.report_id for c in claims))


def test_reconcile_flows_agreeing_sources_give_their_figure() -> None:
    [flow] = reconcile_flows([flow_claim(20000), flow_claim(20000), flow_claim(15000)])
    assert (flow.low, flow.best, flow.high) == (15000, 20000, 20000)
    assert flow.qualifier == "more_than"


def test_reconcile_flows_different_origins_stay_apart() -> None:
    flows = reconcile_flows([flow_claim(5000), flow_claim(5000, origin=HOMS)])
    assert sorted(f.origin.label for f in flows if f.origin) == ["Alep-Est", "Homs"]


def test_reconcile_flows_incompatible_destinations_stay_apart() -> None:
    a = flow_claim(20000, destination=ALEP_OUEST)
    b = flow_claim(20000, destination=JIBRINE)
    assert not flows_compatible(a, b)
    assert len(reconcile_flows([a, b])) == 2


def test_reconcile_flows_unknown_destination_is_compatible() -> None:
    a = flow_claim(20000, destination=ALEP_OUEST)
    b = flow_claim(20000)
    assert flows_compatible(a, b)
    [flow] = reconcile_flows([a, b])
    assert (flow.origin, flow.destination) == (ALEP_EST, ALEP_OUEST)


def test_reconcile_flows_without_origin_merge_on_known_destination_only() -> None:
    a = flow_claim(3000, origin=None, destination=JIBRINE)
    b = flow_claim(3000, origin=None, destination=JIBRINE)
    c = flow_claim(3000, origin=None, destination=HOMS)
    flows = reconcile_flows([a, b, c])
    assert sorted(len(f.claims) for f in flows) == [1, 2]


def test_reconcile_flows_periods_that_do_not_overlap_stay_apart() -> None:
    july = date(2016, 7, 1)
    flows = reconcile_flows(
        [flow_claim(5000), flow_claim(5000, period_start=july, period_end=july)]
    )
    assert len(flows) == 2


def test_reconcile_flows_displaced_and_evacuated_stay_apart() -> None:
    flows = reconcile_flows([flow_claim(5000), flow_claim(5000, category="evacuated")])
    assert sorted(f.category for f in flows) == ["displaced", "evacuated"]


def test_reconcile_flows_since_a_day_is_the_same_movement() -> None:
    """ "ont fui Alep-Est depuis samedi" and "ces quatre derniers jours": one exodus."""
    [flow] = reconcile_flows([flow_claim(50000), flow_claim(45000, cumulative=True)])
    assert not flow.cumulative and len(flow.claims) == 2


def test_reconcile_flows_claims_with_no_place_are_no_flow() -> None:
    assert reconcile_flows([flow_claim(5000, origin=None)]) == []


def seed_split(report: int, source: str) -> list[FlowClaim]:
    """One report of the seed's movement: 50,000 leave Alep-Est, 20,000 reach Alep-Ouest and
    30,000 Cheikh Maqsoud, both parts of the 50,000."""
    total = flow_claim(50000, report_id=report, source_key=source, source_name=source.upper())
    west = flow_claim(
        20000, report_id=report, source_key=source, source_name=source.upper(),
        destination=ALEP_OUEST, parent_count_id=total.count_id,
    )  # fmt: skip
    north = flow_claim(
        30000, report_id=report, source_key=source, source_name=source.upper(), qualifier="exact",
        destination=CHEIKH, parent_count_id=total.count_id,
    )  # fmt: skip
    return [total, west, north]


def test_reconcile_flows_parts_point_at_their_total_across_reports() -> None:
    flows = reconcile_flows(seed_split(1, "osdh") + seed_split(2, "osdh"))
    totals = [f for f in flows if not f.subset]
    parts = {f.destination.label: f for f in flows if f.subset and f.destination}
    assert len(totals) == 1 and len(totals[0].claims) == 2
    assert set(parts) == {"Alep-Ouest", "Cheikh Maqsoud"}
    assert all(p.parent_id == totals[0].id for p in parts.values())
    assert all(p.origin == ALEP_EST for p in parts.values())
    assert (parts["Cheikh Maqsoud"].best, parts["Alep-Ouest"].best) == (30000, 20000)


def test_reconcile_flows_totals_per_origin_and_destination_count_parts_once() -> None:
    flows = reconcile_flows(seed_split(1, "osdh"))
    totals = {(t.side, t.place.label): (t.low, t.best, t.high) for t in flow_totals(flows)}
    assert totals == {
        ("origin", "Alep-Est"): (50000, 50000, 50000),
        ("destination", "Alep-Ouest"): (20000, 20000, 20000),
        ("destination", "Cheikh Maqsoud"): (30000, 30000, 30000),
    }


def test_reconcile_flows_ids_are_stable() -> None:
    claims = seed_split(7, "osdh")
    assert [f.id for f in reconcile_flows(claims)] == [f.id for f in reconcile_flows(claims[::-1])]


def test_reconcile_flows_part_without_origin_leaves_from_its_total() -> None:
    total = flow_claim(50000)
    part = flow_claim(20000, origin=None, destination=ALEP_OUEST, parent_count_id=total.count_id)
    flows = {f.subset: f for f in reconcile_flows([total, part])}
    assert flows[True].parent_id == flows[False].id
    assert (flows[True].origin, flows[True].destination) == (ALEP_EST, ALEP_OUEST)


# --- the store: saved, listed, served -------------------------------------------------------

STORE_SECOND = (
    "Alep : l'exode continue\n\n"
    "Près de 45.000 habitants ont fui Alep-Est depuis samedi, selon l'ONU, et 20.000 d'entre eux "
    "ont trouvé refuge à Alep-Ouest."
)


def second_report() -> tuple[Any, Any]:
    """Another article on the same exodus: the UN says about 45,000 left Alep-Est."""
    from bilan.contract import ContractArticle, ContractDocument
    from bilan.model import Article, Count, EntityRef, Period
    from bilan.model import Place as ModelPlace
    from tests.store_backends import evidence

    text = STORE_SECOND
    alep_est = ModelPlace(text="Alep-Est", name="Alep-Est", country="SY", lat=36.2, lon=37.17,
                          evidence=evidence(text, "Alep-Est"))  # fmt: skip
    alep_ouest = ModelPlace(text="Alep-Ouest", name="Alep-Ouest", country="SY", lat=36.21,
                            lon=37.13, evidence=evidence(text, "Alep-Ouest"))  # fmt: skip
    un = EntityRef(text="l'ONU", name="ONU", kind="organization")
    days = Period(start=date(2016, 11, 26), end=date(2016, 12, 1))
    counts = [
        Count(id="c1", category="displaced", group="civilians", qualifier="about", value=45000,
              source=un, period=days, place=alep_est, origin=alep_est,
              evidence=evidence(text, "Près de 45.000 habitants")),
        Count(id="c2", category="displaced", value=20000, part_of="c1", source=un, period=days,
              place=alep_ouest, origin=alep_est, destination=alep_ouest,
              evidence=evidence(text, "20.000 d'entre eux")),
    ]  # fmt: skip
    published = date(2016, 12, 1)
    article = Article(
        text=text, id="alep-exode", title="Alep : l'exode continue", published=published
    )
    meta = ContractArticle(id="alep-exode", title=article.title, published=published)
    return article, ContractDocument(article=meta, counts=counts)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


def test_reconcile_flows_store_merges_two_reports_and_serves_them(
    store: Store, seed_text: str
) -> None:
    from fastapi.testclient import TestClient

    from bilan.api import create_app
    from bilan.api.sql import SqlFactStore
    from bilan.config import Settings
    from bilan.store import FactFilter, list_flows
    from tests.api_seed import seed_document
    from tests.conftest import SEED_GOLD

    facts = SqlFactStore(store)
    facts.add(*seed_document(seed_text, Path(SEED_GOLD)))
    facts.add(*second_report())
    with store.session() as s:
        flows = list_flows(s).items
        west = list_flows(s, FactFilter(place="Alep-Ouest")).items
    totals = [f for f in flows if f.parent_id is None]
    assert len(totals) == 1
    (total,) = totals
    assert total.origin is not None and (total.origin.name, total.origin.lat) == ("Alep-Est", 36.2)
    assert (total.low, total.best, total.high) == (45000, 45000, 50000)
    assert (total.n_reports, total.n_sources) == (2, 2)
    assert {c.source_name for c in total.claims} == {
        "ONU",
        "Observatoire syrien des droits de l'Homme",
    }
    (arrow,) = west  # the 20,000 who reached Alep-Ouest, told by both reports
    assert (arrow.best, arrow.n_reports, arrow.parent_id) == (20000, 2, total.id)
    served = TestClient(create_app(Settings(), store=facts)).get("/flows").json()["items"]
    arrows = {
        (f["origin"]["name"], f["destination"]["name"]): f["best"]
        for f in served
        if f["origin"] and f["destination"]
    }
    assert arrows == {("Alep-Est", "Alep-Ouest"): 20000, ("Alep-Est", "Cheikh Maqsoud"): 30000}
    assert all(f["id"].startswith("f") for f in served)
    for flow in served:
        for claim in flow["claims"]:
            assert claim["evidence"]["text"]


def test_reconcile_flows_store_migrations_create_the_flow_tables(store: Store) -> None:
    from bilan.store.engine import table_names

    assert {"flows", "flow_claims"} <= set(table_names(store.engine))
