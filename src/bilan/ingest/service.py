"""Ingesting articles into the store: read, skip what is stored, extract, link copies, save.

Each article is its own transaction: a failure (unreadable input, a stage error, a database
error) rolls back that article only and is reported in :class:`IngestReport`, after which the
next article goes on. Re-ingesting stored text changes nothing (articles are keyed by the hash of
their text). Near-duplicates are linked to the original they copy
(:mod:`bilan.ingest.dedup`); when anything new was stored, incidents and displacement flows are
reconciled again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Literal, Protocol, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError

from bilan.errors import BilanError, PipelineError, StoreError
from bilan.ingest.dedup import NearDuplicateIndex, Signature
from bilan.ingest.fetch import Fetcher
from bilan.ingest.readers import ReadResult
from bilan.ingest.sources import Item, read_inputs
from bilan.model import Article, Document
from bilan.store import (
    Store,
    find_article,
    reconcile_flows_session,
    reconcile_session,
    save_article,
    save_facts,
)
from bilan.store.duplicates import link_duplicate, original_signatures

Status = Literal["added", "unchanged", "extracted", "failed"]
Extractor = Callable[[Article], Document]


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    published: date | None = None
    dedup: bool = True
    reconcile: bool = True


@dataclass(frozen=True)
class Outcome:
    """What happened to one article."""

    origin: str
    status: Status
    article_id: int | None = None
    external_id: str | None = None
    duplicate_of: int | None = None
    counts: int = 0
    error: BilanError | None = None


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    incidents: int | None = None
    flows: int | None = None

    def of(self, status: Status) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == status]

    @property
    def failures(self) -> list[Outcome]:
        return self.of("failed")

    @property
    def duplicates(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.duplicate_of is not None]


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, outcome: Outcome) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        return

    def advance(self, outcome: Outcome) -> None:
        return


class LazyExtractor:
    """Builds the extractor (a Pipeline: the spaCy model) on first use, so that a run where
    every article is already stored loads no model."""

    def __init__(self, factory: Callable[[], Extractor]) -> None:
        self._factory = factory
        self._extractor: Extractor | None = None

    def __call__(self, article: Article) -> Document:
        if self._extractor is None:
            self._extractor = self._factory()
        return self._extractor(article)


def load_index(store: Store) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    with store.session() as session:
        for article_id, data, size in original_signatures(session):
            index.add(article_id, Signature.from_bytes(data, size))
    return index


def _extract(extractor: Extractor | None, result: ReadResult) -> Document | None:
    if extractor is None:
        return None
    try:
        doc = extractor(result.article)
    except BilanError:
        raise
    except Exception as exc:  # a stage bug must not stop the other articles
        raise PipelineError(
            f"extraction failed ({type(exc).__name__}: {exc})", source=result.article.id
        ) from exc
    return doc


def _add(
    store: Store,
    item: Item,
    result: ReadResult,
    extractor: Extractor | None,
    index: NearDuplicateIndex | None,
) -> Outcome:
    article = result.article
    with store.session() as session:
        existing = find_article(session, article.text)
        known = (existing.id, existing.extracted) if existing is not None else None
    if known is not None and (known[1] or extractor is None):
        return Outcome(item.origin, "unchanged", known[0], article.id)
    doc = _extract(extractor, result)
    counts = len(doc.counts) if doc is not None else 0
    with store.transaction() as session:
        if known is not None:  # stored before without extraction: add its facts now
            row = find_article(session, article.text)
            assert row is not None and doc is not None
            save_facts(session, row, doc)
            return Outcome(item.origin, "extracted", row.id, article.id, counts=counts)
        signature = Signature.of(article)
        match = index.find(signature) if index is not None else None
        warnings = list(result.warnings) + [w.message for w in (doc.warnings if doc else [])]
        row = save_article(
            session,
            article,
            origin=item.origin,
            minhash=signature.to_bytes(),
            shingles=signature.size,
            warnings=warnings,
        )
        if match is not None:
            link_duplicate(session, row.id, match.original_id, match.similarity)
        if doc is not None:
            save_facts(session, row, doc)
        article_id = row.id
    if index is not None and match is None:
        index.add(article_id, signature)
    duplicate_of = match.original_id if match is not None else None
    return Outcome(item.origin, "added", article_id, article.id, duplicate_of, counts)


def ingest_items(
    store: Store,
    items: Iterable[Item],
    *,
    extractor: Extractor | None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Store every item (one transaction each), then reconcile when anything changed."""
    options = options or IngestOptions()
    progress = progress or _Silent()
    items = list(items)
    progress.start(len(items))
    index = load_index(store) if options.dedup else None
    report = IngestReport()
    for item in items:
        if isinstance(item.result, BilanError):
            outcome = Outcome(item.origin, "failed", error=item.result)
        else:
            try:
                outcome = retrying(partial(_add, store, item, item.result, extractor, index))
            except BilanError as exc:
                outcome = Outcome(
                    item.origin, "failed", external_id=item.result.article.id, error=exc
                )
        report.outcomes.append(outcome)
        progress.advance(outcome)
    if options.reconcile and (report.of("added") or report.of("extracted")):
        report.incidents, report.flows = retrying(lambda: _reconcile(store))
    return report


def _reconcile(store: Store) -> tuple[int, int]:
    """Incidents and displacement flows, reconciled again in one transaction."""
    with store.transaction() as session:
        return len(reconcile_session(session)), len(reconcile_flows_session(session))


#: attempts of a unit of work that lost a race with another writer
ATTEMPTS = 3
T = TypeVar("T")


def retrying(work: Callable[[], T]) -> T:
    """Run ``work`` again when a concurrent writer got there first.

    Two ingests of overlapping inputs race on the unique keys (an article's content hash, a
    source's key) and, on SQLite, on the write lock. The loser's transaction is rolled back;
    run again, it finds the winner's rows (the article is then "unchanged").
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return work()
        except StoreError as exc:
            if attempt == ATTEMPTS or not isinstance(
                exc.__cause__, IntegrityError | OperationalError
            ):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def ingest(
    store: Store,
    inputs: Iterable[str],
    *,
    extractor: Extractor | None,
    fetcher: Fetcher | None = None,
    options: IngestOptions | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read ``PATH|URL`` inputs (files, directories, feeds, pages) and store their articles."""
    options = options or IngestOptions()
    items = read_inputs(inputs, published=options.published, fetcher=fetcher)
    return ingest_items(store, items, extractor=extractor, options=options, progress=progress)
