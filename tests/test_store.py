"""The store on both backends: migrations, typed round trips, evidence, queries, tallies."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from bilan.contract import ContractArticle, ContractDocument
from bilan.errors import NotFoundError, StoreError
from bilan.model import Article, Count, EntityRef, Event, Period, Place, Quote
from bilan.store import (
    FactFilter,
    PageRequest,
    Store,
    get_article,
    list_articles,
    list_counts,
    list_events,
    list_incidents,
    list_quotes,
    reconcile_session,
    resolve_url,
    save_article,
    save_facts,
    snapshot,
)
from bilan.store.engine import table_names
from tests.store_backends import BACKENDS, evidence, open_store

ALEP = (
    "Alep : au moins 26 civils tués\n\n"
    "BEYROUTH, 30 nov 2016 (AFP) - Au moins 26 civils, dont 9 enfants, ont été tués mercredi "
    "dans des bombardements sur Alep-Est, selon l'Observatoire syrien des droits de l'homme. "
    "« Nous supplions le monde d'agir », a déclaré un médecin de la ville."
)
GUYANE = (
    "Guyane : deux militaires tués\n\n"
    "28 juin 2012. - Deux militaires ont été tués mercredi lors d'une opération contre des "
    "orpailleurs clandestins à Dorlin, en Guyane."
)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


def alep_facts() -> ContractDocument:
    osdh = EntityRef(
        text="l'Observatoire syrien des droits de l'homme",
        name="Observatoire syrien des droits de l'homme",
        kind="organization",
    )
    place = Place(text="Alep-Est", name="Alep-Est", country="SY", lat=36.2, lon=37.17)
    day = Period(start=date(2016, 11, 30), end=date(2016, 11, 30), text="mercredi")
    return ContractDocument(
        article=ContractArticle(id="alep"),
        counts=[
            Count(
                id="c1",
                category="killed",
                group="civilians",
                qualifier="at_least",
                value=26,
                source=osdh,
                place=place,
                period=day,
                evidence=evidence(ALEP, "Au moins 26 civils"),
            ),
            Count(
                id="c2",
                category="killed",
                group="children",
                value=9,
                part_of="c1",
                source=osdh,
                place=place,
                period=day,
                evidence=evidence(ALEP, "dont 9 enfants"),
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="Nous supplions le monde d'agir",
                speaker=EntityRef(text="un médecin de la ville", kind="description"),
                evidence=evidence(ALEP, "« Nous supplions le monde d'agir »"),
            )
        ],
        places=[Place(text="Alep-Est", name="Alep-Est", evidence=evidence(ALEP, "Alep-Est"))],
        events=[
            Event(
                id="e1",
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                place=place,
                period=day,
                fatalities=26,
                evidence=evidence(ALEP, "ont été tués mercredi dans des bombardements"),
            )
        ],
    )


def guyane_facts() -> ContractDocument:
    return ContractDocument(
        article=ContractArticle(id="guyane"),
        counts=[
            Count(
                id="c1",
                category="killed",
                group="security_forces",
                value=2,
                place=Place(text="Dorlin", name="Dorlin", country="GF"),
                period=Period(start=date(2012, 6, 27), end=date(2012, 6, 27)),
                evidence=evidence(GUYANE, "Deux militaires ont été tués"),
            )
        ],
    )


def fill(store: Store) -> None:
    for text, published, facts in (
        (ALEP, date(2016, 11, 30), alep_facts()),
        (GUYANE, date(2012, 6, 28), guyane_facts()),
    ):
        with store.transaction() as session:
            row = save_article(
                session, Article(text=text, id=facts.article.id, published=published)
            )
            save_facts(session, row, facts)
    with store.transaction() as session:
        reconcile_session(session)


@pytest.mark.parametrize(
    ("db", "expected"),
    [
        (":memory:", "sqlite://"),
        ("postgresql://u@127.0.0.1:5432/b", "postgresql+psycopg://u@127.0.0.1:5432/b"),
        ("postgres://u@h/b", "postgresql+psycopg://u@h/b"),
        ("sqlite:////tmp/x.sqlite", "sqlite:////tmp/x.sqlite"),
    ],
)
def test_store_resolves_urls(db: str, expected: str) -> None:
    assert resolve_url(db) == expected


def test_store_path_becomes_absolute_sqlite_url(tmp_path: Path) -> None:
    assert resolve_url(str(tmp_path / "b.sqlite")) == f"sqlite:///{tmp_path / 'b.sqlite'}"


def test_store_migrations_create_every_table(store: Store) -> None:
    names = set(table_names(store.engine))
    assert {"alembic_version", "articles", "counts", "quotes", "incidents", "claims"} <= names
    assert {"statements", "places", "dates", "events", "actors", "sources", "duplicates"} <= names


def test_store_migrations_match_the_models(store: Store) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bilan.store.tables import Base

    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_upgrades_a_first_revision_database(backend: str, tmp_path: Path) -> None:
    from bilan.store.engine import upgrade

    opened = open_store(backend, tmp_path, migrate=False)
    store = next(opened)
    upgrade(store.engine, "0001")  # the schema main first shipped: offsets not null
    with store.engine.begin() as conn:
        conn.execute(
            sql(
                "INSERT INTO articles (id, content_hash, language, body_start, text, shingles, "
                "extracted, warnings, ingested_at) VALUES (1, 'h', 'fr', 0, 'Alep', 0, true, "
                "'[]', '2016-11-30 00:00:00')"
            )
        )
        conn.execute(
            sql(
                'INSERT INTO places (article_id, text, start, "end", data) '
                "VALUES (1, 'Alep', 0, 0, '{}')"
            )
        )
    upgrade(store.engine)
    with store.engine.connect() as conn:
        assert conn.execute(sql('SELECT start, "end" FROM places')).one() == (None, None)
        assert conn.execute(sql("SELECT version_num FROM alembic_version")).scalar() == _head()
    next(opened, None)


def _head() -> str:
    """The newest revision shipped in bilan/store/migrations."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bilan.store.engine import migrations_dir

    config = Config()
    config.set_main_option("script_location", migrations_dir())
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_store_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    store = Store.open(str(tmp_path / "b.sqlite"))
    with store.engine.connect() as conn:
        assert conn.execute(sql("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(sql("PRAGMA foreign_keys")).scalar() == 1
    store.close()


def test_store_reopening_does_not_migrate_twice(tmp_path: Path) -> None:
    path = str(tmp_path / "b.sqlite")
    Store.open(path).close()
    with Store.open(path) as store, store.engine.connect() as conn:
        assert conn.execute(sql("SELECT count(*) FROM alembic_version")).scalar() == 1


def test_store_typed_records_round_trip(store: Store) -> None:
    fill(store)
    with store.session() as s:
        counts = list_counts(s, FactFilter(article_id=1)).items
        quotes = list_quotes(s).items
        events = list_events(s).items
    assert [c.count for c in counts] == alep_facts().counts
    assert [q.quote for q in quotes] == alep_facts().quotes
    assert [e.event for e in events] == alep_facts().events


def test_store_evidence_indexes_stored_text(store: Store) -> None:
    fill(store)
    with store.session() as s:
        for stored in list_counts(s).items:
            text = s.execute(
                sql("SELECT text FROM articles WHERE id = :i"), {"i": stored.article_id}
            ).scalar_one()
            ev = stored.count.evidence
            assert text[ev.start : ev.end] == ev.text


def test_store_subset_points_at_parent(store: Store) -> None:
    fill(store)
    with store.session() as s:
        counts = {c.count.id: c for c in list_counts(s, FactFilter(article_id=1)).items}
    assert counts["c2"].parent_id == counts["c1"].id
    assert counts["c1"].parent_id is None


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (FactFilter(place="alep-est"), ["c1", "c2"]),
        (FactFilter(place="SY"), ["c1", "c2"]),
        (FactFilter(place="Dorlin"), ["c1"]),
        (FactFilter(place="Damas"), []),
        (FactFilter(group="children"), ["c2"]),
        (FactFilter(category="injured"), []),
        (FactFilter(source="l'Observatoire syrien des droits de l'Homme"), ["c1", "c2"]),
        (FactFilter(since=date(2016, 1, 1)), ["c1", "c2"]),
        (FactFilter(until=date(2012, 12, 31)), ["c1"]),
    ],
)
def test_store_filters_counts(store: Store, filters: FactFilter, expected: list[str]) -> None:
    fill(store)
    with store.session() as s:
        page = list_counts(s, filters)
    assert [c.count.id for c in page.items] == expected
    assert page.total == len(expected)


def test_store_paginates(store: Store) -> None:
    fill(store)
    with store.session() as s:
        first = list_counts(s, page=PageRequest(limit=2, offset=0))
        rest = list_counts(s, page=PageRequest(limit=2, offset=2))
    assert first.total == rest.total == 3
    assert len(first.items) == 2 and len(rest.items) == 1


def test_store_lists_articles_by_date_and_count_filters(store: Store) -> None:
    fill(store)
    with store.session() as s:
        everything = list_articles(s)
        syria = list_articles(s, FactFilter(place="SY"))
        alep = get_article(s, syria.items[0].id)
        with pytest.raises(NotFoundError):
            get_article(s, 999)
    assert [a.external_id for a in everything.items] == ["alep", "guyane"]
    assert [a.external_id for a in syria.items] == ["alep"]
    assert alep.title is None and alep.extracted


def test_store_quotes_filter_by_speaker(store: Store) -> None:
    fill(store)
    with store.session() as s:
        assert list_quotes(s, FactFilter(source="un médecin de la ville")).total == 1
        assert list_quotes(s, FactFilter(source="Bachar al-Assad")).total == 0


def test_store_incidents_keep_subsets_attached(store: Store) -> None:
    fill(store)
    with store.session() as s:
        incidents = list_incidents(s).items
    by_group = {i.group: i for i in incidents}
    assert set(by_group) == {"civilians", "children", "security_forces"}
    assert by_group["children"].parent_id == by_group["civilians"].id
    assert by_group["civilians"].low == 26 and by_group["civilians"].n_sources == 1


def test_store_same_article_twice_is_rejected_by_hash(store: Store) -> None:
    fill(store)
    with pytest.raises(StoreError), store.transaction() as s:
        save_article(s, Article(text=ALEP, id="again"))
    with store.session() as s:
        assert snapshot(s).rows["articles"] == 2


def test_store_deleting_an_article_cascades(store: Store) -> None:
    fill(store)
    with store.transaction() as s:
        s.execute(sql("DELETE FROM articles WHERE id = 2"))
    with store.session() as s:
        assert [c.article_id for c in list_counts(s).items] == [1, 1]
