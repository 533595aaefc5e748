"""The bad-input matrix (issue 11): each hostile input gives a typed error or a partial result
with a warning, within bounded time and memory, and never stops a batch.

In process, every fast case goes through the readers and the real pipeline, and each result is
checked (evidence slices, strict JSON, the contract schema). The whole matrix, with the
20,000-word sentence and the 50 MB text, also runs as one `bilan ingest` batch in a subprocess
under CPU-time and address-space limits (``resource.setrlimit``): exceeding either kills the
process, which fails the test; its peak RSS comes from ``os.wait4``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bilan import Pipeline
from bilan.errors import BilanError, TooLargeError
from bilan.ingest.readers import make_article
from bilan.ingest.sources import read_inputs
from bilan.model import Document
from bilan.stages.counts import MAX_PEOPLE
from bilan.store import Store
from bilan.store.tables import ArticleRow
from tests.hostile_inputs import (
    ABSURD,
    CONTROLS,
    FRENCH,
    HUGE_BYTES,
    Case,
    Expect,
    case,
    cases,
    check_document,
    huge_text,
    slow_cases,
)

ROOT = Path(__file__).resolve().parents[1]
#: limits of the batch subprocess: beyond them the kernel kills it (SIGXCPU / MemoryError)
CPU_SECONDS = 600
ADDRESS_SPACE = 6 * 1024**3
#: peak resident memory allowed to the whole batch (spaCy's model alone is ~0.5 GB)
MAX_RSS_BYTES = 2 * 1024**3


@dataclass
class Outcome:
    result: Document | BilanError
    read_warnings: list[str]

    def messages(self) -> list[str]:
        if isinstance(self.result, BilanError):
            return []
        return self.read_warnings + [f"{w.code}: {w.message}" for w in self.result.warnings]


def run_file(path: Path, pipeline: Pipeline) -> Iterator[Outcome]:
    """What `bilan ingest` would make of ``path``: each article's Document or typed error."""
    for item in read_inputs([str(path)]):
        if isinstance(item.result, BilanError):
            yield Outcome(item.result, [])
            continue
        try:
            doc = pipeline(item.result.article)
        except BilanError as exc:
            yield Outcome(exc, item.result.warnings)
            continue
        yield Outcome(doc, item.result.warnings)


def assert_matches(outcome: Outcome, expect: Expect) -> None:
    if expect.error is not None:
        assert isinstance(outcome.result, expect.error), outcome.result
        assert outcome.result.code.startswith("E_")
        return
    assert isinstance(outcome.result, Document), outcome.result
    if expect.warning is not None:
        assert any(expect.warning in m for m in outcome.messages()), outcome.messages()


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_reliability_inputs_typed_error_or_partial_result(
    case: Case, pipeline: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / case.filename
    path.write_bytes(case.data)
    outcomes = list(run_file(path, pipeline))
    assert len(outcomes) == len(case.expect), [o.result for o in outcomes]
    for outcome, expect in zip(outcomes, case.expect, strict=True):
        assert_matches(outcome, expect)
        if isinstance(outcome.result, Document):
            check_document(outcome.result)
            for word in case.absent:
                assert word not in outcome.result.article.text


def test_reliability_inputs_html_scripts_never_become_facts(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    (tmp_path / "page.html").write_bytes(case("html").data)
    [outcome] = run_file(tmp_path / "page.html", pipeline)
    assert isinstance(outcome.result, Document)
    values = {c.value for c in outcome.result.counts}
    assert 999 not in values and 888 not in values
    assert 12 in values  # "douze civils ont été tués" is read from the article body


def test_reliability_inputs_absurd_numbers_are_dropped_with_warnings(pipeline: Pipeline) -> None:
    doc = pipeline(make_article(ABSURD, id="absurd"))
    check_document(doc)
    codes = {w.code for w in doc.warnings}
    assert {"W_NUMBER_OVERFLOW", "W_IMPLAUSIBLE_COUNT"} <= codes
    for count in doc.counts:
        for value in (count.value, count.low, count.high):
            assert value is None or value <= MAX_PEOPLE
    assert 100 not in {c.value for c in doc.counts}  # "10^100 morts" is no count of 100
    assert any(c.value == 8 and c.category == "killed" for c in doc.counts)


@pytest.mark.parametrize(
    "text",
    [
        CONTROLS,
        "Au moins\u200f 12 personnes ont été tuées\u202e lundi à Alep, selon l'OSDH.",
        "\ufeffAu\u00a0moins 12\u200b personnes ont été tuées lundi à Alep\u2067,\u2069 selon l'OSDH.",
        "Au moins 12 personnes\x00 ont été tuées lundi\x1b[0m à Alep, selon l'OSDH.",
    ],
)
def test_reliability_inputs_control_characters_keep_offsets(pipeline: Pipeline, text: str) -> None:
    doc = pipeline(make_article(text, id="controls"))
    check_document(doc)
    assert "W_CONTROL_CHARS" in {w.code for w in doc.warnings}
    assert doc.article.text == text  # the article is kept verbatim; only the parse sees spaces
    assert any(c.value == 12 and c.category == "killed" for c in doc.counts)


@pytest.mark.parametrize(
    "text",
    [
        FRENCH,
        "Le ministère de l'Intérieur a annoncé mardi que 35 migrants avaient péri en mer.",
    ],
)
def test_reliability_inputs_clean_french_gets_no_hostility_warning(
    pipeline: Pipeline, text: str
) -> None:
    doc = pipeline(make_article(text, id="clean"))
    codes = {w.code for w in doc.warnings}
    assert not codes & {"W_CONTROL_CHARS", "W_LONG_RUN", "W_NUMBER_OVERFLOW", "W_IMPLAUSIBLE_COUNT"}


def test_reliability_inputs_huge_text_refused_in_bounded_memory(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    path = tmp_path / "huge.txt"
    path.write_bytes(huge_text())
    tracemalloc.start()
    try:
        outcomes = list(run_file(path, pipeline))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    [outcome] = outcomes
    assert isinstance(outcome.result, TooLargeError)
    assert outcome.result.exit_code == 9
    # the bytes, their decoding and the title/dateline look-ups: a few copies, not a blow-up
    assert peak < 6 * HUGE_BYTES, f"peak {peak / 1e6:.0f} MB for a {HUGE_BYTES / 1e6:.0f} MB file"


def test_reliability_inputs_pipe_never_stops_on_bad_articles(pipeline: Pipeline) -> None:
    from bilan.model import Article

    articles = [
        Article(text=FRENCH, id="good-1"),
        Article(text="   ", id="blank"),
        Article(text="x" * (pipeline.max_chars + 1), id="too-large"),
        Article(text=CONTROLS, id="controls"),
        Article(text=ABSURD, id="absurd"),
        Article(text=FRENCH.replace("douze", "quinze"), id="good-2"),
    ]
    out = list(pipeline.pipe(articles, batch_size=2))
    assert [type(o).__name__ for o in out] == [
        "Document",
        "EmptyInputError",
        "TooLargeError",
        "Document",
        "Document",
        "Document",
    ]
    assert [o.article.id for o in out if isinstance(o, Document)] == [
        "good-1",
        "controls",
        "absurd",
        "good-2",
    ]


# -- the whole matrix as one resource-limited batch -----------------------------------------------


@dataclass
class BatchRun:
    returncode: int
    stderr: str
    max_rss: int
    directory: Path
    db: Path


def _limits() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> BatchRun:
    directory = tmp_path_factory.mktemp("hostile")
    for hostile in cases() + slow_cases():
        (directory / hostile.filename).write_bytes(hostile.data)
    for name in ("44145.txt", "44389.txt"):  # two real articles, read after the hostile ones
        (directory / f"zz-{name}").write_bytes((ROOT / "samples" / name).read_bytes())
    db = directory.parent / "batch.sqlite"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    err_path = directory.parent / "batch.stderr"
    with err_path.open("w", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bilan", "ingest", str(directory), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env=env,
            preexec_fn=_limits,
        )
        _, status, usage = os.wait4(proc.pid, 0)  # reaped here, to read its own rusage
        proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(encoding="utf-8")
    rss = usage.ru_maxrss * 1024
    return BatchRun(proc.returncode, stderr, rss, directory, db)


def _stored(run: BatchRun) -> dict[str, list[ArticleRow]]:
    from sqlalchemy import select

    with Store.open(str(run.db)) as store, store.session() as session:
        rows = list(session.scalars(select(ArticleRow)))
    by_file: dict[str, list[ArticleRow]] = {}
    for row in rows:
        by_file.setdefault(Path(row.origin or "").name, []).append(row)
    return by_file


def test_reliability_inputs_batch_survives_within_limits(batch: BatchRun) -> None:
    assert batch.returncode > 0, batch.stderr[-2000:]  # a typed failure exit, not a signal
    assert "Traceback" not in batch.stderr
    assert batch.max_rss < MAX_RSS_BYTES, f"peak RSS {batch.max_rss / 1e9:.2f} GB"
    stored = _stored(batch)
    assert {"zz-44145.txt", "zz-44389.txt"} <= stored.keys()  # read after every hostile file
    assert all(row.extracted for rows in stored.values() for row in rows)


@pytest.mark.parametrize("case", cases() + slow_cases(), ids=lambda c: c.name)
def test_reliability_inputs_batch_outcome(batch: BatchRun, case: Case) -> None:
    stored = _stored(batch).get(case.filename, [])
    failures = [
        line
        for line in batch.stderr.splitlines()
        if f"/{case.filename}" in line and "error[" in line
    ]
    expected_errors = [e.error for e in case.expect if e.error is not None]
    assert len(failures) == len(expected_errors), failures
    for line, error in zip(failures, expected_errors, strict=True):
        assert f"error[{error.code}]" in line
    partial = [e for e in case.expect if e.error is None]
    assert len(stored) == len(partial)
    for expect in partial:
        if expect.warning is not None:
            assert any(expect.warning in w for row in stored for w in row.warnings), [
                row.warnings for row in stored
            ]
    for row in stored:
        assert all(word not in row.text for word in case.absent)
