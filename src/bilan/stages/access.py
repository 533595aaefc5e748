"""Stage `access`: sieges, trapped people and humanitarian access (see :mod:`bilan.access`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from bilan.access import build_access, build_matcher, lexicon
from bilan.model import Document
from bilan.pipeline import StageContext, register_stage

if TYPE_CHECKING:
    from spacy.matcher import Matcher


@register_stage("access")
class AccessStage:
    """Assigns ``doc.access``: ids "a1", "a2"… in text order; ``count_ids`` point at doc.counts.

    The Matcher is built from the pipeline's vocabulary on first use and dropped when the stage
    is pickled (distributed workers rebuild it).
    """

    name: ClassVar[str] = "access"
    requires: ClassVar[tuple[str, ...]] = ("attributions", "dates", "places", "counts")
    assigns: ClassVar[tuple[str, ...]] = ("access",)

    def __init__(self, context: StageContext) -> None:
        self.context = context
        self._matcher: Matcher | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_matcher": None}

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is None:
            doc.warn(
                "W_NO_PARSE", "access facts need the spaCy parse of the article; none was given"
            )
            return doc
        if self._matcher is None:
            self._matcher = build_matcher(doc.spacy.vocab, lexicon())
        doc.access = build_access(doc, self._matcher)
        return doc
