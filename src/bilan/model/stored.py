"""Facts as served and exported: each record with the id of the article it came from."""

from __future__ import annotations

from bilan.model.facts import Count, Event, Quote


class CountItem(Count):
    """A stored count with the article it came from."""

    article_id: str


class QuoteItem(Quote):
    article_id: str


class EventItem(Event):
    article_id: str
