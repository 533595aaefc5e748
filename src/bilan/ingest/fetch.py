"""Fetching URLs behind a small protocol: httpx for real, a mapping for tests and offline use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from bilan.errors import FetchError


@dataclass(frozen=True)
class Fetched:
    """The bytes behind a URL, the URL finally reached and its content type."""

    url: str
    content: bytes
    content_type: str = ""


@runtime_checkable
class Fetcher(Protocol):
    def fetch(self, url: str) -> Fetched:
        """The page at ``url``; raises :class:`~bilan.errors.FetchError` when unreachable."""
        ...


@dataclass
class HttpFetcher:
    """Fetches over HTTP(S) with httpx (redirects followed, bounded time and size)."""

    timeout: float = 20.0
    max_bytes: int = 10_000_000
    user_agent: str = "bilan/0.1 (+https://github.com/bilan)"

    def fetch(self, url: str) -> Fetched:
        import httpx

        try:
            response = httpx.get(
                url,
                timeout=self.timeout,
                follow_redirects=True,
                headers={"User-Agent": self.user_agent},
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            raise FetchError(f"cannot fetch: {exc}", source=url) from exc
        if len(response.content) > self.max_bytes:
            raise FetchError(f"the page is over {self.max_bytes:,} bytes", source=url)
        return Fetched(
            str(response.url), response.content, response.headers.get("content-type", "")
        )


@dataclass
class StaticFetcher:
    """Serves pages from a mapping URL → bytes; any other URL fails like a dead link."""

    pages: Mapping[str, bytes] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)

    def fetch(self, url: str) -> Fetched:
        self.requested.append(url)
        if url not in self.pages:
            raise FetchError("not found (404)", source=url)
        content = self.pages[url]
        kind = "application/rss+xml" if content.lstrip().startswith(b"<?xml") else "text/html"
        return Fetched(url, content, kind)
