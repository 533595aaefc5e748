"""What `bilan ingest` reads: files, directories (recursive), URLs and RSS/Atom feeds.

:func:`read_inputs` turns each ``PATH|URL`` into articles, in a stable order. A directory is
walked recursively (hidden entries skipped, files sorted); an ``index.jsonl`` whose records carry
no ``text`` is a sidecar of metadata (``id`` = file stem → ``published``) for the files beside
it, as in the Wikinews corpus. Errors of single files or records are yielded in their place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bilan.errors import BilanError, FormatError, UnreadableInputError
from bilan.ingest.feeds import is_feed, read_feed
from bilan.ingest.fetch import Fetcher
from bilan.ingest.readers import ReadResult, parse_date, read_html_article, read_path

READABLE = {".txt", ".html", ".htm", ".xhtml", ".jsonl", ".xml", ".rss", ".atom"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
SIDECAR = "index.jsonl"


@dataclass(frozen=True)
class Item:
    """One article read (or the error met reading it), with where it came from."""

    origin: str
    result: ReadResult | BilanError


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def sidecar_dates(directory: Path) -> dict[str, date]:
    """``id → published`` from a metadata-only ``index.jsonl``; {} when there is none."""
    index = directory / SIDECAR
    if not index.is_file():
        return {}
    dates: dict[str, date] = {}
    for line in index.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            return {}
        if not isinstance(record, dict) or "text" in record or "id" not in record:
            return {}
        published = parse_date(record.get("published"), source=str(index))
        if published is not None:
            dates[str(record["id"])] = published
    return dates


def _is_sidecar(path: Path) -> bool:
    return path.name == SIDECAR and bool(sidecar_dates(path.parent))


def walk(directory: Path) -> Iterator[Path]:
    """Readable files under ``directory``: a folder's files (sorted) before its subfolders,
    hidden entries skipped."""
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in READABLE:
                continue
            if not _is_sidecar(path):
                yield path


def read_file(
    path: Path, *, published: date | None, fetcher: Fetcher | None
) -> Iterator[ReadResult | BilanError]:
    """The articles of one file; feeds are recognized by suffix or content."""
    try:
        if path.suffix.lower() in FEED_SUFFIXES or (
            path.suffix.lower() not in {".txt", ".jsonl"} and is_feed(path.read_bytes())
        ):
            yield from read_feed(path.read_bytes(), source=str(path), fetcher=fetcher)
            return
        yield from read_path(path, published=published)
    except OSError as exc:
        yield UnreadableInputError(f"cannot read: {exc.strerror}", source=str(path))
    except BilanError as exc:
        yield exc


def read_url(url: str, fetcher: Fetcher) -> Iterator[ReadResult | BilanError]:
    """A web page or a feed behind ``url``."""
    try:
        page = fetcher.fetch(url)
        if is_feed(page.content, page.content_type):
            yield from read_feed(page.content, source=url, fetcher=fetcher)
            return
        yield read_html_article(page.content, id=url, url=page.url, source=url)
    except BilanError as exc:
        yield exc


def _read_one(value: str, *, published: date | None, fetcher: Fetcher | None) -> Iterator[Item]:
    if is_url(value):
        if fetcher is None:
            yield Item(value, FormatError("URLs need a fetcher (network access)", source=value))
            return
        for result in read_url(value, fetcher):
            yield Item(value, result)
        return
    path = Path(value)
    if path.is_dir():
        dates: dict[Path, dict[str, date]] = {}
        for file in walk(path):
            if file.parent not in dates:
                dates[file.parent] = sidecar_dates(file.parent)
            when = published or dates[file.parent].get(file.stem)
            for result in read_file(file, published=when, fetcher=fetcher):
                yield Item(str(file), result)
        return
    if not path.exists():
        yield Item(value, UnreadableInputError("no such file or directory", source=value))
        return
    when = published or sidecar_dates(path.parent).get(path.stem)
    for result in read_file(path, published=when, fetcher=fetcher):
        yield Item(value, result)


def read_inputs(
    inputs: Iterable[str], *, published: date | None = None, fetcher: Fetcher | None = None
) -> Iterator[Item]:
    """Articles from every ``PATH|URL``, in input order (directories sorted)."""
    for value in inputs:
        yield from _read_one(value, published=published, fetcher=fetcher)
