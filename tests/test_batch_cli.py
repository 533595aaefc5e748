"""`bilan batch` end to end: 2 local Dask workers give exactly the single-process output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilan.batch import read_rows
from bilan.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    if not any(SAMPLES.glob("*.txt")):
        pytest.fail(f"the sample articles are missing from {SAMPLES}")
    directory = tmp_path / "in"
    shutil.copytree(SAMPLES, directory, ignore=shutil.ignore_patterns("*.jsonl", "*.md"))
    (directory / "empty.txt").write_text("  \n", encoding="utf-8")
    return directory


def _batch(*args: str) -> str:
    result = CliRunner().invoke(app, ["batch", *args, "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.slow
def test_batch_cli_two_workers_match_single_process(inputs: Path, tmp_path: Path) -> None:
    single, dask = tmp_path / "single", tmp_path / "dask"
    _batch(str(inputs), "--workers", "0", "--out", str(single))
    _batch(str(inputs), "--workers", "2", "--partition-size", "2", "--out", str(dask))
    expected = read_rows(single)
    assert len(expected) == len(list(inputs.glob("*.txt")))
    assert {r.error_code for r in expected} == {None, "E_EMPTY"}
    assert read_rows(dask) == expected
    assert len(list(dask.glob("part-*.parquet"))) > 1

    rerun = _batch(str(inputs), "--workers", "2", "--out", str(dask))
    assert "0 articles processed" in rerun
    assert f"{len(expected)} skipped" in rerun
    assert read_rows(dask) == expected
