"""Stream the inputs of a batch as keyed work items, skip the ones already done, partition.

Inputs are files (``.txt``, ``.html``, ``.jsonl``; see :mod:`bilan.ingest.readers`) or
directories, walked in sorted order for their ``.txt`` and ``.html`` files (a JSONL file is
given by name: a directory may hold JSONL indexes that are not articles). Nothing is read
before it is needed: a day of news never sits in memory at once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bilan.errors import BilanError, UnreadableInputError
from bilan.ingest.readers import HTML_SUFFIXES, ReadResult, read_path
from bilan.model import Article

#: file suffixes picked up when a directory is given
DIRECTORY_SUFFIXES = frozenset({".txt", *HTML_SUFFIXES})


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


def expand_inputs(inputs: Iterable[Path]) -> Iterator[Path | BilanError]:
    """Every article file named by the inputs, in order; a missing path yields its error."""
    for path in inputs:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DIRECTORY_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            yield UnreadableInputError("no such file or directory", source=str(path))


def iter_work(
    inputs: Iterable[Path], *, published: date | None = None
) -> Iterator[WorkItem | BilanError]:
    """Keyed work items for every article in the inputs; unreadable records yield errors."""
    for entry in expand_inputs(inputs):
        if isinstance(entry, BilanError):
            yield entry
            continue
        try:
            for item in read_path(entry, published=published):
                if isinstance(item, BilanError):
                    yield item
                    continue
                source = item.article.id or str(entry)
                yield WorkItem(article_key(item.article), source, item)
        except BilanError as exc:
            yield exc


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
