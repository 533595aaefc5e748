"""`bilan gate`: the quality gate over the dev gold (and the seed gold when ../shared exists)."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.table import Table

from bilan.cli.app import app, fail
from bilan.cli.evaluate import make_predictor
from bilan.cli.scores import report_console, summary_table
from bilan.errors import BilanError
from bilan.evaluate.gate import GateOptions, GateResult, run_gate

_STATUS_STYLE = {
    "ok": "green",
    "below": "bold red",
    "new": "cyan",
    "skipped": "dim",
    "undefined": "dim",
}


def _floor(value: float | None) -> str:
    return "—" if value is None else f"{value:.4f}"


def checks_table(result: GateResult) -> Table:
    table = Table(title="Gate: scores against pinned floors", expand=False)
    for col in ("metric", "score", "floor", "status", "new floor"):
        table.add_column(col, justify="left" if col in ("metric", "status") else "right")
    for c in result.checks:
        style = _STATUS_STYLE[c.status]
        table.add_row(
            c.metric,
            _floor(c.score),
            _floor(c.floor),
            f"[{style}]{c.status}[/]",
            _floor(c.new_floor) if c.new_floor is not None else "",
        )
    return table


@app.command("gate")
def gate_command(
    challenge: Path | None = typer.Option(
        Path("gold/challenge"),
        "--challenge",
        help="challenge gold directory scored as a second set (regression floors only)",
    ),
    shared: Path = typer.Option(
        Path("../shared"), "--shared", help="shared folder holding seed/*.gold.yaml"
    ),
    update: bool = typer.Option(False, "--update", help="raise floors to the current scores"),
    lower: bool = typer.Option(False, "--lower", help="lower the floors that are not met"),
    reason: str | None = typer.Option(None, "--reason", help="why a floor is lowered (required)"),
    gold_dir: Path = typer.Option(Path("gold/dev"), "--gold", help="dev gold directory"),
    baseline: Path = typer.Option(
        Path("eval/baseline.json"), "--baseline", help="pinned floors (JSON)"
    ),
    pred: Path | None = typer.Option(
        None, "--pred", help="score saved contract JSON from this directory instead of extracting"
    ),
    config: Path | None = typer.Option(None, "--config", help="settings file (TOML)"),
) -> None:
    """Evaluate the dev gold (and the seed), and fail when a score is below its pinned floor."""
    console = report_console()
    options = GateOptions(
        gold_dir=gold_dir,
        extra={"challenge": challenge} if challenge is not None else {},
        shared=shared,
        baseline=baseline,
        update=update,
        lower=lower,
        reason=reason,
    )
    try:
        result = run_gate(options, make_predictor(pred, config))
    except BilanError as exc:
        fail(exc)
    for note in result.notes:
        console.print(f"[yellow]note[/]: {note}", highlight=False)
    for name, report in result.reports.items():
        console.print(summary_table(report, title=f"{name} set"))
    console.print(checks_table(result))
    if result.baseline_written:
        console.print(f"floors written to {baseline}", highlight=False)
    if result.lowered:
        console.print(
            f"[yellow]lowered[/] {', '.join(result.lowered)}: give the reason in the commit message",
            highlight=False,
        )
    try:
        result.raise_for_failures()
    except BilanError as exc:
        fail(exc)
    ok = sum(c.status == "ok" for c in result.checks)
    console.print(f"[green]gate passed[/]: {ok} floors met", highlight=False)
