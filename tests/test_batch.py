"""bilan.batch: sources, shards, the in-process executor and resume (no Dask here)."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from bilan.batch import BatchOptions, ResultRow, read_rows, run_batch
from bilan.batch.executors import LocalExecutor
from bilan.batch.shards import SCHEMA, processed_keys, write_shard
from bilan.batch.sources import Partition, WorkItem, article_key, iter_work, partitions
from bilan.errors import BilanError
from bilan.ingest.readers import ReadResult, make_article

ARTICLES = {
    "alep": "Syrie : frappes sur Alep\n\nAu moins 26 civils ont été tués mercredi dans des "
    "frappes aériennes sur les quartiers est d'Alep, selon l'Observatoire syrien des droits de "
    "l'homme.",
    "lagos": "Nigeria : crash à Lagos\n\nUn avion de ligne transportant 153 personnes s'est "
    "écrasé dimanche sur un quartier résidentiel de Lagos, a annoncé l'agence de sécurité "
    "aérienne.",
    "guyane": "Guyane : deux militaires tués\n\nDeux militaires français ont été tués et deux "
    "gendarmes blessés lors d'une opération contre des orpailleurs clandestins, a indiqué le "
    "ministère de la Défense.",
}


def _write(directory: Path, names: list[str]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name in names:
        (directory / f"{name}.txt").write_text(ARTICLES[name], encoding="utf-8")
    return directory


def _options(inputs: list[Path], out: Path, **kw: object) -> BatchOptions:
    return BatchOptions(inputs=tuple(inputs), out=out, workers=0, progress=False, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"text": "Trois morts à Gaza."}, {"text": "Quatre morts à Gaza."}),
        ({"text": "Trois morts à Gaza.", "id": "a"}, {"text": "Trois morts à Gaza.", "id": "b"}),
    ],
)
def test_sources_article_key_differs_with_content_or_id(a: dict, b: dict) -> None:
    assert article_key(make_article(**a)) != article_key(make_article(**b))


def test_sources_article_key_is_stable() -> None:
    text = ARTICLES["alep"]
    assert article_key(make_article(text, id="x")) == article_key(make_article(text, id="x"))


@pytest.mark.parametrize(
    ("count", "size", "sizes"), [(7, 3, [3, 3, 1]), (6, 3, [3, 3]), (0, 4, [])]
)
def test_sources_partitions_are_bounded(count: int, size: int, sizes: list[int]) -> None:
    items = [
        WorkItem(str(i), str(i), ReadResult(make_article(f"Il y a eu {i} blessés.")))
        for i in range(count)
    ]
    assert [len(p) for p in partitions(items, size)] == sizes


def test_sources_iter_work_reads_directories_and_reports_missing(tmp_path: Path) -> None:
    _write(tmp_path / "d", ["alep", "lagos"])
    (tmp_path / "d" / "index.jsonl").write_text(
        '{"id": "alep", "published": "2016-11-30"}\n', encoding="utf-8"
    )
    found = list(iter_work([tmp_path / "d", tmp_path / "absent.txt"]))
    work = [w for w in found if isinstance(w, WorkItem)]
    assert [w.read.article.id for w in work] == ["alep", "lagos"]
    assert str(work[0].read.article.published) == "2016-11-30"
    assert [e.code for e in found if isinstance(e, BilanError)] == ["E_UNREADABLE"]


def test_shards_schema_matches_result_row() -> None:
    assert SCHEMA.names == [f.name for f in fields(ResultRow)]


def test_shards_round_trip(tmp_path: Path) -> None:
    rows = [
        ResultRow(key="b", source="s", status="ok", tokens=3, result="{}"),
        ResultRow(key="a", source="s", status="error", error_code="E_EMPTY", error_message="m"),
    ]
    write_shard(tmp_path, "p1", rows)
    assert read_rows(tmp_path) == sorted(rows, key=lambda r: r.key)
    assert processed_keys(tmp_path) == {"a", "b"}
    assert not list(tmp_path.glob(".*tmp"))


def test_runner_resume_skips_processed_articles(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    inputs = _write(tmp_path / "in", ["alep", "lagos"])
    out = tmp_path / "out"
    first = run_batch(
        _options([inputs], out), executor=LocalExecutor(pipeline.settings, pipeline=pipeline)
    )
    assert (first.processed, first.skipped) == (2, 0)
    _write(inputs, ["guyane"])
    second = run_batch(
        _options([inputs], out), executor=LocalExecutor(pipeline.settings, pipeline=pipeline)
    )
    assert (second.processed, second.skipped) == (1, 2)
    rows = read_rows(out)
    assert sorted(r.article_id for r in rows) == ["alep", "guyane", "lagos"]
    assert all(r.status == "ok" and r.tokens > 10 for r in rows)
    ids = {json.loads(r.result)["article"]["id"] for r in rows if r.result}
    assert ids == {"alep", "guyane", "lagos"}


def test_runner_no_resume_starts_over(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    inputs = _write(tmp_path / "in", ["alep"])
    out = tmp_path / "out"
    executor = LocalExecutor(pipeline.settings, pipeline=pipeline)
    run_batch(_options([inputs], out), executor=executor)
    again = run_batch(_options([inputs], out, resume=False), executor=executor)
    assert (again.processed, again.skipped) == (1, 0)
    assert len(read_rows(out)) == 1


def test_runner_keeps_typed_errors_as_rows(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    jsonl = tmp_path / "feed.jsonl"
    records = [
        json.dumps({"id": "ok", "text": ARTICLES["lagos"]}, ensure_ascii=False),
        "{not json",
        json.dumps(
            {
                "id": "en",
                "text": "The storm killed twelve people in the northern "
                "provinces on Sunday, officials said, and thousands were evacuated.",
            }
        ),
    ]
    jsonl.write_text("\n".join(records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    executor = LocalExecutor(pipeline.settings, pipeline=pipeline)
    summary = run_batch(_options([jsonl], out), executor=executor)
    assert (summary.processed, summary.errors) == (2, 2)
    by_status = {(r.article_id, r.status, r.error_code) for r in read_rows(out)}
    assert by_status == {
        ("ok", "ok", None),
        ("en", "error", "E_LANGUAGE"),
        (None, "error", "E_FORMAT"),
    }
    rerun = run_batch(_options([jsonl], out), executor=executor)
    assert (rerun.processed, rerun.skipped) == (0, 3)


def test_partition_name_depends_only_on_keys() -> None:
    item = WorkItem("k1", "s", ReadResult(make_article("Deux blessés à Lyon.")))
    other = WorkItem("k1", "t", ReadResult(make_article("Deux blessés à Lyon.", id="z")))
    assert Partition((item,)).name == Partition((other,)).name


def test_store_sink_stores_what_the_shards_hold(tmp_path: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from bilan.store import Store
    from bilan.store.tables import ArticleRow, CountRow

    inputs = _write(tmp_path / "in", ["alep", "lagos", "guyane"])
    db = str(tmp_path / "bilan.sqlite")
    executor = LocalExecutor(pipeline.settings, pipeline=pipeline)
    summary = run_batch(_options([inputs], tmp_path / "out", db=db), executor=executor)
    assert (summary.processed, summary.stored, summary.failed) == (3, 3, [])
    expected = {
        json.loads(r.result)["article"]["id"]: len(json.loads(r.result)["counts"])
        for r in read_rows(tmp_path / "out")
        if r.result
    }
    assert sum(expected.values()) > 0
    with Store.open(db) as store, store.session() as session:
        stored = dict(
            session.execute(
                select(ArticleRow.external_id, func.count(CountRow.id))
                .outerjoin(CountRow, CountRow.article_id == ArticleRow.id)
                .group_by(ArticleRow.external_id)
            ).all()
        )
    assert stored == expected
    again = run_batch(_options([inputs], tmp_path / "out", db=db), executor=executor)
    assert (again.processed, again.stored, again.skipped) == (0, 0, 3)
