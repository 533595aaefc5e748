"""Batch results into the store, through :func:`bilan.ingest.service.ingest_items`.

Workers return contract JSON; this adapter turns each row back into the facts it holds (the
contract is a faithful serialization) and hands the articles to the ingest service, which skips
stored texts, links near-duplicates and writes each article in its own transaction. Articles are
buffered in groups of ``every`` (the service loads its near-duplicate index once per call), and
incidents are reconciled once, at the end.
"""

from __future__ import annotations

import json
from types import TracebackType

from bilan.batch.sources import Partition, article_key
from bilan.batch.work import OK, ResultRow
from bilan.contract import from_contract
from bilan.ingest.service import IngestOptions, ingest_items
from bilan.ingest.sources import Item
from bilan.model import Article, Document
from bilan.model.document import Warning_
from bilan.store import Store, reconcile_session


def document_of(article: Article, contract_json: str) -> Document:
    """The Document a contract row describes (facts only; no spaCy parse)."""
    data = from_contract(json.loads(contract_json))
    return Document(
        article=article,
        counts=data.counts,
        quotes=data.quotes,
        statements=data.statements,
        places=data.places,
        dates=data.dates,
        actors=data.actors,
        events=data.events,
        warnings=[Warning_(w["code"], w["message"]) for w in data.warnings],
    )


class StoreSink:
    """Stores the articles of finished partitions; ``stored``/``failed`` count what happened."""

    def __init__(self, db: str, *, every: int = 256) -> None:
        self.db = db
        self.every = every
        self.store: Store | None = None
        self.items: list[Item] = []
        self.documents: dict[str, Document] = {}
        self.pending: list[tuple[Partition, list[ResultRow]]] = []
        self.stored = 0
        self.failed: list[str] = []
        self.incidents = 0

    def __enter__(self) -> StoreSink:
        self.store = Store.open(self.db)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self._reconcile()
        if self.store is not None:
            self.store.close()

    def add(
        self, partition: Partition, rows: list[ResultRow]
    ) -> list[tuple[Partition, list[ResultRow]]]:
        """Buffer a finished partition; returns the partitions now stored (write their shards
        only then, so that the resume journal never runs ahead of the store)."""
        self.pending.append((partition, rows))
        results = {r.key: r.result for r in rows if r.status == OK and r.result is not None}
        for work in partition.items:
            result = results.get(work.key)
            if result is not None:
                self.items.append(Item(work.source, work.read))
                self.documents[work.key] = document_of(work.read.article, result)
        return self.flush() if len(self.items) >= self.every else []

    def flush(self) -> list[tuple[Partition, list[ResultRow]]]:
        """Store the buffered articles; returns the partitions they came from."""
        assert self.store is not None, "use the sink as a context manager"
        done, self.pending = self.pending, []
        if not self.items:
            return done
        report = ingest_items(
            self.store,
            self.items,
            extractor=lambda article: self.documents[article_key(article)],
            options=IngestOptions(reconcile=False),
        )
        self.stored += len(report.of("added")) + len(report.of("extracted"))
        self.failed.extend(f"{o.origin}: {o.error}" for o in report.failures)
        self.items, self.documents = [], {}
        return done

    def _reconcile(self) -> None:
        if self.store is not None and self.stored:
            with self.store.transaction() as session:
                self.incidents = len(reconcile_session(session))
