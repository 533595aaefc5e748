"""Dump the contract JSON of every dev text, the samples and the seed with one Pipeline.

Used to prove a speed change leaves outputs unchanged: dump before, dump after, diff.

    PYTHONPATH=src:. python scripts/perf_dump.py out/perf/before
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from benchmarks.texts import bench_articles
from bilan.contract import to_contract
from bilan.errors import BilanError
from bilan.ingest.readers import make_article
from bilan.pipeline import Pipeline

SEED = Path("/work/shared/seed/afp-alep-2016-11-30.txt")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    articles = bench_articles()
    if SEED.exists():
        seed = make_article(SEED.read_text(encoding="utf-8"), id=SEED.stem)
        articles.append(seed.model_copy(update={"published": date(2016, 11, 30)}))
    longest = max(articles, key=lambda a: len(a.text))
    body = longest.text[longest.body_start :].strip()
    long_text = longest.text[: longest.body_start] + "\n\n".join([body] * 8)
    articles.append(longest.model_copy(update={"text": long_text, "id": f"{longest.id}x8"}))
    pipeline = Pipeline()
    for article, result in zip(articles, pipeline.pipe(articles), strict=True):
        data = {"error": str(result)} if isinstance(result, BilanError) else to_contract(result)
        path = out / f"{article.id}.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    print(f"{len(articles)} documents written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
