"""Stage `counts`: PLACEHOLDER, replaced by its issue's implementation."""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("counts")
class CountsStage:
    name: ClassVar[str] = "counts"
    requires: ClassVar[tuple[str, ...]] = ("numbers", "attributions", "dates", "places")
    assigns: ClassVar[tuple[str, ...]] = ("counts",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        return doc
