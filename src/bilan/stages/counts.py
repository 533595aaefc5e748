"""Stage `counts`: every count of people affected (see :mod:`bilan.counts`)."""

from __future__ import annotations

from typing import ClassVar

from bilan.counts.extract import build_counts
from bilan.model import Count, Document
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
        counts = build_counts(doc)
        doc.counts = [c for c in counts if plausible(c)]
        if len(doc.counts) < len(counts):
            dropped = [c.evidence.text for c in counts if not plausible(c)]
            doc.warn(
                "W_IMPLAUSIBLE_COUNT",
                f"counts over the world's population left out: {', '.join(dropped)[:200]}",
            )
        return doc


#: more people than live on Earth: a misread number, a joke or an attack, never a count
MAX_PEOPLE = 10_000_000_000


def plausible(count: Count) -> bool:
    return all(v <= MAX_PEOPLE for v in (count.value, count.low, count.high) if v is not None)
