"""RSS/Atom feeds (feedparser): each entry becomes an article, from its linked page when a
fetcher can get it, else from the text the feed itself carries."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date

from bilan.errors import BilanError, EmptyInputError, FetchError, FormatError
from bilan.ingest.fetch import Fetcher
from bilan.ingest.readers import ReadResult, make_article, read_html_article

FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def is_feed(data: bytes, content_type: str = "") -> bool:
    """Whether bytes look like an RSS/Atom document (by content type or first tags)."""
    if any(k in content_type for k in ("rss", "atom", "rdf")):
        return True
    head = data[:2048].lstrip().lower()
    return any(marker in head for marker in FEED_MARKERS)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "blockquote"):
        element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(p.split()) for p in root.text_content().split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _entry_date(entry: dict[str, object]) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _entry_text(entry: dict[str, object]) -> str:
    contents = entry.get("content")
    if isinstance(contents, list) and contents:
        best = max(contents, key=lambda c: len(str(c.get("value", ""))))
        return html_to_text(str(best.get("value", "")))
    return html_to_text(str(entry.get("summary", "")))


def _from_feed_text(entry: dict[str, object], where: str, note: str | None) -> ReadResult:
    title = str(entry.get("title") or "").strip() or None
    body = _entry_text(entry)
    if not body:
        raise EmptyInputError("the feed entry carries no text", source=where)
    text = f"{title}\n\n{body}" if title else body
    link = entry.get("link")
    article = make_article(
        text,
        id=str(entry.get("id") or link or where),
        title=title,
        published=_entry_date(entry),
        url=str(link) if link else None,
        source=where,
    )
    return ReadResult(article, [note] if note else [])


def read_entry(entry: dict[str, object], where: str, fetcher: Fetcher | None) -> ReadResult:
    """One entry: the linked page through ``fetcher``, else the feed's own text."""
    link = entry.get("link")
    if fetcher is None or not link:
        return _from_feed_text(entry, where, None)
    try:
        page = fetcher.fetch(str(link))
        result = read_html_article(
            page.content,
            id=str(entry.get("id") or link),
            published=_entry_date(entry),
            url=page.url,
            source=str(link),
        )
    except (FetchError, EmptyInputError) as exc:
        return _from_feed_text(entry, where, f"linked page not used ({exc}); read the feed's text")
    return result


def read_feed(
    data: bytes, *, source: str, fetcher: Fetcher | None = None
) -> Iterator[ReadResult | BilanError]:
    """Every entry of an RSS/Atom document, in feed order; a bad entry yields its error."""
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo and not parsed.entries:
        raise FormatError(f"not a readable RSS/Atom feed ({parsed.bozo_exception})", source=source)
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{n}"
        try:
            yield read_entry(entry, where, fetcher)
        except BilanError as exc:
            yield exc
