"""bilan: turns French crisis news into attributed, evidenced data.

>>> import bilan
>>> doc = bilan.extract("…", published="2016-11-30")       # doctest: +SKIP
>>> bilan.to_contract(doc)["counts"]                        # doctest: +SKIP

Importing bilan loads no model; the first :func:`extract` call builds a default
:class:`Pipeline` (spaCy's ``fr_core_news_md``) and reuses it. Build your own Pipeline to
inject a model, settings or services.
"""

from __future__ import annotations

from datetime import date
from functools import cache

from bilan.config import Settings
from bilan.contract import from_contract, to_contract
from bilan.errors import BilanError
from bilan.ingest.readers import make_article
from bilan.model import Article, Count, Document, Event, Evidence, Place, Quote
from bilan.pipeline import Pipeline, register_stage

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BilanError",
    "Count",
    "Document",
    "Event",
    "Evidence",
    "Pipeline",
    "Place",
    "Quote",
    "Settings",
    "__version__",
    "default_pipeline",
    "extract",
    "from_contract",
    "register_stage",
    "to_contract",
]


@cache
def default_pipeline() -> Pipeline:
    """The shared default pipeline, built on first use (never at import)."""
    return Pipeline(Settings.load())


def extract(
    text: str,
    *,
    published: date | str | None = None,
    title: str | None = None,
    language: str = "fr",
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Extract every fact from one article's text (offsets index into ``text``)."""
    if isinstance(published, str):
        published = date.fromisoformat(published)
    if language != "fr":
        from bilan.errors import LanguageError

        raise LanguageError(f"language {language!r} is not supported; bilan reads 'fr'")
    article = make_article(text, id=id, title=title, published=published)
    return (pipeline or default_pipeline())(article)
