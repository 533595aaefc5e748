"""`make demo`: run bilan end to end on the bundled samples and say where to look.

1. extracts every sample article and prints its counts and quotes (Rich tables), saving the
   contract JSON to ``out/demo/extract.jsonl``;
2. ingests the samples into ``out/demo/bilan.sqlite`` (store, near-duplicates, incidents);
3. serves the dashboard on http://127.0.0.1:8000/ until Ctrl-C (``--no-serve`` stops after 2).
"""

from __future__ import annotations

import argparse
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
OUT = ROOT / "out" / "demo"


def extract_samples(pipeline: Pipeline, console: Console, samples: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    results = out / "extract.jsonl"
    files = sorted(samples.glob("*.txt"))
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
    console.print(
        f"[bold green]Extracted {len(files)} sample articles.[/] Contract JSON: {results}"
    )
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bilan.demo")
    parser.add_argument("--no-serve", action="store_true", help="stop after extraction and ingest")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)

    from bilan.api.server import ingest_paths, serve_demo

    console = Console()
    settings = Settings.load()
    pipeline = Pipeline(settings)
    samples = ROOT / "samples"
    extract_samples(pipeline, console, samples, OUT)
    db = OUT / "bilan.sqlite"
    if args.no_serve:
        stored = settings.model_copy(update={"db": str(db)})
        for message in ingest_paths(stored, [str(samples)], pipeline):
            console.print(message, style="red", highlight=False)
        console.print(f"[bold green]Samples stored in {db}.[/] Serve them: bilan serve --db {db}")
        return
    serve_demo(settings, samples=samples, db=db, port=args.port, pipeline=pipeline)


if __name__ == "__main__":
    main()
