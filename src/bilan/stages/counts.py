"""Stage `counts`: every count of people affected (see :mod:`bilan.counts`)."""

from __future__ import annotations

from typing import ClassVar

from bilan.counts.extract import build_counts
from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("counts")
class CountsStage:
    """Assigns ``doc.counts``: ids "c1", "c2"… in text order, ``part_of`` = the parent's id."""

    name: ClassVar[str] = "counts"
    requires: ClassVar[tuple[str, ...]] = ("numbers", "attributions", "dates", "places")
    assigns: ClassVar[tuple[str, ...]] = ("counts",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        doc.counts = build_counts(doc)
        return doc
