"""The only package that runs SQL: articles, facts with evidence, near-duplicates, incidents.

SQLite by default (a file path, WAL mode, foreign keys on), PostgreSQL through a
``postgresql://`` URL; the schema comes from the Alembic migrations shipped in
``bilan/store/migrations`` and applied when a store is opened.

>>> store = Store.open("bilan.sqlite")                      # doctest: +SKIP
>>> with store.session() as s:                              # doctest: +SKIP
...     page = list_counts(s, FactFilter(category="killed", place="Alep"))

Writing: :func:`save_article`, :func:`save_facts` (inside ``store.transaction()``);
reading: :func:`list_articles`, :func:`list_counts`, :func:`list_quotes`, :func:`list_events`,
:func:`list_incidents`, :func:`list_flows`; reconciling: :func:`reconcile_session` (incidents),
:func:`reconcile_flows_session` (displacement flows).
"""

from bilan.store.db import Store
from bilan.store.engine import resolve_url
from bilan.store.flows import (
    StoredFlow,
    get_flow,
    has_flows,
    list_flows,
    load_flow_claims,
    reconcile_flows_session,
    save_flows,
)
from bilan.store.incidents import (
    get_incident,
    list_incidents,
    load_claims,
    reconcile_session,
    save_incidents,
)
from bilan.store.queries import (
    article_text,
    get_article,
    list_articles,
    list_counts,
    list_events,
    list_quotes,
)
from bilan.store.records import (
    FactFilter,
    Page,
    PageRequest,
    StoredArticle,
    StoredClaim,
    StoredCount,
    StoredEvent,
    StoredIncident,
    StoredQuote,
)
from bilan.store.save import content_hash, find_article, save_article, save_facts
from bilan.store.snapshot import Snapshot, snapshot

__all__ = [
    "FactFilter",
    "Page",
    "PageRequest",
    "Snapshot",
    "Store",
    "StoredArticle",
    "StoredClaim",
    "StoredCount",
    "StoredEvent",
    "StoredFlow",
    "StoredIncident",
    "StoredQuote",
    "article_text",
    "content_hash",
    "find_article",
    "get_article",
    "get_flow",
    "get_incident",
    "has_flows",
    "list_articles",
    "list_counts",
    "list_events",
    "list_flows",
    "list_incidents",
    "list_quotes",
    "load_claims",
    "load_flow_claims",
    "reconcile_flows_session",
    "reconcile_session",
    "resolve_url",
    "save_article",
    "save_facts",
    "save_flows",
    "save_incidents",
    "snapshot",
]
