"""Stage `dates`: every time expression, resolved against the publication date.

Expressions are found with the named patterns of ``lang/fr/dates.yaml`` and resolved by
:mod:`bilan.temporal` (absolute dates, weekdays, "hier", "il y a trois jours", "depuis le 15
novembre", "la nuit de mardi à mercredi", months, years…). A bare weekday is the last such day
on or before publication, unless its sentence speaks of the future (future or conditional verb,
or a cue such as "attendu", "prévu"). Without a publication date (or dateline) nothing relative
can be resolved: the stage then records a warning and assigns an empty list.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any, ClassVar

from bilan.lang.fr import load
from bilan.lang.fr.datelines import find_dateline
from bilan.model import DateMention, Document, Evidence
from bilan.pipeline import StageContext, register_stage
from bilan.temporal import TimexMatch, timexes


@cache
def _future_cues() -> frozenset[str]:
    return frozenset(load("dates")["future_cues"])


def publication_date(doc: Document) -> date | None:
    """The article's date: its metadata, else the dateline that opens it, else None."""
    if doc.article.published is not None:
        return doc.article.published
    found = find_dateline(doc.text)
    return found[0] if found else None


def _is_future(doc: Document, match: TimexMatch) -> bool:
    """Whether the verb the weekday depends on (or a cue word just before it) speaks of the
    future: "il se rendra jeudi", "il est attendu mercredi", "la réunion prévue lundi"."""
    if doc.spacy is None:
        return False
    span = doc.spacy.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    cues = _future_cues()
    before = doc.spacy[max(span.start - 3, span.sent.start) : span.start]
    if any(t.lower_ in cues for t in before):
        return True
    verb = span.root.head
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:  # no verb of its own: the sentence's tense decides
        return any(_future_form(t, cues) for t in span.sent)
    family = [verb, *(t for t in verb.children if t.dep_.startswith("aux"))]
    return any(_future_form(t, cues) for t in family)


def _future_form(token: Any, cues: frozenset[str]) -> bool:
    morph = token.morph
    return token.lower_ in cues or "Fut" in morph.get("Tense", []) or "Cnd" in morph.get("Mood", [])


@register_stage("dates")
class DatesStage:
    name: ClassVar[str] = "dates"
    requires: ClassVar[tuple[str, ...]] = ("spacy",)
    assigns: ClassVar[tuple[str, ...]] = ("dates",)

    def __init__(self, context: StageContext) -> None:
        self.context = context

    def __call__(self, doc: Document) -> Document:
        published = publication_date(doc)
        if published is None:
            doc.warn("W_NO_DATE", "no publication date or dateline: relative dates left out")
            doc.dates = []
            return doc
        problems: list[str] = []
        found = timexes(
            doc.text, published, is_future=lambda m: _is_future(doc, m), problems=problems
        )
        for problem in problems:
            doc.warn("W_TIMEX", problem)
        doc.dates = [
            DateMention(
                id=f"d{i}",
                text=m.text,
                start=r.start,
                end=r.end,
                precision=r.precision,
                kind=r.kind,
                evidence=Evidence.of(doc.text, m.start, m.end),
            )
            for i, (m, r) in enumerate(found, start=1)
        ]
        return doc
