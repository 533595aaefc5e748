"""The typed bodies the HTTP API accepts and returns (serialized at the edge, never ad-hoc dicts)."""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from bilan.contract import ContractArticle, ContractDocument
from bilan.model.stored import CountItem, EventItem, QuoteItem

T = TypeVar("T")

__all__ = [
    "ArticleIn",
    "ArticleSummary",
    "CountItem",
    "ErrorBody",
    "ErrorDetail",
    "EventItem",
    "IngestResult",
    "Page",
    "QuoteItem",
    "StoredArticle",
]


class Page(BaseModel, Generic[T]):
    """One page of results: ``items`` from ``offset``; ``total`` over all pages."""

    items: list[T]
    total: int = Field(ge=0)
    limit: int = Field(ge=1)
    offset: int = Field(ge=0)
    next_offset: int | None = None

    @classmethod
    def of(cls, everything: list[T], *, limit: int, offset: int) -> Page[T]:
        """The page of an already-filtered list (stores with SQL page in the query instead)."""
        items = everything[offset : offset + limit]
        following = offset + limit if offset + limit < len(everything) else None
        return cls(
            items=items, total=len(everything), limit=limit, offset=offset, next_offset=following
        )


class ArticleIn(BaseModel):
    """An article sent to POST /extract or POST /articles (only ``text`` is required)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text, offsets index into it")
    id: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = Field(default=None, description="relative dates resolve against it")
    url: str | None = Field(default=None, max_length=2000)


class IngestResult(BaseModel):
    id: str
    created: bool = Field(description="False when the same article was already stored")
    counts: int
    quotes: int
    events: int


class ArticleSummary(BaseModel):
    id: str
    external_id: str | None = Field(default=None, description="the id the article came with")
    title: str | None = None
    published: date | None = None
    url: str | None = None
    counts: int = 0
    quotes: int = 0
    events: int = 0


class StoredArticle(BaseModel):
    """An article with its text and every annotation (offsets index into ``text``)."""

    id: str
    text: str
    article: ContractArticle
    document: ContractDocument


class ErrorDetail(BaseModel):
    code: str = Field(description="stable error code, e.g. E_AUTH, E_TOO_LARGE, E_NOT_FOUND")
    message: str = Field(description="what happened and what to do")
    field: str | None = None


class ErrorBody(BaseModel):
    """Every error the API returns has this shape."""

    error: ErrorDetail
