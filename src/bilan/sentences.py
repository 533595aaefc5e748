"""Sentences of a parsed article, cut where a reader cuts them.

spaCy's French parser often joins a paragraph to the next one, or cuts a sentence after a
closing quotation mark (``dehors", a témoigné …``). :func:`sentences` gives spans that end at
every line break and after sentence-final punctuation (``. ! ? …``, possibly followed by closing
quotes or brackets) when the next word opens a sentence (capital letter, digit, opening quote or
dash); abbreviations ("M.", "av. J.-C.") are single tokens for spaCy's tokenizer, so they do not
cut. Offsets are the Doc's, i.e. the article's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSING = frozenset({'"', "»", "”", "’", ")", "]"})
OPENING = frozenset({'"', "«", "“", "(", "-", "—", "–"})


def _opens(token: Token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or token.text in OPENING


def _closes(token: Token) -> bool:
    """A closing mark; a straight quote closes unless it is glued to the word after it."""
    if token.text != '"':
        return token.text in CLOSING
    glued_after = not token.whitespace_
    spaced_before = token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    return not (glued_after and spaced_before)


def sentences(doc: Doc, *, start_char: int = 0) -> list[Span]:
    """Sentence spans of ``doc`` from ``start_char`` on (whitespace-only spans dropped)."""
    spans: list[Span] = []
    begin: int | None = None
    closed = False  # the previous word ended a sentence
    for token in doc:
        if token.idx < start_char:
            continue
        if token.is_space:
            if "\n" in token.text and begin is not None:
                spans.append(doc[begin : token.i])
                begin, closed = None, False
            continue
        if begin is None:
            begin = token.i
        elif closed and _opens(token) and not _closes(token):
            spans.append(doc[begin : token.i])
            begin = token.i
        if token.text in FINAL:
            closed = True
        elif not _closes(token):
            closed = False
        if "\n" in token.whitespace_ or (token.i + 1 < len(doc) and "\n" in doc[token.i + 1].text):
            spans.append(doc[begin : token.i + 1])
            begin, closed = None, False
    if begin is not None:
        spans.append(doc[begin:])
    return [s for s in spans if s.text.strip()]
