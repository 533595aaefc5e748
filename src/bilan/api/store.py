"""What the API needs from a store: a small protocol, so routes never run SQL themselves.

:class:`FactStore` is implemented by :class:`bilan.api.memory.MemoryStore` (in-process, for tests
and quick looks at an extraction file) and by the adapter over ``bilan.store`` (SQLAlchemy).
Every read takes the shared :class:`~bilan.api.filters.Filters` and a page window.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from bilan.api.filters import Filters
from bilan.api.schemas import (
    ArticleSummary,
    CountItem,
    EventItem,
    IngestResult,
    Page,
    QuoteItem,
    StoredArticle,
)
from bilan.contract import ContractDocument
from bilan.model import Article, Flow, Incident


@runtime_checkable
class FactStore(Protocol):
    def add(self, article: Article, document: ContractDocument) -> IngestResult:
        """Store an article and its extraction; storing the same article again changes nothing."""
        ...

    def articles(self, filters: Filters, *, limit: int, offset: int) -> Page[ArticleSummary]: ...

    def article(self, article_id: str) -> StoredArticle:
        """The article with its annotations; raises NotFoundError for an unknown id."""
        ...

    def counts(self, filters: Filters, *, limit: int, offset: int) -> Page[CountItem]: ...

    def quotes(self, filters: Filters, *, limit: int, offset: int) -> Page[QuoteItem]: ...

    def events(self, filters: Filters, *, limit: int, offset: int) -> Page[EventItem]: ...

    def incidents(self, filters: Filters, *, limit: int, offset: int) -> Page[Incident]: ...

    def flows(self, filters: Filters, *, limit: int, offset: int) -> Page[Flow]: ...

    def documents(self, filters: Filters) -> list[ContractDocument]:
        """Whole contract documents of the matching articles (for the JSONL export)."""
        ...
