"""Importable functions behind `bilan extract`: read inputs, run the pipeline, serialize."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bilan.config import Settings
from bilan.contract import to_contract
from bilan.errors import BilanError
from bilan.ingest.readers import ReadResult, read_path, read_text_article
from bilan.model import Article, Document
from bilan.pipeline import Pipeline


@dataclass(frozen=True, kw_only=True)
class ExtractOptions:
    published: date | None = None
    config: Path | None = None
    check_language: bool = True
    pipeline: Pipeline | None = None


def read_items(path: str, options: ExtractOptions) -> list[ReadResult | BilanError]:
    """Read ``path`` (or stdin for ``-``) into articles; per-record errors stay in place."""
    if path == "-":
        data = sys.stdin.buffer.read()
        return [read_text_article(data, id="stdin", published=options.published, source="stdin")]
    return list(read_path(Path(path), published=options.published))


def build_pipeline(options: ExtractOptions) -> Pipeline:
    if options.pipeline is not None:
        return options.pipeline
    settings = Settings.load(options.config, check_language=options.check_language)
    return Pipeline(settings)


def extract_items(
    items: Iterable[ReadResult | BilanError], options: ExtractOptions
) -> Iterator[dict[str, Any] | BilanError]:
    """Contract dicts (or the typed error) for each item, in input order."""
    items = list(items)
    if not any(isinstance(i, ReadResult) for i in items):
        yield from (i for i in items if isinstance(i, BilanError))
        return
    pipeline = build_pipeline(options)
    articles: list[Article] = []
    for item in items:
        if isinstance(item, ReadResult):
            articles.append(item.article)
    results = iter(pipeline.pipe(articles))
    for item in items:
        if isinstance(item, BilanError):
            yield item
            continue
        result = next(results)
        if isinstance(result, BilanError):
            yield result
            continue
        for w in item.warnings:
            result.warn("W_INPUT", w)
        yield to_contract(result)


def extract_document(article: Article, pipeline: Pipeline) -> Document:
    return pipeline(article)
