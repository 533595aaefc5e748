"""What an export holds: typed records chosen with the shared filters."""

from __future__ import annotations

from dataclasses import dataclass, field

from bilan.contract import ContractArticle, ContractDocument
from bilan.model import CountItem, EventItem, Flow, Incident


@dataclass(frozen=True, kw_only=True)
class Selection:
    documents: list[ContractDocument] = field(default_factory=list)
    counts: list[CountItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    flows: list[Flow] = field(default_factory=list)

    def articles(self) -> dict[str, ContractArticle]:
        """Article metadata by id (for dates and source_article columns)."""
        return {d.article.id: d.article for d in self.documents if d.article.id is not None}
