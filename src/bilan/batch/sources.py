"""Stream the inputs of a batch as keyed work items, skip the ones already done, partition.

Inputs are read by :func:`bilan.ingest.sources.read_inputs` (files, directories with their
sidecar ``index.jsonl`` dates, JSONL, HTML, feeds), lazily: a day of news never sits in memory
at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bilan.errors import BilanError
from bilan.ingest.readers import ReadResult
from bilan.ingest.sources import read_inputs
from bilan.model import Article


def article_key(article: Article) -> str:
    """The resume key: a SHA-256 of the article's text and metadata (id, date, title, url)."""
    return hashlib.sha256(article.model_dump_json().encode("utf-8")).hexdigest()


def content_hash(text: str) -> str:
    """A SHA-256 of the text alone, kept in the output for cross-source de-duplication."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def error_key(exc: BilanError) -> str:
    """A stable key for an input that could not be read (so a rerun does not repeat it)."""
    raw = f"{exc.code}\0{exc.source}\0{exc.message}"
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class WorkItem:
    """One readable article, its resume key and where it came from."""

    key: str
    source: str
    read: ReadResult


@dataclass(frozen=True)
class Partition:
    """A bounded group of work items processed together (one task, one Parquet shard)."""

    items: tuple[WorkItem, ...]

    @property
    def name(self) -> str:
        """Stable name derived from the keys: the same articles always make the same shard."""
        digest = hashlib.sha256("\n".join(i.key for i in self.items).encode("ascii"))
        return digest.hexdigest()[:20]

    def __len__(self) -> int:
        return len(self.items)


def iter_work(
    inputs: Iterable[Path], *, published: date | None = None
) -> Iterator[WorkItem | BilanError]:
    """Keyed work items for every article in the inputs; unreadable records yield errors."""
    for item in read_inputs((str(p) for p in inputs), published=published):
        if isinstance(item.result, BilanError):
            yield item.result
            continue
        article = item.result.article
        yield WorkItem(article_key(article), article.id or item.origin, item.result)


def partitions(items: Iterable[WorkItem], size: int) -> Iterator[Partition]:
    """Group items into partitions of at most ``size`` (the last one may be smaller)."""
    batch: list[WorkItem] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield Partition(tuple(batch))
            batch = []
    if batch:
        yield Partition(tuple(batch))
