"""SQLite and PostgreSQL give identical incidents and tallies on the same input."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bilan.ingest.readers import ReadResult, make_article
from bilan.ingest.service import Item, ingest_items
from bilan.model import Article, Count, Document, EntityRef, Period, Place
from bilan.reconcile.tally import totals
from bilan.store import FactFilter, PageRequest, Store, list_incidents
from tests.store_backends import evidence, open_store

# (id, text, published, [(phrase, category, group, qualifier, value, source, place, day, part_of)])
REPORTS: list[tuple[str, str, date, list[tuple[Any, ...]]]] = [
    (
        "afp-1",
        "Au moins 26 civils, dont 9 enfants, ont été tués mercredi à Alep-Est, selon l'OSDH.",
        date(2016, 11, 30),
        [
            (
                "Au moins 26 civils",
                "killed",
                "civilians",
                "at_least",
                26,
                "OSDH",
                "Alep-Est",
                30,
                None,
            ),
            ("dont 9 enfants", "killed", "children", "exact", 9, "OSDH", "Alep-Est", 30, "c1"),
        ],
    ),
    (
        "sana-1",
        "Trente personnes ont été tuées mercredi à Alep-Est par des terroristes, selon Sana.",
        date(2016, 11, 30),
        [("Trente personnes", "killed", "people", "exact", 30, "Sana", "Alep-Est", 30, None)],
    ),
    (
        "reuters-1",
        "Vingt-six civils sont morts mercredi à Alep-Est et 80 ont été blessés, selon l'OSDH.",
        date(2016, 11, 30),
        [
            ("Vingt-six civils", "killed", "civilians", "exact", 26, "OSDH", "Alep-Est", 30, None),
            ("80 ont été blessés", "injured", "people", "exact", 80, "OSDH", "Alep-Est", 30, None),
        ],
    ),
    (
        "afp-2",
        "Douze civils ont été tués jeudi à Alep-Est ; au moins 300 civils ont été tués depuis "
        "le 15 novembre.",
        date(2016, 12, 1),
        [
            ("Douze civils", "killed", "civilians", "exact", 12, None, "Alep-Est", 1, None),
            (
                "au moins 300 civils",
                "killed",
                "civilians",
                "at_least",
                300,
                None,
                "Alep-Est",
                None,
                None,
            ),
        ],
    ),
]


def counts_of(text: str, rows: list[tuple[Any, ...]]) -> list[Count]:
    out = []
    for n, (phrase, category, group, qualifier, value, source, place, day, part_of) in enumerate(
        rows, start=1
    ):
        when = None
        if day is not None:
            d = date(2016, 11, 30) if day == 30 else date(2016, 12, 1)
            when = Period(start=d, end=d)
        out.append(
            Count(
                id=f"c{n}",
                category=category,
                group=group,
                qualifier=qualifier,
                value=value,
                part_of=part_of,
                source=EntityRef(text=source, name=source) if source else None,
                place=Place(text=place, name=place, country="SY", parents=["Alep", "Syrie"]),
                period=when,
                evidence=evidence(text, phrase),
            )
        )
    return out


def fill(store: Store) -> list[dict[str, Any]]:
    docs = {rid: counts_of(text, rows) for rid, text, _, rows in REPORTS}

    def extract(article: Article) -> Document:
        return Document(article=article, counts=docs[article.id or ""])

    items = [
        Item(rid, ReadResult(make_article(text, id=rid, published=day)))
        for rid, text, day, _ in REPORTS
    ]
    ingest_items(store, items, extractor=extract)
    with store.session() as s:
        incidents = list_incidents(s, FactFilter(), PageRequest(limit=100)).items
    tallied = [t.model_dump() for t in totals(incidents)]
    return [i.model_dump(mode="json") for i in incidents] + tallied


def test_store_backends_tally_reports_as_expected(tmp_path: Path) -> None:
    store = next(open_store("sqlite", tmp_path))
    result = fill(store)
    incidents = [r for r in result if "claims" in r]
    by_key = {(i["category"], i["group"], i["cumulative"], i["best"]) for i in incidents}
    assert by_key == {
        ("killed", "civilians", False, 26.0),  # 26 / au moins 26 / 30: one incident
        ("killed", "children", False, 9.0),  # a subset, attached to it
        ("killed", "civilians", False, 12.0),  # the next day's strike stays apart
        ("killed", "civilians", True, 300.0),  # the cumulative toll stays apart
        ("injured", "people", False, 80.0),
    }
    [main] = [i for i in incidents if i["best"] == 26.0]
    assert (main["low"], main["high"], main["disagreement"]) == (26.0, 30.0, True)
    [child] = [i for i in incidents if i["group"] == "children"]
    assert child["parent_id"] == main["id"]
    killed = [r for r in result if r.get("category") == "killed" and "claims" not in r]
    assert killed == [
        {"category": "killed", "incidents": 2, "low": 38.0, "best": 38.0, "high": 42.0}
    ]


@pytest.mark.postgres
def test_store_backends_sqlite_and_postgres_tally_identically(tmp_path: Path) -> None:
    sqlite = open_store("sqlite", tmp_path)
    postgres = open_store("postgres", tmp_path)
    assert fill(next(sqlite)) == fill(next(postgres))
    for gen in (sqlite, postgres):
        next(gen, None)  # close (and drop the PostgreSQL database)
