"""Sentences as counts see them: spaCy's sentence, never across a line break.

spaCy sometimes joins lines into one sentence (quotations without a final stop, headings);
a line break always ends a sentence for counts, their subsets, periods and places.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def sentence_of(item: Span | Token) -> Span:
    """The sentence of a token or span, clipped to its line."""
    token = item if not hasattr(item, "start_char") else item[0]  # type: ignore[index]
    sent = token.sent
    doc = token.doc
    start = token.i
    while start > sent.start and "\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
        start -= 1
    end = token.i + 1
    while end < sent.end and "\n" not in doc[end - 1].whitespace_ + doc[end].text:
        end += 1
    return doc[start:end]
