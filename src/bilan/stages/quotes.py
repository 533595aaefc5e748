"""Stage `quotes`: PLACEHOLDER, replaced by its issue's implementation."""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("quotes")
class QuotesStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("spacy", "entities", "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("quotes", "statements")

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        return doc
