"""The quality gate: fails below a floor, floors only move up, lowering needs a reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilan.cli import app
from bilan.contract import ContractDocument
from bilan.errors import ConfigError, GateError
from bilan.evaluate.gate import GateOptions, pin, read_baseline, run_gate
from tests.evaluate_helpers import (
    FakePredictor,
    perfect_counts,
    perfect_quotes,
    prediction,
    write_gold,
)


def options(tmp_path: Path, **kw) -> GateOptions:  # type: ignore[no-untyped-def]
    return GateOptions(
        gold_dir=tmp_path / "gold",
        shared=tmp_path / "no-shared",
        baseline=tmp_path / "baseline.json",
        **kw,
    )


def setup(tmp_path: Path, floors: dict[str, float]) -> None:
    write_gold(tmp_path / "gold")
    (tmp_path / "baseline.json").write_text(json.dumps({"floors": floors, "log": []}))


def perfect() -> ContractDocument:
    return prediction(counts=perfect_counts(), quotes=perfect_quotes())


def test_evaluate_gate_fails_when_a_floor_is_not_met(tmp_path: Path) -> None:
    setup(tmp_path, {"dev.counts.f1": 0.5, "dev.quotes.f1": 0.0})
    result = run_gate(options(tmp_path), FakePredictor(prediction()))
    assert [c.metric for c in result.failures] == ["dev.counts.f1"]
    with pytest.raises(GateError, match=r"dev.counts.f1 0.0 < 0.5") as info:
        result.raise_for_failures()
    assert info.value.exit_code == 14


def test_evaluate_gate_passes_when_floors_are_met(tmp_path: Path) -> None:
    setup(tmp_path, {"dev.counts.f1": 0.5, "dev.quotes.speaker": 1.0})
    result = run_gate(options(tmp_path), FakePredictor(perfect()))
    result.raise_for_failures()
    assert {c.metric: c.status for c in result.checks}["dev.counts.f1"] == "ok"
    assert result.notes == [
        f"{tmp_path / 'no-shared'} does not exist: the seed article is not evaluated"
    ]


def test_evaluate_gate_lost_metric_fails(tmp_path: Path) -> None:
    # speaker accuracy becomes undefined when no quote is matched any more
    setup(tmp_path, {"dev.quotes.speaker": 0.5})
    result = run_gate(options(tmp_path), FakePredictor(prediction()))
    assert [c.metric for c in result.failures] == ["dev.quotes.speaker"]


def test_evaluate_gate_update_only_raises_floors(tmp_path: Path) -> None:
    setup(tmp_path, {"dev.counts.f1": 0.2, "dev.quotes.f1": 0.0})
    run_gate(options(tmp_path, update=True), FakePredictor(perfect()))
    floors = read_baseline(tmp_path / "baseline.json")["floors"]
    assert floors["dev.counts.f1"] == 1.0 and floors["dev.quotes.speaker"] == 1.0
    # a worse run with --update does not move floors down, and still fails
    result = run_gate(options(tmp_path, update=True), FakePredictor(prediction()))
    assert read_baseline(tmp_path / "baseline.json")["floors"]["dev.counts.f1"] == 1.0
    with pytest.raises(GateError):
        result.raise_for_failures()


def test_evaluate_gate_lowering_needs_a_reason(tmp_path: Path) -> None:
    setup(tmp_path, {"dev.counts.f1": 0.9})
    with pytest.raises(ConfigError, match="needs a reason"):
        run_gate(options(tmp_path, lower=True), FakePredictor(prediction()))
    result = run_gate(
        options(tmp_path, lower=True, reason="gold fixed: 3 counts were ages"),
        FakePredictor(prediction()),
    )
    result.raise_for_failures()
    data = read_baseline(tmp_path / "baseline.json")
    assert data["floors"]["dev.counts.f1"] == 0.0
    assert data["log"][0]["reason"] == "gold fixed: 3 counts were ages"
    assert data["log"][0]["from"] == 0.9


def test_evaluate_gate_seed_set_when_shared_exists(tmp_path: Path) -> None:
    setup(tmp_path, {"seed.counts.f1": 0.5})
    write_gold(tmp_path / "shared" / "seed")
    opts = GateOptions(
        gold_dir=tmp_path / "gold", shared=tmp_path / "shared", baseline=tmp_path / "baseline.json"
    )
    result = run_gate(opts, FakePredictor(prediction()))
    assert set(result.reports) == {"dev", "seed"}
    assert [c.metric for c in result.failures] == ["seed.counts.f1"]


def test_evaluate_gate_seed_floor_skipped_without_shared(tmp_path: Path) -> None:
    setup(tmp_path, {"seed.counts.f1": 0.5})
    result = run_gate(options(tmp_path), FakePredictor(prediction()))
    assert result.failures == []
    assert {c.metric: c.status for c in result.checks}["seed.counts.f1"] == "skipped"


@pytest.mark.parametrize(("score", "floor"), [(0.66666, 0.6666), (1.0, 1.0), (0.1 + 0.2, 0.3)])
def test_evaluate_gate_pin_rounds_down(score: float, floor: float) -> None:
    assert pin(score) == floor


def test_evaluate_gate_cli_exit_code(tmp_path: Path) -> None:
    setup(tmp_path, {"dev.counts.f1": 0.5})
    pred = tmp_path / "pred"
    pred.mkdir()
    (pred / "test-homs.json").write_text(prediction().model_dump_json())
    args = ["gate", "--gold", str(tmp_path / "gold"), "--baseline", str(tmp_path / "baseline.json")]
    args += ["--shared", str(tmp_path / "no-shared"), "--pred", str(pred)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == GateError.exit_code, result.output
    assert "does not exist: the seed article is not evaluated" in result.output
    (pred / "test-homs.json").write_text(perfect().model_dump_json())
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "gate passed" in result.output
