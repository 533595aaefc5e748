"""Sentence boundaries for the scorer's "overlaps the sentence that contains the anchor" rule.

The scorer must cut sentences the same way whatever produced the predictions, so it does not use
the extraction pipeline's parse: it uses spaCy's rule-based ``sentencizer`` on a blank French
tokenizer (fast, no model, deterministic), run on each line separately so that the title and
every paragraph end a sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

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
        self.spans = spans
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


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def overlap_length(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
