"""Pure data, no I/O: the typed records bilan extracts, shaped after ../shared/spec/GOLD.md.

Every fact carries an :class:`Evidence`: character offsets into the article text. Records are
pydantic models so that they validate on construction and serialize at the edges
(:mod:`bilan.model.contract`) without ad-hoc dicts.
"""

from bilan.model.article import Article
from bilan.model.document import Document, Warning_
from bilan.model.facts import (
    AccessFact,
    Attribution,
    Count,
    DateMention,
    EntityRef,
    Event,
    Evidence,
    NumberMention,
    Period,
    Place,
    Quote,
    Statement,
)
from bilan.model.incident import Claim, Flow, Incident
from bilan.model.stored import CountItem, EventItem, QuoteItem
from bilan.model.vocab import ACCESS_KINDS, ACCESS_STATUSES, CATEGORIES, GROUPS, QUALIFIERS

__all__ = [
    "ACCESS_KINDS",
    "ACCESS_STATUSES",
    "CATEGORIES",
    "GROUPS",
    "QUALIFIERS",
    "AccessFact",
    "Article",
    "Attribution",
    "Claim",
    "Count",
    "CountItem",
    "DateMention",
    "Document",
    "EntityRef",
    "Event",
    "EventItem",
    "Evidence",
    "Flow",
    "Incident",
    "NumberMention",
    "Period",
    "Place",
    "Quote",
    "QuoteItem",
    "Statement",
    "Warning_",
]
