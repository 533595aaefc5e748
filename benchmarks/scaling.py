"""Figures 3 and 4: peak memory per Dask worker, and 2 workers ÷ 1 worker throughput.

Both runs use :class:`bilan.batch.cluster.DaskExecutor` on the same replicated texts; the clock
starts once the workers have built their pipelines (model loading is not throughput).
"""

from __future__ import annotations

from time import perf_counter

from benchmarks.report import Figure
from bilan.batch.cluster import DaskExecutor
from bilan.batch.executors import PartitionDone
from bilan.batch.sources import WorkItem, article_key, partitions
from bilan.config import Settings
from bilan.ingest.readers import ReadResult
from bilan.model import Article

MEMORY_GOAL_BYTES = 1.5 * 1024**3


def _run(workers: int, articles: list[Article], partition_size: int) -> tuple[float, int, int]:
    """(seconds, tokens, peak worker RSS in bytes) for one Dask run of the articles."""
    items = [WorkItem(article_key(a), a.id or "", ReadResult(a)) for a in articles]
    with DaskExecutor(Settings(), workers=workers, in_flight=2 * workers) as executor:
        start = perf_counter()
        tokens = 0
        for outcome in executor.run(partitions(items, partition_size)):
            if not isinstance(outcome, PartitionDone):
                raise SystemExit(f"partition failed during the benchmark: {outcome.error!r}")
            tokens += sum(r.tokens for r in outcome.rows)
        seconds = perf_counter() - start
        peak = max(executor.peak_memory().values())
    return seconds, tokens, peak


def scaling(articles: list[Article], *, partition_size: int = 4) -> list[Figure]:
    one_s, tokens, peak_one = _run(1, articles, partition_size)
    two_s, _, peak_two = _run(2, articles, partition_size)
    speedup = one_s / two_s
    peak = max(peak_one, peak_two)
    return [
        Figure(
            3,
            "peak memory per worker",
            peak / 1024**2,
            "MiB",
            goal="< 1536 MiB",
            met=peak < MEMORY_GOAL_BYTES,
            detail={
                "peak_1_worker_mib": peak_one // 1024**2,
                "peak_2_workers_mib": peak_two // 1024**2,
            },
            note="the spaCy model (vectors) and the worker runtime; partitions add little",
        ),
        Figure(
            4,
            "2 workers ÷ 1 worker throughput",
            speedup,
            "ratio",
            goal="≥ 1.7",
            met=speedup >= 1.7,
            detail={
                "articles": len(articles),
                "tokens": tokens,
                "partition_size": partition_size,
                "seconds_1_worker": round(one_s, 2),
                "seconds_2_workers": round(two_s, 2),
                "articles_per_second_2_workers": round(len(articles) / two_s, 2),
            },
            note="2 cores shared with the other processes on the machine (see load average)",
        ),
    ]
