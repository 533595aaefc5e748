"""Parquet shards: one file per partition, written atomically, read back for resume.

A shard is ``part-<name>.parquet`` where ``<name>`` derives from the keys it holds; it is first
written as a hidden temporary file and renamed, so an interrupted run never leaves a half shard
that a rerun would trust.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bilan.batch.work import ResultRow
from bilan.errors import StoreError

SHARD_GLOB = "part-*.parquet"

SCHEMA = pa.schema(
    [
        pa.field("key", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("status", pa.string(), nullable=False),
        pa.field("article_id", pa.string()),
        pa.field("content_hash", pa.string()),
        pa.field("tokens", pa.int64(), nullable=False),
        pa.field("result", pa.string()),
        pa.field("error_code", pa.string()),
        pa.field("error_message", pa.string()),
    ]
)


def shard_paths(out: Path) -> list[Path]:
    return sorted(out.glob(SHARD_GLOB))


def write_shard(out: Path, name: str, rows: Iterable[ResultRow]) -> Path:
    """Write rows as ``out/part-<name>.parquet`` (atomically) and return its path."""
    out.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist([asdict(r) for r in rows], schema=SCHEMA)
    final = out / f"part-{name}.parquet"
    tmp = out / f".part-{name}.parquet.tmp"
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)
    except OSError as exc:
        raise StoreError(f"cannot write the shard: {exc}", source=str(final)) from exc
    return final


def processed_keys(out: Path) -> set[str]:
    """Keys of every article already in the shards of ``out`` (empty when there are none)."""
    keys: set[str] = set()
    for path in shard_paths(out):
        keys.update(_read(path, columns=["key"]).column("key").to_pylist())
    return keys


def read_rows(out: Path) -> list[ResultRow]:
    """Every row of the shards of ``out``, sorted by key (a stable order across executors)."""
    rows = [
        ResultRow(**record)
        for path in shard_paths(out)
        for record in _read(path, columns=None).to_pylist()
    ]
    return sorted(rows, key=lambda r: r.key)


def remove_shards(out: Path) -> int:
    """Delete the shards of an earlier run (a fresh start); returns how many were removed."""
    paths = shard_paths(out)
    for path in paths:
        path.unlink()
    return len(paths)


def _read(path: Path, *, columns: list[str] | None) -> pa.Table:
    try:
        return pq.read_table(path, columns=columns)
    except (OSError, pa.ArrowInvalid) as exc:
        raise StoreError(
            f"unreadable shard ({exc}): delete it and rerun to redo its articles", source=str(path)
        ) from exc
