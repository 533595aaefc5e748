"""Batch processing at scale: adapters that run the :class:`~bilan.pipeline.Pipeline` over many
articles, in this process or on a Dask cluster, and write Parquet shards. No extraction logic.

    inputs ─► sources (stream, partition, skip done) ─► executor (local | Dask)
           ─► sink (Parquet shards, atomic) ─► progress (Rich, articles per second)

A rerun resumes: every article has a stable key (a SHA-256 of its content and metadata) and the
keys already in the output shards are skipped.
"""

from __future__ import annotations

from bilan.batch.options import BatchOptions, BatchSummary
from bilan.batch.runner import run_batch
from bilan.batch.shards import read_rows
from bilan.batch.work import ResultRow

__all__ = ["BatchOptions", "BatchSummary", "ResultRow", "read_rows", "run_batch"]
