"""`bilan evaluate GOLD... [--pred DIR] [--json]`: score extraction against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from bilan.cli.app import app, fail
from bilan.errors import BilanError
from bilan.evaluate import PipelinePredictor, Predictor, SavedPredictor, evaluate, load_golds


def make_predictor(pred: Path | None, config: Path | None) -> Predictor:
    """Saved predictions when a directory is given, else one pipeline built from the settings."""
    if pred is not None:
        return SavedPredictor(pred)
    from bilan.config import Settings
    from bilan.pipeline import Pipeline

    return PipelinePredictor(Pipeline(Settings.load(config)))


@app.command("evaluate")
def evaluate_command(
    gold: list[Path] = typer.Argument(..., help="gold YAML files or directories of *.gold.yaml"),
    pred: Path | None = typer.Option(
        None,
        "--pred",
        help="directory of saved contract JSON (*.json, *.jsonl) instead of extracting",
    ),
    as_json: bool = typer.Option(False, "--json", help="print the report as JSON"),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
    issues: bool = typer.Option(True, "--issues/--no-issues", help="list misses and false alarms"),
) -> None:
    """Score counts, quotes, places, dates and events against gold (shared/spec/GOLD.md)."""
    try:
        golds = load_golds(gold)
        report = evaluate(golds, make_predictor(pred, config))
    except BilanError as exc:
        fail(exc)
    if as_json:
        data = report.model_dump(mode="json")
        data["metrics"] = report.metrics()
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return
    from bilan.cli.scores import render_report, report_console

    render_report(report_console(), report, issues=issues)
