"""Figures, and their JSON and Markdown renderings."""

from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    """One measured figure. ``met`` is None when the figure has no goal or was not measured."""

    number: int
    name: str
    value: float | None
    unit: str
    goal: str = ""
    met: bool | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass
class Report:
    figures: list[Figure] = field(default_factory=list)
    context: dict[str, Any] = field(default_factory=dict)
    #: seconds per step of the pipeline (language check, spaCy components, stages, contract)
    profile: dict[str, float] = field(default_factory=dict)

    def add(self, figures: list[Figure]) -> None:
        self.figures.extend(figures)
        self.figures.sort(key=lambda f: f.number)


def machine() -> dict[str, Any]:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def _value(f: Figure) -> str:
    if f.value is None:
        return "not measured"
    return f"{f.value:,.3g}" if abs(f.value) < 1000 else f"{f.value:,.0f}"


def markdown(report: Report) -> str:
    lines = [
        "| # | figure | value | unit | goal | met | what limits it |",
        "|---|---|---|---|---|---|---|",
    ]
    for f in report.figures:
        met = "" if f.met is None else ("yes" if f.met else "**no**")
        note = f.note.replace("|", "/").replace("\n", " ")
        lines.append(
            f"| {f.number} | {f.name} | {_value(f)} | {f.unit} | {f.goal} | {met} | {note} |"
        )
    ctx = ", ".join(f"{k}={v}" for k, v in report.context.items())
    return "\n".join([*lines, "", f"Context: {ctx}", "", *_profile(report.profile)])


def _profile(seconds: dict[str, float]) -> list[str]:
    if not seconds:
        return []
    total = sum(seconds.values())
    lines = ["Where the time goes (one process, all texts):", "", "| step | share |", "|---|---|"]
    for step, value in sorted(seconds.items(), key=lambda kv: -kv[1]):
        lines.append(f"| {step} | {100 * value / total:.1f} % |")
    return [*lines, ""]


def write(report: Report, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    data = {
        "context": report.context,
        "figures": [asdict(f) for f in report.figures],
        "profile_seconds": report.profile,
    }
    json_path, md_path = out / "bench.json", out / "bench.md"
    json_path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(report), encoding="utf-8")
    return json_path, md_path
