"""Which frame speaks a quotation, and which quotations are not speech at all.

Order of evidence for a quotation's speaker, within its sentence: an incise right after it
(« … », a déclaré X), a colon introduction (X a déclaré : « … »), the nearest frame before it
(X a dénoncé la « cécité »), a frame after it (…à « plusieurs reprises » à Ankara, a indiqué une
source). A quotation that is a sentence of its own floats: it takes the speaker of the sentence
before (same or previous paragraph), else of the quotation right after. Short quotations with no
frame, and quotations right after a naming word (l'opération « Serval », surnommé « le Boucher »)
are titles, nicknames or scare quotes: no speech, no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from bilan.speech.frames import Frame
from bilan.speech.lexicon import lexicon
from bilan.speech.marks import QuoteSpan

_BETWEEN_OK = frozenset({",", "-", "—", "–"})


@dataclass
class QuoteTokens:
    span: QuoteSpan
    first: int  # token index of the opening mark
    last: int  # token index of the closing mark (or last quoted token)


def _only_glue(doc: Doc, lo: int, hi: int) -> bool:
    """Tokens in [lo, hi) are punctuation, spaces, adverbs or clitics (nothing that speaks)."""
    for k in range(lo, hi):
        tok = doc[k]
        if tok.is_space or tok.text in _BETWEEN_OK or tok.pos_ in {"ADV", "AUX"}:
            continue
        if tok.lower_ in lexicon().words("incise_clitics") and tok.pos_ == "PRON":
            continue
        return False
    return True


def incise_after(doc: Doc, q: QuoteTokens, frames: list[Frame]) -> Frame | None:
    for f in frames:
        if (
            f.kind == "verb"
            and f.incise
            and f.first > q.last
            and _only_glue(doc, q.last + 1, f.first)
        ):
            return f
    return None


def colon_before(doc: Doc, q: QuoteTokens, frames: list[Frame], sent_start: int) -> Frame | None:
    k = q.first - 1
    while k >= sent_start and (doc[k].is_space or doc[k].lower_ in lexicon().words("que")):
        k -= 1
    if k < sent_start or doc[k].text != ":":
        return None
    before = [f for f in frames if f.last < k and f.speaker is not None]
    return before[-1] if before else None


def frame_before(doc: Doc, q: QuoteTokens, frames: list[Frame]) -> Frame | None:
    """The nearest frame before the quotation, unless the quotation sits in a clause of its own
    coordinated after it: "Washington a salué un « pas », mais les analystes restent
    « prudents »" (the analysts' words, not Washington's)."""
    before = [f for f in frames if f.last < q.first and f.speaker is not None]
    if not before:
        return None
    frame = before[-1]
    if frame.kind == "verb" and _own_clause_between(doc, q, frame):
        return None
    return frame


def _own_clause_between(doc: Doc, q: QuoteTokens, frame: Frame) -> bool:
    """Whether, going up the parse from the quoted words to the frame's verb, a verb with its
    own subject is joined by coordination rather than as reported content."""
    tok = doc[min(q.first + 1, q.last)]
    for _ in range(12):
        if tok.i == frame.last or tok.head.i == tok.i:
            return False
        if (
            tok.pos_ in {"VERB", "AUX", "ADJ", "NOUN"}
            and tok.dep_ in {"conj", "parataxis"}
            and frame.last < tok.i
            and not q.first <= tok.i <= q.last
            and any(c.dep_ in {"nsubj", "nsubj:pass"} and c.i > frame.last for c in tok.children)
            and not any(c.dep_ == "mark" for c in tok.children)  # "… et que les civils …"
        ):
            return True
        tok = tok.head
    return False


def frame_after(q: QuoteTokens, frames: list[Frame]) -> Frame | None:
    after = [f for f in frames if f.first > q.last and f.speaker is not None and f.incise]
    return after[0] if after else None


def choose_frame(doc: Doc, q: QuoteTokens, frames: list[Frame], sent_start: int) -> Frame | None:
    """The frame that speaks quotation ``q``, or None."""
    return (
        incise_after(doc, q, frames)
        or colon_before(doc, q, frames, sent_start)
        or frame_before(doc, q, frames)
        or frame_after(q, frames)
    )


def is_floating(doc: Doc, q: QuoteTokens, sent: tuple[int, int], others: list[QuoteTokens]) -> bool:
    """Whether the sentence says nothing of its own: no verb outside its quotations."""
    covered: set[int] = set()
    for o in others:
        covered.update(range(o.first, o.last + 1))
    outside = [doc[k] for k in range(sent[0], sent[1]) if k not in covered]
    # "Et pour la dernière période, « il veut une apothéose »": no verb outside the quotation
    return not any(t.pos_ in {"VERB", "AUX"} for t in outside)


def is_name_not_speech(
    text: str, doc: Doc, q: QuoteTokens, sent_start: int, verb: int = -1
) -> bool:
    """Titles, nicknames and scare quotes: l'opération « Serval », un « plan B », « Coach »."""
    lex = lexicon()
    inner = q.span.inner(text)
    words = inner.split()
    if not words:
        return True
    k = q.first - 1
    while k >= sent_start and (doc[k].is_space or doc[k].pos_ == "DET"):
        k -= 1
    cue = doc[k].lower_ if k >= sent_start and k != verb else ""
    if cue in lex.naming_cues and len(words) <= 6 and not _qualifies(doc, q):
        return True  # "l'avait appelé la « … »" is speech
    titled = all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return titled and len(words) <= 3 and q.first > sent_start


def _qualifies(doc: Doc, q: QuoteTokens) -> bool:
    """Whether the quotation qualifies the noun before it rather than naming it: une opération
    « ciblée », un plan « crédible » (a lower-case adjective or participle), not l'opération
    « Serval » nor le mot « génocide »."""
    first = doc[q.first + 1] if q.first + 1 <= q.last else None
    if first is None or not first.text[:1].islower():
        return False
    return (
        first.pos_ == "ADJ"
        or (first.pos_ in {"VERB", "NOUN"} and "Part" in first.morph.get("VerbForm", []))
        or first.lower_.endswith(("ée", "ées", "és"))
    )


def is_short(text: str, q: QuoteTokens) -> bool:
    return len(q.span.inner(text).split()) <= lexicon().short_quote_words
