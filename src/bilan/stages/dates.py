"""Stage `dates`: PLACEHOLDER, replaced by its issue's implementation."""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("dates")
class DatesStage:
    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        return doc
