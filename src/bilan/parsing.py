"""From an article's text to its spaCy parse, safely for hostile text.

Three guards, none of which moves an offset (the parse always has the article's length, so every
character offset of a token is an offset into ``Article.text``):

* **invisible characters** (C0/C1 controls, bidirectional marks and isolates, zero-width spaces,
  a BOM inside the text) are parsed as spaces; the article text keeps them verbatim and the
  document gets a ``W_CONTROL_CHARS`` warning;
* **overlong runs**: a stretch of more than ``max_words`` words with no sentence end and no line
  break (a scraped table, a list without punctuation, a hostile 20,000-word "sentence") is parsed
  in pieces of ``max_words`` words joined back with :meth:`spacy.tokens.Doc.from_docs`, so that
  no sentence is longer than that; the document gets a ``W_LONG_RUN`` warning. Parsing and the
  sentence-scoped rules downstream grow faster than linearly with sentence length: this bounds
  their time;
* **the text is cached** on the parse (:func:`text_of`): spaCy's ``Doc.text`` joins every token
  on each call, which made rules that read it once per candidate quadratic in article length.

These are Unicode and size rules, not French knowledge: they live here, not under ``lang/fr``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from bilan.model.document import Warning_

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: where ``text_of`` keeps the text in ``Doc.user_data``
TEXT_KEY = "bilan.text"

#: parsed as spaces: C0 controls but tab and line breaks, DEL and C1 controls, the Arabic letter
#: mark, zero-width space, LRM/RLM, bidi embeddings and overrides, bidi isolates, BOM/ZWNBSP.
#: e.g. "Alep\u200f, 12 morts" is parsed as "Alep , 12 morts"
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)

#: a word and the spaces after it
WORD = re.compile(r"\S+\s*")

#: a word that ends a sentence: final punctuation, possibly followed by closing quotes/brackets.
#: e.g. "morts." "?»" "(AFP)." "…"
SENTENCE_END = re.compile(r"[.!?…;:][»\"')\]]*$")


@dataclass
class ParseInput:
    """The text handed to spaCy (same length as the article) and the warnings met."""

    text: str
    cuts: list[int] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


def long_run_cuts(text: str, max_words: int) -> list[int]:
    """Offsets where overlong runs are cut: after every ``max_words`` words without a sentence
    end or a line break. Empty for ordinary prose."""
    cuts: list[int] = []
    run = 0
    for match in WORD.finditer(text):
        word = match.group().rstrip()
        if SENTENCE_END.search(word) or "\n" in match.group():
            run = 0
            continue
        run += 1
        if run >= max_words and match.end() < len(text):
            cuts.append(match.end())
            run = 0
    return cuts


def prepare(text: str, *, max_words: int) -> ParseInput:
    """The text to parse and the cut points, with a warning for each guard that fired."""
    invisible = len(INVISIBLE.findall(text))
    prepared = ParseInput(INVISIBLE.sub(" ", text) if invisible else text)
    if invisible:
        prepared.warnings.append(
            Warning_(
                "W_CONTROL_CHARS",
                f"{invisible} control or invisible formatting characters (bidi marks, "
                "zero-width spaces…) were read as spaces; offsets are unchanged",
            )
        )
    prepared.cuts = long_run_cuts(prepared.text, max_words)
    if prepared.cuts:
        prepared.warnings.append(
            Warning_(
                "W_LONG_RUN",
                f"{len(prepared.cuts)} cut(s) in runs of over {max_words} words without a "
                "sentence end: facts spanning a cut may be missed",
            )
        )
    return prepared


def pieces(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in pairwise(bounds) if b > a]


def join_parses(docs: list[Doc]) -> Doc:
    """One Doc from the parses of consecutive pieces (texts concatenate exactly)."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(nlp: Language, article_text: str, prepared: ParseInput) -> Doc:
    """The parse of ``prepared`` with the article's text cached for :func:`text_of`."""
    if prepared.cuts:
        doc = join_parses(list(nlp.pipe(pieces(prepared.text, prepared.cuts))))
    else:
        doc = nlp(prepared.text)
    return remember_text(doc, article_text)


def remember_text(doc: Doc, article_text: str) -> Doc:
    doc.user_data[TEXT_KEY] = article_text
    return doc


def text_of(doc: Doc) -> str:
    """The article text behind a parse, computed at most once.

    After :func:`parse` it is the article's verbatim text (invisible characters included), so
    that evidence sliced from it equals ``Article.text[start:end]``.
    """
    cached = doc.user_data.get(TEXT_KEY)
    if not isinstance(cached, str) or len(cached) != _length(doc):
        cached = doc.text
        doc.user_data[TEXT_KEY] = cached
    return cached


def _length(doc: Doc) -> int:
    if len(doc) == 0:
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
