"""Serialization at the edge: Document ⇄ the output contract of GOLD.md §3.

``to_contract(doc)`` gives the JSON-ready dict that ``bilan extract --format json`` prints;
``from_contract(data)`` reads it back into typed records (:class:`ContractDocument`) for the
scorer, the store and the API. The JSON Schema lives in ``bilan/schema/extract.schema.json``.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, Field

from bilan.model import (
    AccessFact,
    Count,
    DateMention,
    Document,
    EntityRef,
    Event,
    Place,
    Quote,
    Statement,
)

SCHEMA_VERSION = "1"


class ContractArticle(BaseModel):
    id: str | None = None
    title: str | None = None
    published: date | None = None
    language: str = "fr"
    url: str | None = None


class ContractDocument(BaseModel):
    """The contract as typed data (what a prediction file holds)."""

    article: ContractArticle
    counts: list[Count] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    actors: list[EntityRef] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    access: list[AccessFact] = Field(default_factory=list)
    warnings: list[dict[str, str]] = Field(default_factory=list)


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _count(c: Count) -> dict[str, Any]:
    out = _dump(c)
    # contract: low mirrors value for single-number qualifiers
    if out["low"] is None and out["value"] is not None and c.qualifier != "range":
        out["low"] = out["value"]
    for key in ("value", "low", "high"):
        v = out[key]
        if isinstance(v, float) and v.is_integer():
            out[key] = int(v)
    return out


def to_contract(doc: Document) -> dict[str, Any]:
    a = doc.article
    return {
        "schema_version": SCHEMA_VERSION,
        "article": {
            "id": a.id,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "language": a.language,
            "url": a.url,
        },
        "counts": [_count(c) for c in doc.counts],
        "quotes": [_dump(q) for q in doc.quotes],
        "statements": [_dump(s) for s in doc.statements],
        "places": [_dump(p) for p in doc.places],
        "dates": [_dump(d) for d in doc.dates],
        "actors": [_dump(x) for x in doc.actors],
        "events": [_dump(e) for e in doc.events],
        "access": [_dump(f) for f in doc.access],
        "warnings": [{"code": w.code, "message": w.message} for w in doc.warnings],
    }


def from_contract(data: dict[str, Any]) -> ContractDocument:
    return ContractDocument.model_validate(data)


def dumps(doc: Document, *, indent: int | None = None) -> str:
    return json.dumps(to_contract(doc), ensure_ascii=False, indent=indent)


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the contract output."""
    text = resources.files("bilan").joinpath("schema/extract.schema.json").read_text("utf-8")
    return dict(json.loads(text))
