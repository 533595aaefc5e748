"""Run the app with uvicorn: ``serve(settings, host, port)``; ``serve_demo`` for `make demo`.

``ingest_files`` fills a store from article files through the pipeline (the same path as
POST /articles); ``serve_demo`` ingests the bundled samples, prints the dashboard's address and
serves until interrupted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from bilan.api.schemas import IngestResult
from bilan.api.store import FactStore
from bilan.config import Settings
from bilan.contract import from_contract, to_contract
from bilan.errors import BilanError
from bilan.ingest.readers import ReadResult, read_path
from bilan.pipeline import Pipeline

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def dashboard_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    return f"http://{shown}:{port}/dashboard"


def sample_index(folder: Path) -> dict[str, dict[str, str]]:
    """``index.jsonl`` beside the samples: id → {title, published…} (empty when absent)."""
    index = folder / "index.jsonl"
    if not index.is_file():
        return {}
    rows = (json.loads(line) for line in index.read_text("utf-8").splitlines() if line.strip())
    return {str(row["id"]): row for row in rows if isinstance(row, dict) and "id" in row}


def article_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders give their .txt, .html and .jsonl files (recursively, sorted)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in {".txt", ".html", ".htm", ".jsonl"}
                and p.name != "index.jsonl"
            )
        else:
            out.append(path)
    return out


def _with_index(item: ReadResult, index: dict[str, dict[str, str]]) -> ReadResult:
    meta = index.get(item.article.id or "")
    if not meta:
        return item
    update: dict[str, object] = {}
    if meta.get("title") and not item.article.title:
        update["title"] = meta["title"]
    if meta.get("published") and item.article.published is None:
        update["published"] = date.fromisoformat(meta["published"][:10])
    return ReadResult(item.article.model_copy(update=update), item.warnings)


def ingest_files(
    store: FactStore, pipeline: Pipeline, paths: Iterable[Path]
) -> list[IngestResult | BilanError]:
    """Extract and store every article of ``paths``; each failure is returned in its place."""
    results: list[IngestResult | BilanError] = []
    for path in article_files(paths):
        index = sample_index(path.parent)
        for item in read_path(path):
            if isinstance(item, BilanError):
                results.append(item)
                continue
            item = _with_index(item, index)
            try:
                doc = pipeline(item.article)
            except BilanError as exc:
                results.append(exc)
                continue
            results.append(store.add(item.article, from_contract(to_contract(doc))))
    return results


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    store: FactStore | None = None,
    pipeline: Pipeline | None = None,
    log_level: str = "info",
) -> None:
    """Serve the API and the dashboard until interrupted (blocks)."""
    import uvicorn

    from bilan.api.app import create_app

    app = create_app(settings, store=store, pipeline=pipeline)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def serve_demo(
    settings: Settings | None = None,
    *,
    samples: Path = SAMPLES,
    host: str = "127.0.0.1",
    port: int = 8000,
    store: FactStore | None = None,
) -> None:
    """`make demo`: ingest the samples, print the dashboard's address, serve (blocks)."""
    from rich.console import Console

    from bilan.api.memory import MemoryStore

    console = Console()
    settings = settings or Settings.load()
    store = store if store is not None else MemoryStore()
    pipeline = Pipeline(settings)
    results = ingest_files(store, pipeline, [samples])
    for r in results:
        if isinstance(r, BilanError):
            console.print(f"[red]error[{r.code}][/]: {r}", highlight=False)
    stored = sum(1 for r in results if isinstance(r, IngestResult))
    console.print(
        f"[bold green]{stored} sample articles stored.[/] Dashboard: {dashboard_url(host, port)}"
    )
    serve(settings, host, port, store=store, pipeline=pipeline, log_level="warning")
