"""Sentences for speech attribution: paragraph breaks end them, quotations never split them.

spaCy's sentencer cuts « …, on ne peut pas se risquer dehors » from its ", a témoigné un
correspondant", and joins the title line to the body; attribution needs the quotation and its
incise in one sentence, so bilan segments here with the named ``sentence_end`` pattern of
lang/fr/quotes.yaml and the quotation spans of :mod:`bilan.speech.marks`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from bilan.speech.lexicon import lexicon
from bilan.speech.marks import QuoteSpan

_WORD_BEFORE = re.compile(r"([\w.°-]+)\.+\W*\s+\S?$")


@dataclass(frozen=True)
class Sentence:
    """A sentence span; ``paragraph`` counts the text's non-empty lines from 0."""

    start: int
    end: int
    paragraph: int
    index: int

    def text(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, start: int, end: int | None = None) -> bool:
        return self.start <= start and (end if end is not None else start) <= self.end


def _inside(quotes: list[QuoteSpan], pos: int) -> bool:
    return any(q.start < pos < q.end - 1 for q in quotes)


def _is_abbreviation(text: str, cut: int, match_start: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, match_start - 12), cut + 1)
    if m is None or m.start(1) > match_start:
        return False
    word = m.group(1)
    return word in lexicon().abbreviations or (len(word) == 1 and word.isupper())


def _paragraph_sentences(text: str, start: int, end: int, quotes: list[QuoteSpan]) -> list[int]:
    """Cut points (sentence starts) inside one paragraph span."""
    cuts: list[int] = []
    for m in lexicon().sentence_end.finditer(text, start, end):
        if _inside(quotes, m.start()) or _is_abbreviation(text, m.end(), m.start()):
            continue
        cuts.append(m.end())
    for q in quotes:
        # « … aujourd'hui. » « Il y a là … »: a quotation that ends its sentence inside the marks
        if start <= q.end < end and q.inner_end > q.inner_start and text[q.inner_end - 1] in ".!?…":
            nxt = q.end
            while nxt < end and text[nxt] in " \u00a0\u202f":
                nxt += 1
            if nxt < end and nxt > q.end and (text[nxt] in '«“"‹' or text[nxt].isupper()):
                cuts.append(nxt)
    return sorted(set(cuts))


def _paragraph_spans(text: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    start = 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        if nl < len(text) and _inside(quotes, nl):
            pos = nl + 1
            continue
        if text[start:nl].strip():
            spans.append((start, nl))
        start = pos = nl + 1
    return spans


def split_sentences(text: str, quotes: list[QuoteSpan]) -> list[Sentence]:
    """The sentences of ``text`` in order, trimmed of surrounding white space."""
    out: list[Sentence] = []
    for para, (p_start, p_end) in enumerate(_paragraph_spans(text, quotes)):
        bounds = [p_start, *_paragraph_sentences(text, p_start, p_end, quotes), p_end]
        for s, e in itertools.pairwise(bounds):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Sentence(s, e, para, len(out)))
    return out
