"""Ingesting into the store: idempotent, one transaction per article, failures reported."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bilan.cli import app
from bilan.errors import PipelineError, StoreError
from bilan.ingest import service
from bilan.ingest.readers import ReadResult, make_article
from bilan.ingest.service import Item, ingest, ingest_items
from bilan.model import Article, Count, Document, EntityRef, Period, Place
from bilan.store import FactFilter, Store, list_articles, list_counts, list_incidents, snapshot
from tests.store_backends import BACKENDS, evidence, open_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"

STRIKE = (
    "Alep : au moins 26 morts\n\n"
    "BEYROUTH, 30 nov 2016 (AFP) - Au moins 26 civils ont été tués mercredi dans des "
    "bombardements sur Alep-Est, selon l'Observatoire syrien des droits de l'homme."
)
STRIKE_SANA = (
    "Alep : 30 morts selon Sana\n\n"
    "DAMAS, 30 nov 2016 - Trente civils ont été tués mercredi à Alep-Est par des tirs, a "
    "rapporté l'agence officielle Sana, qui accuse les rebelles."
)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


def test_ingest_service_twice_leaves_identical_database(
    store: Store, pipeline: Any, seed_text: str, tmp_path: Path
) -> None:
    seed = tmp_path / "seed" / "afp-alep-2016-11-30.txt"
    seed.parent.mkdir()
    seed.write_text(seed_text, encoding="utf-8")
    inputs = [str(SAMPLES), str(seed)]
    first = ingest(store, inputs, extractor=pipeline)
    with store.session() as s:
        before = snapshot(s)
    second = ingest(store, inputs, extractor=pipeline)
    with store.session() as s:
        after = snapshot(s)
    assert not first.failures and len(first.of("added")) == len(first.outcomes) == 8
    assert len(second.of("unchanged")) == len(second.outcomes) == len(first.outcomes)
    assert before == after


def fake_extractor(docs: dict[str, list[Count]]) -> Any:
    """Stands in for the pipeline: returns the hand-built counts registered for an article."""

    def extract(article: Article) -> Document:
        if article.id == "broken":
            raise ValueError("a stage crashed")
        return Document(article=article, counts=docs.get(article.id or "", []))

    return extract


def strike_counts() -> dict[str, list[Count]]:
    place = Place(text="Alep-Est", name="Alep-Est", country="SY")
    day = Period(start=date(2016, 11, 30), end=date(2016, 11, 30))
    return {
        "afp": [
            Count(
                id="c1",
                category="killed",
                group="civilians",
                qualifier="at_least",
                value=26,
                source=EntityRef(text="l'Observatoire syrien des droits de l'homme", name="OSDH"),
                place=place,
                period=day,
                evidence=evidence(STRIKE, "Au moins 26 civils ont été tués"),
            )
        ],
        "sana": [
            Count(
                id="c1",
                category="killed",
                group="civilians",
                value=30,
                source=EntityRef(text="l'agence officielle Sana", name="Sana"),
                place=place,
                period=day,
                evidence=evidence(STRIKE_SANA, "Trente civils ont été tués"),
            )
        ],
    }


def items(*pairs: tuple[str, str]) -> list[Item]:
    return [
        Item(key, ReadResult(make_article(text, id=key, published=date(2016, 11, 30))))
        for key, text in pairs
    ]


def test_ingest_service_reconciles_reports_into_one_incident(store: Store) -> None:
    report = ingest_items(
        store,
        items(("afp", STRIKE), ("sana", STRIKE_SANA)),
        extractor=fake_extractor(strike_counts()),
    )
    assert report.incidents == 1
    with store.session() as s:
        [incident] = list_incidents(s).items
    assert (incident.low, incident.best, incident.high) == (26, 26, 30)
    assert incident.disagreement and incident.n_reports == 2
    assert incident.figures_by_source() == {"OSDH": [26], "Sana": [30]}


def test_ingest_service_copy_of_a_dispatch_is_not_a_second_report(store: Store) -> None:
    copy = "Syrie : carnage à Alep\n\n" + STRIKE.split("\n\n", 1)[1] + "\n\n© AFP"
    counts = strike_counts()
    counts["copy"] = [
        c.model_copy(update={"evidence": evidence(copy, c.evidence.text)}) for c in counts["afp"]
    ]
    report = ingest_items(
        store, items(("afp", STRIKE), ("copy", copy)), extractor=fake_extractor(counts)
    )
    assert [o.duplicate_of for o in report.outcomes] == [None, report.outcomes[0].article_id]
    with store.session() as s:
        [incident] = list_incidents(s).items
        assert list_articles(s, FactFilter(include_duplicates=False)).total == 1
    assert incident.n_reports == 1 and len(incident.claims) == 2


def test_ingest_service_failure_rolls_back_that_article_only(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = service.save_facts

    def failing_save(session: Any, row: Any, facts: Any) -> None:
        real_save(session, row, facts)
        if row.external_id == "sana":
            raise StoreError("disk full")

    monkeypatch.setattr(service, "save_facts", failing_save)
    report = ingest_items(
        store,
        items(("afp", STRIKE), ("broken", STRIKE + " Bis."), ("sana", STRIKE_SANA)),
        extractor=fake_extractor(strike_counts()),
    )
    assert [o.status for o in report.outcomes] == ["added", "failed", "failed"]
    assert isinstance(report.outcomes[1].error, PipelineError)
    assert "a stage crashed" in str(report.outcomes[1].error)
    with store.session() as s:
        assert [a.external_id for a in list_articles(s).items] == ["afp"]
        assert list_counts(s).total == 1
    monkeypatch.setattr(service, "save_facts", real_save)
    again = ingest_items(
        store, items(("sana", STRIKE_SANA)), extractor=fake_extractor(strike_counts())
    )
    assert [o.status for o in again.outcomes] == ["added"]


def test_ingest_service_text_only_then_extracted(store: Store) -> None:
    first = ingest_items(store, items(("afp", STRIKE)), extractor=None)
    second = ingest_items(store, items(("afp", STRIKE)), extractor=fake_extractor(strike_counts()))
    third = ingest_items(store, items(("afp", STRIKE)), extractor=fake_extractor(strike_counts()))
    assert [o.status for o in (*first.outcomes, *second.outcomes, *third.outcomes)] == [
        "added",
        "extracted",
        "unchanged",
    ]
    with store.session() as s:
        assert list_counts(s).total == 1


def test_ingest_service_real_pipeline_end_to_end(tmp_path: Path, pipeline: Any) -> None:
    store = Store.open(str(tmp_path / "e2e.sqlite"))
    article = make_article(
        "Alep : au moins 26 morts\n\n"
        "BEYROUTH, 30 nov 2016 (AFP) - Au moins 26 civils ont été tués mercredi à Alep-Est, "
        "selon l'Observatoire syrien des droits de l'homme. « Nous supplions le monde d'agir », "
        "a déclaré un médecin.",
        id="e2e",
    )
    report = ingest_items(store, [Item("e2e", ReadResult(article))], extractor=pipeline)
    doc = pipeline(article)
    with store.session() as s:
        [stored] = list_articles(s).items
        counts = list_counts(s).items
    store.close()
    assert [o.status for o in report.outcomes] == ["added"]
    assert stored.published == date(2016, 11, 30) and stored.extracted
    assert [c.count for c in counts] == doc.counts
    for c in counts:
        assert article.text[c.count.evidence.start : c.count.evidence.end] == c.count.evidence.text


def test_ingest_cli_is_idempotent_and_reports_failures(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.sqlite")
    args = ["ingest", str(SAMPLES), "--db", db, "--no-extract", "--digest"]
    first = runner.invoke(app, args)
    second = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "added 7" in first.output and "unchanged 7" in second.output
    digest = [line for line in first.stdout.splitlines() if " rows " in line]
    assert digest and digest == [line for line in second.stdout.splitlines() if " rows " in line]
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", db, "--no-extract"])
    assert missing.exit_code == 4
    assert "error[E_UNREADABLE]" in missing.output


def test_ingest_cli_tally_shows_sources_side_by_side(tmp_path: Path) -> None:
    db = str(tmp_path / "tally.sqlite")
    with Store.open(db) as store:
        ingest_items(
            store,
            items(("afp", STRIKE), ("sana", STRIKE_SANA)),
            extractor=fake_extractor(strike_counts()),
        )
    runner = CliRunner()
    table = runner.invoke(
        app, ["tally", "--db", db, "--category", "killed"], env={"COLUMNS": "200"}
    )
    assert table.exit_code == 0, table.output
    assert "OSDH 26 · Sana 30" in table.output
    empty = runner.invoke(app, ["tally", "--db", db, "--place", "Homs", "--json"])
    assert '"total": 0' in empty.stdout
