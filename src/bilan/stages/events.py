"""Stage `events`: PLACEHOLDER, replaced by its issue's implementation."""

from __future__ import annotations

from typing import ClassVar

from bilan.model import Document
from bilan.pipeline import StageContext, register_stage


@register_stage("events")
class EventsStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[tuple[str, ...]] = ("counts", "actors", "places", "dates")
    assigns: ClassVar[tuple[str, ...]] = ("events",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        return doc
