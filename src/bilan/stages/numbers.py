"""Stage `numbers`: every number expression of the article (see :mod:`bilan.counts.numerals`)."""

from __future__ import annotations

import math
from typing import ClassVar

from bilan.counts.numerals import read_numbers
from bilan.model import Document, NumberMention
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
        mentions = read_numbers(doc.text, doc.spacy)
        doc.numbers = [m for m in mentions if finite(m)]
        if len(doc.numbers) < len(mentions):
            overflowing = [m.evidence.text[:40] for m in mentions if not finite(m)]
            doc.warn(
                "W_NUMBER_OVERFLOW",
                f"numbers too large to represent left out: {', '.join(overflowing)[:200]}",
            )
        return doc


def finite(mention: NumberMention) -> bool:
    """False for "1" followed by 400 zeros, which overflows a float."""
    values = (mention.value, mention.low, mention.high)
    return all(math.isfinite(v) for v in values if v is not None)
