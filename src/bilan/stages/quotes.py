"""Stage `quotes`: direct quotations with speakers, and indirect speech as statements.

Quotations in « », “ ”, "…", ‹ › (over sentences and paragraphs, partial ones included), each
with its speaker (an EntityRef with name, role, kind; None when no speaker is found, never a
guess), the speech verb and its polarity. Titles, nicknames and scare quotes are left out.
"X a affirmé que …" without marks becomes a Statement. See :mod:`bilan.speech.analysis`.
"""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage
from bilan.speech.analysis import speech_analysis


@register_stage("quotes")
class QuotesStage:
    name: ClassVar[str] = "quotes"
    requires: ClassVar[tuple[str, ...]] = ("spacy", "entities", "attributions")
    assigns: ClassVar[tuple[str, ...]] = ("quotes", "statements")

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        analysis = speech_analysis(doc)
        doc.quotes = list(analysis.quotes)
        doc.statements = list(analysis.statements)
        return doc
