"""Stage `actors`: PLACEHOLDER, replaced by its issue's implementation."""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("actors")
class ActorsStage:
    name: ClassVar[str] = "actors"
    requires: ClassVar[tuple[str, ...]] = ("counts", "quotes", "entities")
    assigns: ClassVar[tuple[str, ...]] = ("actors",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        return doc
