"""Stage `attribution`: who each stretch of text is attributed to (count sources).

"selon l'OSDH", "d'après X", "X a indiqué que", ", a indiqué l'agence officielle Sana",
"X fait état de", "de source X"; a sentence with no source of its own inherits the last source of
its paragraph (``carried=True``). The article's own voice gets no attribution. The work is shared
with the quotes stage: see :mod:`bilan.speech.analysis`.

Consumers: :func:`source_at` gives the source governing a character offset.
"""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Attribution, Document
from bilan.pipeline import StageContext, register_stage
from bilan.speech.analysis import speech_analysis


@register_stage("attribution")
class AttributionStage:
    name: ClassVar[str] = "attribution"
    requires: ClassVar[tuple[str, ...]] = ("spacy", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("attributions",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        doc.attributions = list(speech_analysis(doc).attributions)
        return doc


def source_at(doc: Document, start: int, end: int | None = None) -> Attribution | None:
    """The attribution whose scope holds [start, end) (the innermost, then the latest), or None.

    None means the article's own voice: no source governs that stretch.
    """
    end = start if end is None else end
    hits = [a for a in doc.attributions if a.scope.start <= start and end <= a.scope.end]
    if not hits:
        return None
    return min(hits, key=lambda a: (a.scope.end - a.scope.start, a.carried, -a.scope.start))
