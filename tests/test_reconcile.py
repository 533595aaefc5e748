"""Reconciliation with hand-built claims: grouping, low/best/high, cumulative tolls, subsets."""

from __future__ import annotations

from datetime import date
from itertools import count
from typing import Any

import pytest

from bilan.reconcile import Claim, PlaceKey, compatible, is_cumulative, name_key, reconcile

_ids = count(1)
ALEP = PlaceKey(name="alep", label="Alep", country="SY", parents=("syrie",), precision=1)
ALEP_EST = PlaceKey(
    name="alep-est", label="Alep-Est", country="SY", parents=("alep", "syrie"), precision=1
)
SYRIE = PlaceKey(name="syrie", label="Syrie", country="SY", precision=6)
HOMS = PlaceKey(name="homs", label="Homs", country="SY", parents=("syrie",), precision=1)
DAY = date(2016, 11, 30)


def claim(value: float, **fields: Any) -> Claim:
    n = next(_ids)
    base: dict[str, Any] = {
        "count_id": n,
        "article_id": n,
        "report_id": n,
        "category": "killed",
        "group": "civilians",
        "value": value,
        "source_key": f"report:{n}",
        "source_name": f"article {n}",
        "place": ALEP,
        "period_start": DAY,
        "period_end": DAY,
        "published": DAY,
    }
    base.update(fields)
    return Claim(**base)


def test_reconcile_same_strike_three_tolls_is_one_incident() -> None:
    claims = [
        claim(26, source_key="osdh", source_name="OSDH"),
        claim(26, qualifier="at_least", source_key="afp", source_name="AFP"),
        claim(30, source_key="sana", source_name="Sana"),
    ]
    [incident] = reconcile(claims)
    assert (incident.low, incident.best, incident.high) == (26, 26, 30)
    assert incident.disagreement
    assert [(s.source_name, s.figure) for s in incident.sources] == [
        ("AFP", 26),
        ("OSDH", 26),
        ("Sana", 30),
    ]


def test_reconcile_two_strikes_on_two_days_stay_two() -> None:
    claims = [
        claim(26, period_start=date(2016, 11, 29), period_end=date(2016, 11, 29)),
        claim(26, period_start=date(2016, 11, 30), period_end=date(2016, 11, 30)),
    ]
    incidents = reconcile(claims)
    assert len(incidents) == 2
    assert sorted(i.period_start for i in incidents) == [date(2016, 11, 29), date(2016, 11, 30)]


def test_reconcile_best_is_most_conservative_when_sources_disagree() -> None:
    [incident] = reconcile([claim(20), claim(30)])
    assert (incident.low, incident.best, incident.high) == (20, 20, 30)
    assert incident.disagreement


def test_reconcile_best_follows_agreeing_majority() -> None:
    [incident] = reconcile([claim(30), claim(30), claim(24)])
    assert (incident.low, incident.best, incident.high) == (24, 30, 30)


def test_reconcile_agreeing_sources_raise_no_flag() -> None:
    [incident] = reconcile([claim(12), claim(12, qualifier="exact")])
    assert incident.best == 12 and not incident.disagreement


def test_reconcile_source_counts_once_with_latest_figure() -> None:
    early = claim(10, source_key="osdh", source_name="OSDH", published=date(2016, 11, 30))
    late = claim(
        14, source_key="osdh", source_name="OSDH", published=date(2016, 12, 1), period_end=DAY
    )
    [incident] = reconcile([early, late])
    assert [s.figure for s in incident.sources] == [14]
    assert incident.best == 14 and not incident.disagreement


def test_reconcile_hedged_source_does_not_set_best() -> None:
    [incident] = reconcile([claim(40, hedged=True), claim(50)])
    assert incident.best == 50 and incident.low == 40


def test_reconcile_copies_of_one_dispatch_are_one_report() -> None:
    original = claim(26, report_id=100, source_key="report:100")
    copy = claim(26, report_id=100, source_key="report:100")
    [incident] = reconcile([original, copy])
    assert incident.report_ids == (100,)
    assert len(incident.sources) == 1


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ({"place": ALEP}, {"place": ALEP_EST}, True),  # Alep contains Alep-Est
        ({"place": SYRIE}, {"place": HOMS}, True),  # a country contains its towns
        ({"place": ALEP}, {"place": HOMS}, False),  # two towns
        ({"place": None}, {"place": HOMS}, True),  # an unknown place contradicts nothing
        ({"group": "people"}, {"group": "civilians"}, True),
        ({"group": "security_forces"}, {"group": "civilians"}, False),
        ({"category": "injured"}, {}, False),
        ({"value": 3}, {"value": 30}, False),  # numbers too far apart
        ({"value": 26, "qualifier": "at_least"}, {"value": 40}, True),
        ({"value": 10, "qualifier": "about"}, {"value": 11}, True),
        ({"low": 20, "high": 99, "value": None, "qualifier": "vague"}, {"value": 35}, True),
        ({"cumulative": True}, {}, False),
    ],
)
def test_reconcile_compatibility(a: dict[str, Any], b: dict[str, Any], same: bool) -> None:
    first = claim(a.pop("value", 26), **a)
    second = claim(b.pop("value", 26), **b)
    assert compatible(first, second) is same
    assert (len(reconcile([first, second])) == 1) is same


def test_reconcile_one_report_with_two_tolls_speaks_of_two_things() -> None:
    a = claim(3, report_id=7, source_key="report:7")
    b = claim(5, report_id=7, source_key="report:7")
    assert len(reconcile([a, b])) == 2


def test_reconcile_undated_claims_use_publication_days() -> None:
    a = claim(8, period_start=None, period_end=None, published=date(2012, 6, 28))
    b = claim(8, period_start=date(2012, 6, 27), period_end=date(2012, 6, 27))
    c = claim(8, period_start=None, period_end=None, published=date(2012, 7, 10))
    incidents = reconcile([a, b, c])
    assert sorted(len(i.claims) for i in incidents) == [1, 2]


def test_reconcile_complete_linkage_never_chains() -> None:
    # 10 ~ 18 and 18 ~ 30, but 10 and 30 are too far apart to be one toll
    claims = [claim(10), claim(18), claim(30)]
    incidents = reconcile(claims)
    assert len(incidents) == 2
    assert all(i.high <= 2 * i.low for i in incidents)


def test_reconcile_cumulative_tolls_stay_apart_from_incidents() -> None:
    single = claim(26)
    total = claim(300, cumulative=True, period_start=date(2016, 11, 15), period_end=DAY, place=ALEP)
    total_later = claim(
        310,
        cumulative=True,
        period_start=date(2016, 11, 15),
        period_end=date(2016, 12, 1),
        published=date(2016, 12, 1),
    )
    incidents = reconcile([single, total, total_later])
    assert sorted((i.cumulative, len(i.claims)) for i in incidents) == [(False, 1), (True, 2)]


def test_reconcile_subsets_attach_to_their_parent_incident() -> None:
    parent_a, parent_b = claim(26), claim(28)
    child_a = claim(9, group="children", parent_count_id=parent_a.count_id)
    child_b = claim(9, group="children", parent_count_id=parent_b.count_id)
    incidents = reconcile([parent_a, parent_b, child_a, child_b])
    [parent] = [i for i in incidents if not i.subset]
    [child] = [i for i in incidents if i.subset]
    assert child.parent_id == parent.id
    assert child.best == 9 and parent.best == 26


def test_reconcile_is_deterministic_and_order_free() -> None:
    claims = [claim(26), claim(30), claim(5, category="injured"), claim(26, place=HOMS)]
    assert reconcile(claims) == reconcile(list(reversed(claims)))


@pytest.mark.parametrize(
    ("sentence", "number", "cumulative"),
    [
        ("Au moins 300 civils ont été tués depuis le 15 novembre à Alep.", "300", True),
        ("Depuis le 15 novembre, au moins 300 civils ont été tués à Alep.", "300", True),
        ("Le conflit a fait plus de 36 000 morts depuis le début de la révolte.", "36 000", True),
        ("Plus de 60 000 personnes ont péri depuis mars 2011, selon l'ONU.", "60 000", True),
        ("Au total, 1 200 personnes ont été déplacées.", "1 200", True),
        ("Le conflit a fait 60 000 morts depuis deux ans.", "60 000", True),
        ("Au moins 26 civils ont été tués mercredi à Alep-Est.", "26", False),
        (
            "Deux militaires ont été tués lors d'une opération contre des orpailleurs.",
            "Deux",
            False,
        ),
        ("Trois personnes sont mortes piétinées. Depuis le 15 mai, la ville…", "Trois", False),
        ("Depuis le 15 mai, la ville est calme. Trois personnes sont mortes hier.", "Trois", False),
        ("Douze civils ont été tués jeudi ; 300 ont péri depuis le 15 novembre.", "Douze", False),
        ("Douze civils ont été tués jeudi ; 300 ont péri depuis le 15 novembre.", "300", True),
    ],
)
def test_reconcile_cumulative_cues(sentence: str, number: str, cumulative: bool) -> None:
    start = sentence.index(number)
    assert is_cumulative(sentence, start, start + len(number)) is cumulative


@pytest.mark.parametrize(
    ("name", "key"),
    [
        (
            "L’Observatoire syrien des droits de l'Homme",
            "observatoire syrien des droits de l'homme",
        ),
        ("l'OSDH", "osdh"),
        ("le Hamas", "hamas"),
        ("Les Nations unies", "nations unies"),
        ("Lattaquié", "lattaquie"),
        ("Laurent Fabius", "laurent fabius"),
    ],
)
def test_reconcile_name_keys(name: str, key: str) -> None:
    assert name_key(name) == key
