"""Crash safety (issue 11): an ingest killed with SIGKILL mid-batch and run again leaves a
consistent database, nothing duplicated or lost; two concurrent ingests of overlapping inputs
end with each article once. On SQLite and on PostgreSQL (marker ``postgres``).

The reference is the same articles ingested in this process without interruption: the crashed
and resumed database must hold the same articles (by content hash), every one extracted, with
the same number of facts of each kind, and a further rerun must change nothing. The killed
ingest and one of the concurrent ones are `bilan ingest` processes; reruns and the other
concurrent ingest run the same service in this process (one spaCy load instead of four).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bilan import Pipeline
from bilan.ingest.service import ingest
from bilan.store import Store, content_hash, snapshot
from bilan.store.tables import ArticleRow, CountRow, EventRow, PlaceRow, QuoteRow
from tests.store_backends import BACKENDS, open_store

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpora" / "wikinews-fr-2012" / "dev"
#: eight short dev articles (a batch that takes seconds, long enough to be killed mid-way)
ARTICLES = [
    "45592",
    "45758",
    "44292",
    "45766",
    "44373",
    "44963",
    "44939",
    "44389",
]
FACTS = {"counts": CountRow, "quotes": QuoteRow, "places": PlaceRow, "events": EventRow}
TIMEOUT = 300


def copy_articles(names: list[str], directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(DEV / f"{name}.txt", directory / f"{name}.txt")
    return directory


def url_of(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def start_ingest(directory: Path, db: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "bilan", "ingest", str(directory), "--db", db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def finish(proc: subprocess.Popen[bytes]) -> str:
    _, err = proc.communicate(timeout=TIMEOUT)
    stderr = err.decode("utf-8", "replace")
    assert proc.returncode == 0, stderr[-3000:]
    return stderr


def stored_articles(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(ArticleRow)) or 0)


def kill_mid_batch(proc: subprocess.Popen[bytes], store: Store, after: int) -> int:
    """SIGKILL ``proc`` once ``after`` articles are committed; the number stored when killed."""
    deadline = time.monotonic() + TIMEOUT
    while stored_articles(store) < after:
        assert proc.poll() is None, "the ingest ended before it could be killed"
        assert time.monotonic() < deadline, "the ingest stored nothing in time"
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    return stored_articles(store)


def profile(store: Store) -> dict[str, dict[str, int]]:
    """content hash → number of rows of each fact kind, plus whether it was extracted."""
    out: dict[str, dict[str, int]] = {}
    with store.session() as session:
        for row in session.scalars(select(ArticleRow)):
            facts = {
                kind: int(
                    session.scalar(
                        select(func.count()).select_from(table).where(table.article_id == row.id)
                    )
                    or 0
                )
                for kind, table in FACTS.items()
            }
            out[row.content_hash] = {**facts, "extracted": int(row.extracted)}
    return out


def consistency_problems(store: Store) -> list[str]:
    """What a database check finds (SQLite integrity and foreign keys); empty when sound."""
    if store.backend != "sqlite":
        return []
    with store.engine.connect() as conn:
        problems = [
            str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check") if r[0] != "ok"
        ]
        problems += [repr(tuple(r)) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    return problems


@pytest.fixture(scope="module")
def pipeline_in_process(nlp) -> Pipeline:  # type: ignore[no-untyped-def]
    from bilan import Settings

    return Pipeline(Settings(), nlp=nlp)


def ingest_here(store: Store, directory: Path, pipeline: Pipeline) -> None:
    """The rerun: the same ingest service `bilan ingest` runs, in this process."""
    report = ingest(store, [str(directory)], extractor=pipeline)
    assert not report.failures, [str(o.error) for o in report.failures]


@pytest.fixture(scope="module")
def reference(
    pipeline_in_process: Pipeline, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, dict[str, int]]:
    """The uninterrupted ingest of every article."""
    directory = copy_articles(ARTICLES, tmp_path_factory.mktemp("reference") / "in")
    with Store.open(str(directory.parent / "reference.sqlite")) as store:
        ingest_here(store, directory, pipeline_in_process)
        return profile(store)


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from open_store(request.param, tmp_path)


def expected_hashes() -> set[str]:
    return {content_hash((DEV / f"{n}.txt").read_text(encoding="utf-8")) for n in ARTICLES}


def test_crash_sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing(
    store: Store,
    reference: dict[str, dict[str, int]],
    pipeline_in_process: Pipeline,
    tmp_path: Path,
) -> None:
    directory = copy_articles(ARTICLES, tmp_path / "in")
    killed_at = kill_mid_batch(start_ingest(directory, url_of(store)), store, after=2)
    assert 2 <= killed_at < len(ARTICLES)
    assert consistency_problems(store) == []
    partial = profile(store)
    assert all(p["extracted"] for p in partial.values())  # an article is stored whole or not
    assert {h: reference[h] for h in partial} == partial

    ingest_here(store, directory, pipeline_in_process)  # the rerun completes the batch
    assert consistency_problems(store) == []
    resumed = profile(store)
    assert set(resumed) == expected_hashes()
    assert resumed == reference

    with store.session() as session:
        before = snapshot(session)
    ingest_here(store, directory, pipeline_in_process)  # and a third run changes nothing
    with store.session() as session:
        assert snapshot(session) == before


def test_crash_concurrent_overlapping_ingests_store_each_article_once(
    store: Store,
    reference: dict[str, dict[str, int]],
    pipeline_in_process: Pipeline,
    tmp_path: Path,
) -> None:
    first = copy_articles(ARTICLES[:6], tmp_path / "first")
    second = copy_articles(ARTICLES[2:], tmp_path / "second")
    other = start_ingest(first, url_of(store))
    while stored_articles(store) == 0 and other.poll() is None:
        time.sleep(0.1)  # the other process is writing: overlap for sure
    ingest_here(store, second, pipeline_in_process)
    finish(other)
    assert consistency_problems(store) == []
    stored = profile(store)
    assert stored_articles(store) == len(ARTICLES)  # each article once
    assert set(stored) == expected_hashes()
    assert stored == reference
