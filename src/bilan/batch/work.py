"""The unit of work shared by every executor: a partition in, one result row per article out.

This is the only place a batch touches the pipeline, and it only calls
:meth:`bilan.pipeline.Pipeline.pipe` and :func:`bilan.contract.to_contract`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bilan.batch.sources import Partition, content_hash
from bilan.contract import to_contract
from bilan.errors import BilanError
from bilan.pipeline import Pipeline

OK = "ok"
ERROR = "error"


@dataclass(frozen=True)
class ResultRow:
    """One article's outcome: the contract JSON (GOLD.md §3) or the typed error that stopped it."""

    key: str
    source: str
    status: str
    article_id: str | None = None
    content_hash: str | None = None
    tokens: int = 0
    result: str | None = None
    error_code: str | None = None
    error_message: str | None = None


def error_row(key: str, exc: BilanError, *, article_id: str | None = None) -> ResultRow:
    return ResultRow(
        key=key,
        source=exc.source or "",
        status=ERROR,
        article_id=article_id,
        error_code=exc.code,
        error_message=exc.message,
    )


def process_partition(pipeline: Pipeline, partition: Partition) -> list[ResultRow]:
    """Run the pipeline over one partition (``nlp.pipe`` batches it); rows in input order."""
    articles = [item.read.article for item in partition.items]
    rows: list[ResultRow] = []
    for item, outcome in zip(partition.items, pipeline.pipe(articles), strict=True):
        article = item.read.article
        if isinstance(outcome, BilanError):
            rows.append(error_row(item.key, outcome, article_id=article.id))
            continue
        for warning in item.read.warnings:
            outcome.warn("W_INPUT", warning)
        rows.append(
            ResultRow(
                key=item.key,
                source=item.source,
                status=OK,
                article_id=article.id,
                content_hash=content_hash(article.text),
                tokens=len(outcome.spacy) if outcome.spacy is not None else 0,
                result=json.dumps(to_contract(outcome), ensure_ascii=False),
            )
        )
    return rows
