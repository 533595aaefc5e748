"""Stage `entities`: person and organization mentions with roles, kind, gender and number.

See :mod:`bilan.speech.mentions`; the mentions feed pronoun resolution in the speech resolver.
"""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage
from bilan.speech.mentions import find_mentions


@register_stage("entities")
class EntitiesStage:
    name: ClassVar[str] = "entities"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        if doc.spacy is not None:
            doc.entities = find_mentions(doc.spacy)
        return doc
