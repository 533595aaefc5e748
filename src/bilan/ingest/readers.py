"""File readers. Each returns Articles (and warnings), or raises a typed InputError."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bilan.errors import (
    BilanError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    FormatError,
    UnreadableInputError,
)
from bilan.lang.fr.datelines import find_dateline
from bilan.model import Article

#: magic numbers of common binary formats (prefix → name)
BINARY_MAGIC: dict[bytes, str] = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (docx/xlsx/odt…)",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "MS Office document",
    b"RIFF": "RIFF media",
    b"\x7fELF": "executable",
}


@dataclass
class ReadResult:
    article: Article
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes, *, source: str | None = None) -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (BOM allowed), else cp1252, else latin-1, with a warning."""
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(
                f"this is a {kind}, not text: extract its text first", source=source
            )
    if b"\x00" in data[:8192]:
        raise BinaryInputError("the file holds NUL bytes: it is binary, not text", source=source)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_error = exc
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        control = sum(
            1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or 0x7F <= ord(ch) <= 0x9F
        )
        if control > max(8, len(text) // 100):
            break
        return text, [
            f"not valid UTF-8 ({first_error.reason} at byte {first_error.start}); "
            f"decoded as {encoding}"
        ]
    raise EncodingError("the bytes are neither UTF-8, cp1252 nor latin-1 text", source=source)


def split_title(text: str) -> str | None:
    """The first line when it is followed by a blank line (the corpus convention), else None."""
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first.strip()) <= 300:
        return first.strip()
    return None


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: date | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from raw text: title from the first line, date from the dateline if absent."""
    if not text.strip():
        raise EmptyInputError("the text is empty or only whitespace", source=source or id)
    body_start = 0
    detected_title = split_title(text)
    if detected_title is not None:
        body_start = text.index("\n") + 1
        title = title or detected_title
    if published is None:
        found = find_dateline(text[body_start:])
        if found is not None:
            published = found[0]
    return Article(
        text=text, id=id, title=title, published=published, url=url, body_start=body_start
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError as exc:
        raise UnreadableInputError(
            "is a directory: give a file (or use `bilan ingest`)", source=str(path)
        ) from exc
    except FileNotFoundError as exc:
        raise UnreadableInputError("no such file", source=str(path)) from exc
    except PermissionError as exc:
        raise UnreadableInputError("permission denied", source=str(path)) from exc
    except OSError as exc:
        raise UnreadableInputError(f"cannot read: {exc.strerror}", source=str(path)) from exc


def read_text_article(
    data: bytes, *, id: str | None = None, published: date | None = None, source: str | None = None
) -> ReadResult:
    text, warnings = decode_bytes(data, source=source)
    return ReadResult(make_article(text, id=id, published=published, source=source), warnings)


def read_html_article(
    data: bytes,
    *,
    id: str | None = None,
    published: date | None = None,
    url: str | None = None,
    source: str | None = None,
) -> ReadResult:
    import trafilatura

    html, warnings = decode_bytes(data, source=source)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    if not body or not body.strip():
        raise EmptyInputError("no article text found in this HTML page", source=source)
    title = getattr(doc, "title", None)
    html_date = getattr(doc, "date", None)
    if published is None and html_date:
        try:
            published = date.fromisoformat(str(html_date)[:10])
        except ValueError:
            warnings.append(f"unreadable page date {html_date!r}")
    text = f"{title}\n\n{body}" if title else body
    return ReadResult(
        make_article(text, id=id, title=title, published=published, url=url, source=source),
        warnings,
    )


def parse_date(value: object, *, source: str | None = None) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise FormatError(f"'published' must be YYYY-MM-DD, got {value!r}", source=source) from exc


def article_from_record(record: object, *, source: str) -> Article:
    """An Article from one JSONL record ``{"id", "text", "published", "title", "url"}``."""
    if not isinstance(record, dict):
        raise FormatError("each line must be a JSON object", source=source)
    text = record.get("text")
    if not isinstance(text, str):
        raise FormatError("the record has no 'text' string", source=source)
    rid = record.get("id")
    title = record.get("title")
    url = record.get("url")
    if not text.strip():
        raise EmptyInputError("the text is empty or only whitespace", source=source)
    published = parse_date(record.get("published"), source=source)
    article = make_article(
        text,
        id=str(rid) if rid is not None else None,
        title=title if isinstance(title, str) else None,
        published=published,
        url=url if isinstance(url, str) else None,
        source=source,
    )
    return article


def iter_jsonl(data: bytes, *, source: str) -> Iterator[Article | BilanError]:
    """Articles of a JSONL file in order; a malformed line yields its error in its place.

    Lines are split on ``\n`` bytes and decoded one by one: a line of binary garbage or of
    another encoding is that line's error, not the whole file's (and a JSON string holding a
    raw U+2028, which ``str.splitlines`` would cut, stays whole).
    """
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            line, _ = decode_bytes(raw.removesuffix(b"\r"), source=where)
            record = json.loads(line)
        except BilanError as exc:
            yield exc
            continue
        except json.JSONDecodeError as exc:
            yield FormatError(f"invalid JSON ({exc.msg} at column {exc.colno})", source=where)
            continue
        try:
            yield article_from_record(record, source=where)
        except BilanError as exc:
            yield exc


HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_path(path: Path, *, published: date | None = None) -> Iterator[ReadResult | BilanError]:
    """Every article in a file (.txt, .html, .jsonl); errors of single records are yielded."""
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        for item in iter_jsonl(data, source=str(path)):
            if isinstance(item, Article) and published is not None and item.published is None:
                item = item.model_copy(update={"published": published})
            yield item if isinstance(item, BilanError) else ReadResult(item)
        return
    sniff = data[:512].lstrip().lower()
    if suffix in HTML_SUFFIXES or sniff.startswith((b"<!doctype html", b"<html")):
        yield read_html_article(data, id=path.stem, published=published, source=str(path))
        return
    yield read_text_article(data, id=path.stem, published=published, source=str(path))
