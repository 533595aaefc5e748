"""`bilan evaluate` over saved predictions: tables, issues, JSON; SavedPredictor look-ups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilan.cli import app
from bilan.errors import FormatError, UnreadableInputError
from bilan.evaluate import SavedPredictor, load_golds
from tests.evaluate_helpers import perfect_counts, prediction, write_gold


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    gold = write_gold(tmp_path / "gold")
    pred = tmp_path / "pred"
    pred.mkdir()
    doc = prediction(counts=perfect_counts()[:2])
    (pred / "out.jsonl").write_text(doc.model_dump_json() + "\n")
    return gold, pred


def test_evaluate_cli_prints_tables_and_issues(setup) -> None:  # type: ignore[no-untyped-def]
    gold, pred = setup
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(pred)])
    assert result.exit_code == 0, result.output
    assert "Summary (1 articles, 0 errors)" in result.output
    assert "test-homs" in result.output
    assert "miss" in result.output and "Plus de 2 000 personnes ont fui" in result.output


def test_evaluate_cli_json(setup) -> None:  # type: ignore[no-untyped-def]
    gold, pred = setup
    result = CliRunner().invoke(app, ["evaluate", str(gold), "--pred", str(pred), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["summary"]["tallies"]["counts"] == {
        "tp": 2, "fp": 0, "fn": 1, "precision": 1.0, "recall": 2 / 3, "f1": 0.8
    }  # fmt: skip
    assert data["metrics"]["counts.f1"] == 0.8
    assert [i["kind"] for i in data["articles"][0]["issues"]].count(
        "miss"
    ) == 4  # 1 count, 3 quotes


def test_evaluate_cli_bad_gold_exit_code(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "missing.gold.yaml")])
    assert result.exit_code == 12
    assert "E_GOLD" in result.output


def test_evaluate_saved_predictor_by_file_name(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold, _ = setup
    other = tmp_path / "other"
    other.mkdir()
    doc = prediction().model_copy(
        update={"article": prediction().article.model_copy(update={"id": None})}
    )
    (other / "test-homs.json").write_text(doc.model_dump_json())
    (found,) = SavedPredictor(other).predict(load_golds([gold]))
    assert not isinstance(found, Exception)


def test_evaluate_saved_predictor_missing_article(setup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    gold, _ = setup
    (tmp_path / "empty").mkdir()
    (missing,) = SavedPredictor(tmp_path / "empty").predict(load_golds([gold]))
    assert isinstance(missing, UnreadableInputError)


def test_evaluate_saved_predictor_bad_json(tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text('{"article": {}, "counts": [{"id": 1}]}\n')
    with pytest.raises(FormatError, match="line 1"):
        SavedPredictor(tmp_path)


def test_evaluate_pipeline_predictor_on_dev_gold(nlp) -> None:  # type: ignore[no-untyped-def]
    from bilan import Pipeline, Settings
    from bilan.evaluate import PipelinePredictor, evaluate
    from tests.conftest import ROOT

    golds = load_golds(sorted((ROOT / "gold" / "dev").glob("4564*.gold.yaml")))
    report = evaluate(golds, PipelinePredictor(Pipeline(Settings(), nlp=nlp)))
    assert [a.id for a in report.articles] == [g.id for g in golds]
    assert report.summary.errors == 0
    assert report.summary.tallies["counts"].fn + report.summary.tallies["counts"].tp == sum(
        not c.optional for g in golds for c in g.counts
    )
