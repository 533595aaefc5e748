"""The quality gate: evaluation scores against floors pinned in ``eval/baseline.json``.

The gate evaluates the dev gold (``gold/dev``), any extra sets given (``bilan gate`` adds the
challenge set ``gold/challenge``) and, when the shared folder holds it, the seed
gold (``<shared>/seed/*.gold.yaml``); metric names are prefixed by the set (``dev.counts.f1``,
``seed.quotes.speaker``). A score below its floor fails the gate. Floors only move up
(``update``: each floor rises to the score, new metrics are pinned); lowering one needs
``lower`` and a reason, which is logged in the baseline file (and belongs in the commit message).
A floor of a set that was not evaluated (no shared folder) is reported as skipped, not failed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from bilan.errors import ConfigError, GateError, GoldError
from bilan.evaluate.gold import load_golds
from bilan.evaluate.results import Report
from bilan.evaluate.run import Predictor, evaluate

#: scores may differ in the last bits between runs; a floor is met within this tolerance
TOLERANCE = 1e-9
#: floors are pinned rounded down to this many decimals
DECIMALS = 4

Status = Literal["ok", "below", "new", "skipped", "undefined"]


@dataclass(frozen=True, kw_only=True)
class GateOptions:
    gold_dir: Path = Path("gold/dev")
    #: more sets scored besides dev (name → gold directory), e.g. {"challenge": gold/challenge}
    extra: dict[str, Path] = field(default_factory=dict)
    shared: Path | None = Path("../shared")
    baseline: Path = Path("eval/baseline.json")
    update: bool = False
    lower: bool = False
    reason: str | None = None


@dataclass
class Check:
    metric: str
    score: float | None
    floor: float | None
    status: Status
    new_floor: float | None = None


@dataclass
class GateResult:
    reports: dict[str, Report]
    notes: list[str]
    checks: list[Check]
    baseline_written: bool = False
    lowered: list[str] = field(default_factory=list)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if c.status == "below"]

    def raise_for_failures(self) -> None:
        if self.failures:
            listed = ", ".join(f"{c.metric} {c.score} < {c.floor}" for c in self.failures)
            raise GateError(
                f"{len(self.failures)} score(s) below their floor: {listed}. Fix the regression, "
                "or lower the floor with `bilan gate --lower --reason TEXT` and give the reason "
                "in the commit message"
            )


def pin(score: float) -> float:
    """The floor pinned for a score: rounded down, so that the same run passes."""
    return math.floor(score * 10**DECIMALS + TOLERANCE) / 10**DECIMALS


def read_baseline(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {"floors": {}, "log": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline: {exc}", source=str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise ConfigError("the baseline must hold a `floors` mapping", source=str(path))
    data.setdefault("log", [])
    return data


def write_baseline(path: Path, data: dict[str, Any]) -> None:
    data["floors"] = dict(sorted(data["floors"].items()))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def gold_sets(options: GateOptions) -> tuple[dict[str, list[Path]], list[str]]:
    """The gold files of each set, and notes on what was left out."""
    sets: dict[str, list[Path]] = {"dev": [options.gold_dir]}
    notes: list[str] = []
    for name, directory in options.extra.items():
        if directory.is_dir():
            sets[name] = [directory]
        else:
            notes.append(f"{directory} does not exist: the {name} set is not evaluated")
    if options.shared is None:
        notes.append("no shared folder given: the seed article is not evaluated")
    elif not options.shared.is_dir():
        notes.append(f"{options.shared} does not exist: the seed article is not evaluated")
    else:
        seeds = sorted((options.shared / "seed").glob("*.gold.yaml"))
        if seeds:
            sets["seed"] = seeds
        else:
            notes.append(
                f"{options.shared / 'seed'} holds no *.gold.yaml: the seed is not evaluated"
            )
    return sets, notes


def compare(
    metrics: dict[str, float | None], floors: dict[str, float], evaluated: set[str]
) -> list[Check]:
    checks: list[Check] = []
    for name in sorted(set(metrics) | set(floors)):
        score, floor = metrics.get(name), floors.get(name)
        if name.split(".", 1)[0] not in evaluated:
            status: Status = "skipped"
        elif floor is None:
            status = "new" if score is not None else "undefined"
        elif score is None:
            status = "below" if floor > 0 else "undefined"
        else:
            status = "below" if score + TOLERANCE < floor else "ok"
        checks.append(Check(name, score, floor, status))
    return checks


def _move_floors(result: GateResult, data: dict[str, Any], options: GateOptions) -> None:
    floors: dict[str, float] = data["floors"]
    for c in result.checks:
        if c.score is None or c.status in ("skipped", "undefined"):
            continue
        pinned = pin(c.score)
        if c.status == "below" and options.lower:
            c.new_floor = floors[c.metric] = pinned
            result.lowered.append(c.metric)
            data["log"].append(
                {
                    "date": date.today().isoformat(),
                    "metric": c.metric,
                    "from": c.floor,
                    "to": pinned,
                    "reason": options.reason,
                }
            )
            c.status = "ok"
        elif options.update and (c.floor is None or pinned > c.floor):
            c.new_floor = floors[c.metric] = pinned


def run_gate(options: GateOptions, predictor: Predictor) -> GateResult:
    """Evaluate every gold set, compare with the floors, move them when asked (never silently)."""
    if options.lower and not (options.reason and options.reason.strip()):
        raise ConfigError("lowering a floor needs a reason: --lower --reason TEXT")
    if not options.gold_dir.is_dir():
        raise GoldError("the dev gold directory does not exist", source=str(options.gold_dir))
    data = read_baseline(options.baseline)
    sets, notes = gold_sets(options)
    reports: dict[str, Report] = {}
    metrics: dict[str, float | None] = {}
    for name, paths in sets.items():
        reports[name] = evaluate(load_golds(paths), predictor)
        metrics.update({f"{name}.{k}": v for k, v in reports[name].metrics().items()})
    result = GateResult(reports, notes, compare(metrics, data["floors"], set(sets)))
    if options.update or options.lower:
        _move_floors(result, data, options)
        if any(c.new_floor is not None for c in result.checks):
            write_baseline(options.baseline, data)
            result.baseline_written = True
    return result
