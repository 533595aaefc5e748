"""Stage `numbers`: every number expression of the article (see :mod:`bilan.counts.numerals`)."""

from __future__ import annotations

from typing import ClassVar

from bilan.counts.numerals import read_numbers
from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("numbers")
class NumbersStage:
    """Assigns ``doc.numbers``: value or low/high, qualifier, evidence and head token."""

    name: ClassVar[str] = "numbers"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("numbers",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        doc.numbers = read_numbers(doc.text, doc.spacy)
        return doc
