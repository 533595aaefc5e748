"""Who reports a count and when it happened: source from doc.attributions, period from doc.dates.

- Source: the attribution whose scope contains the count; the innermost scope wins, a direct
  attribution beats a carried one. No attribution → None (the article's own voice).
- Period: a date of the count's sentence (the one its verb governs, else the nearest), else the
  latest earlier date of the same paragraph, else (for a title) the first date of the body, else
  the publication date. "depuis le 15 novembre" runs to publication. Datelines are not events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from bilan.counts.lexicon import CountLexicon
from bilan.lang.fr.datelines import find_dateline
from bilan.model import Attribution, DateMention, Document, EntityRef, Evidence, Period
from bilan.parsing import text_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def source_of(evidence: Evidence, attributions: list[Attribution]) -> EntityRef | None:
    """The source whose scope holds the count (innermost, direct before carried)."""
    holding = [
        a for a in attributions if a.scope.start <= evidence.start and evidence.end <= a.scope.end
    ]
    if not holding:
        holding = [
            a for a in attributions if a.scope.start < evidence.end and evidence.start < a.scope.end
        ]
    if not holding:
        return None
    best = min(holding, key=lambda a: (a.carried, a.scope.end - a.scope.start))
    return best.source


@dataclass(frozen=True)
class DateIndex:
    """The dates a count may take its period from, with the article's anchors."""

    dates: tuple[DateMention, ...]
    published: date | None
    body_start: int


def date_index(doc: Document) -> DateIndex:
    dateline = find_dateline(doc.text)
    skip = (dateline[1], dateline[2]) if dateline else (-1, -1)
    usable = tuple(
        d
        for d in doc.dates
        if d.start is not None and not (d.evidence.start < skip[1] and skip[0] < d.evidence.end)
    )
    body_start = skip[0] if dateline else doc.article.body_start
    return DateIndex(usable, doc.article.published, body_start)


def _period(d: DateMention, index: DateIndex, text: str, lex: CountLexicon) -> Period:
    before = text[max(0, d.evidence.start - 20) : d.evidence.start]
    since = d.kind == "since" or bool(lex.since_before.search(before))
    end = index.published if since and index.published else d.end
    return Period(
        start=d.start,
        end=end if end is not None else d.start,
        precision="days" if since else d.precision,
        text=d.text,
        evidence=d.evidence,
    )


def _governs(head: Token | None, token: Token) -> bool:
    if head is None:
        return False
    current = token
    for _ in range(4):
        if current.head is current:
            return False
        current = current.head
        if current == head:
            return True
    return False


def _in_sentence(
    sentence: Span, head: Token | None, start: int, index: DateIndex
) -> DateMention | None:
    inside = [d for d in index.dates if sentence.start_char <= d.evidence.start < sentence.end_char]
    if not inside:
        return None
    doc = sentence.doc
    for d in inside:
        span = doc.char_span(d.evidence.start, d.evidence.end, alignment_mode="expand")
        if span is not None and _governs(head, span.root):
            return d
    return min(inside, key=lambda d: abs(d.evidence.start - start))


def period_of(
    start: int,
    sentence: Span,
    head: Token | None,
    index: DateIndex,
    lex: CountLexicon,
) -> Period | None:
    text = text_of(sentence.doc)
    found = _in_sentence(sentence, head, start, index)
    if found is None:
        paragraph_start = text.rfind("\n", 0, sentence.start_char) + 1
        earlier = [d for d in index.dates if paragraph_start <= d.evidence.start < start]
        found = earlier[-1] if earlier else None
    if found is None and start < index.body_start:
        body_par_end = text.find("\n", index.body_start)
        body = [
            d
            for d in index.dates
            if index.body_start
            <= d.evidence.start
            < (body_par_end if body_par_end > 0 else len(text))
        ]
        found = body[0] if body else None
    if found is not None:
        return _period(found, index, text, lex)
    if index.published is not None:
        return Period(start=index.published, end=index.published, precision="day")
    return None
