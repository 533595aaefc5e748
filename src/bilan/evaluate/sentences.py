"""Sentence boundaries for the scorer's "overlaps the sentence that contains the anchor" rule.

The scorer must cut sentences the same way whatever produced the predictions, so it does not use
the extraction pipeline's parse: it uses spaCy's rule-based ``sentencizer`` on a blank French
tokenizer (fast, no model, deterministic), run on each line separately so that the title and
every paragraph end a sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from bilan.evaluate.locate import quote_pairs

if TYPE_CHECKING:
    from spacy.language import Language

Span = tuple[int, int]


def blank_sentencizer() -> Language:
    """A blank French pipeline with spaCy's rule-based sentencizer (no statistical model)."""
    import spacy

    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    return nlp


class SentenceIndex:
    """The sentences of one text as character spans, with look-ups by span."""

    def __init__(self, text: str, nlp: Language) -> None:
        self.text = text
        lines: list[Span] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                lines.append((pos, pos + len(line)))
            pos += len(line) + 1
        spans: list[Span] = []
        for (offset, _end), doc in zip(lines, nlp.pipe(text[s:e] for s, e in lines), strict=True):
            for sent in doc.sents:
                spans.append((offset + sent.start_char, offset + sent.end_char))
        self.spans = _reattach_opening_marks(text, spans)
        self._starts = [s for s, _ in spans]

    def region(self, start: int, end: int) -> Span:
        """The union of the sentences that ``[start, end)`` touches (the span itself if none)."""
        end = max(end, start + 1)
        first = max(bisect_right(self._starts, start) - 1, 0)
        lo, hi = start, end
        for s, e in self.spans[first:]:
            if s >= end:
                break
            if e > start:
                lo, hi = min(lo, s), max(hi, e)
        return lo, hi

    def sentence_text(self, start: int, end: int) -> str:
        lo, hi = self.region(start, end)
        return self.text[lo:hi]


def _reattach_opening_marks(text: str, spans: list[Span]) -> list[Span]:
    """Give an opening quotation mark left at the end of a sentence to the next sentence.

    The sentencizer keeps the punctuation that follows a full stop with the sentence it ends,
    including the « that opens the next sentence: ``… l'homme. «`` | ``Les obus …``.
    """
    out = list(spans)
    for k in range(len(out) - 1):
        start, end = out[k]
        body = text[start:end].rstrip()
        if not body:
            continue
        mark = body[-1]
        pairs = quote_pairs()
        opening = mark in pairs and (pairs[mark] != mark or body.count(mark) % 2 == 1)
        if opening and len(body) > 1:
            cut = start + len(body) - 1
            out[k] = (start, start + len(body[:-1].rstrip()))
            out[k + 1] = (cut, out[k + 1][1])
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlap_length(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
