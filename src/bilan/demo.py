"""`make demo`: run bilan end to end on the bundled samples and say where to look."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from bilan.cli.render import render_document
from bilan.config import Settings
from bilan.contract import to_contract
from bilan.errors import BilanError
from bilan.ingest.readers import read_path
from bilan.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]


def run_demo(samples: Path = ROOT / "samples", out: Path = ROOT / "out" / "demo") -> Path:
    console = Console()
    out.mkdir(parents=True, exist_ok=True)
    pipeline = Pipeline(Settings.load())
    files = sorted(samples.glob("*.txt"))
    results = out / "extract.jsonl"
    with results.open("w", encoding="utf-8") as sink:
        for path in files:
            for item in read_path(path):
                if isinstance(item, BilanError):
                    console.print(f"[red]error[{item.code}][/]: {item}")
                    continue
                data = to_contract(pipeline(item.article))
                sink.write(json.dumps(data, ensure_ascii=False) + "\n")
                render_document(console, data)
                console.rule()
    console.print(f"[bold green]bilan ran on {len(files)} sample articles.[/] Results: {results}")
    return results


if __name__ == "__main__":
    run_demo()
