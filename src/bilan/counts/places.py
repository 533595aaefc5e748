"""Where a count happened, and where displaced people came from and went (issue 12).

Place, in order: a place its verb governs ("tués à Alep-Est"), the nearest place of its sentence,
the last place named before an anaphor ("huit habitants de ces quartiers"), the last earlier
place of its paragraph, the place the article is about (the most mentioned). Never a speaker's
location ("s'adressant depuis Londres"), a projectile's origin ("provenant d'Alep-Est") or a
visit ("lors d'une visite à Paris").

Displaced and evacuated counts also get an origin ("ont fui Alep-Est", "ont quitté X", "cette
zone" → the place it refers to) and a destination ("ont trouvé refuge à Alep-Ouest", "vers Y",
"30.000 dans l'enclave de Cheikh Maqsoud"); their place is the destination, else the origin.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bilan.counts.lexicon import CountLexicon
from bilan.counts.nouns import is_in, lookup
from bilan.model import Document, Evidence, Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class PlaceIndex:
    """The event places of an article (foreign ones removed) and the place it is about."""

    places: tuple[Place, ...]
    dominant: Place | None


def _key(place: Place) -> str:
    return (place.name or place.text).lower()


def _token(place: Place, doc: Document) -> Token | None:
    if doc.spacy is None or place.evidence is None:
        return None
    span = doc.spacy.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    return span.root if span is not None else None


def _first_token(place: Place, doc: Document) -> Token | None:
    if doc.spacy is None or place.evidence is None:
        return None
    span = doc.spacy.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _is_foreign(token: Token, lex: CountLexicon) -> bool:
    """A speaker's, a projectile's or a visit's place: not where the count happened."""
    current = token
    for _ in range(3):
        if current.head is current:
            return False
        current = current.head
        if is_in(current, lex.foreign_place_heads):
            return True
        if current.pos_ == "VERB" and not is_in(current, lex.foreign_place_heads):
            return False
    return False


def place_index(doc: Document, lex: CountLexicon, excluded: list[tuple[int, int]]) -> PlaceIndex:
    """Event places in text order; ``excluded`` spans (sources' words) hold no event place."""
    kept: list[Place] = []
    for place in doc.places:
        if place.evidence is None:
            continue
        ev = place.evidence
        if any(s <= ev.start and ev.end <= e for s, e in excluded):
            continue
        token = _token(place, doc)
        if token is not None and _is_foreign(token, lex):
            continue
        kept.append(place)
    counts = Counter(_key(p) for p in kept)
    dominant = None
    if counts:
        best = max(counts.values())
        dominant = next(p for p in kept if counts[_key(p)] == best)
    return PlaceIndex(
        tuple(sorted(kept, key=lambda p: p.evidence.start if p.evidence else 0)), dominant
    )


def _start(place: Place) -> int:
    return place.evidence.start if place.evidence else 0


def before(index: PlaceIndex, offset: int, floor: int = 0) -> Place | None:
    earlier = [p for p in index.places if floor <= _start(p) < offset]
    return earlier[-1] if earlier else None


def event_place(
    start: int,
    sentence: Span,
    head: Token | None,
    index: PlaceIndex,
    doc: Document,
    lex: CountLexicon,
) -> Place | None:
    """The place of a count (see the module docstring for the order)."""
    text = doc.text
    inside = [p for p in index.places if sentence.start_char <= _start(p) < sentence.end_char]
    for place in inside:
        token = _token(place, doc)
        if head is not None and token is not None and token.head == head:
            return place
    anaphor = lex.place_anaphors.search(text, sentence.start_char, sentence.end_char)
    if anaphor is not None:
        found = before(index, anaphor.start())
        if found is not None:
            return found
    if inside:
        return min(inside, key=lambda p: abs(_start(p) - start))
    paragraph_start = text.rfind("\n", 0, sentence.start_char) + 1
    return _first(index, paragraph_start, start) or index.dominant


def _first(index: PlaceIndex, floor: int, offset: int) -> Place | None:
    """The first place of the paragraph before the count: the one its lead sentence sets."""
    earlier = [p for p in index.places if floor <= _start(p) < offset]
    return earlier[0] if earlier else None


@dataclass(frozen=True)
class Flow:
    origin: Place | None
    destination: Place | None


def _case_words(token: Token) -> str:
    """The prepositions before a place: "vers", "à destination de", "dans (l'enclave de)".

    Read on the tokens before the place's first word: prepositions and determiners, and across
    one common noun when the place is its "de" complement ("dans l'enclave de Cheikh Maqsoud").
    """
    doc = token.doc
    words: list[str] = []
    i = token.i - 1
    crossed_noun = False
    while i >= max(0, token.i - 7):
        current = doc[i]
        if current.pos_ in {"ADP", "DET"} or current.lower_ in {"à", "au", "aux"}:
            words.insert(0, current.lower_)
        elif (
            current.pos_ == "NOUN"
            and not crossed_noun
            and words
            and words[0] in {"de", "d'", "d’", "du", "des"}
        ):
            crossed_noun = True
            words.insert(0, current.lower_)
        else:
            break
        i -= 1
    return " ".join(words)


def flow_of(
    start: int,
    segment_end: int,
    head: Token | None,
    index: PlaceIndex,
    doc: Document,
    lex: CountLexicon,
) -> Flow:
    """Origin and destination of a displacement count, read in its segment of the sentence
    (from the count to the next count or the end of the sentence)."""
    origin = (
        _origin(head, index, doc, lex, start)
        or _relative_origin(start, index, doc, lex)
        or _provenance(start, segment_end, index, doc, lex)
    )
    strong: list[Place] = []  # "vers Y", "à destination de Y", "pour rejoindre Y"
    weak: list[Place] = []  # a first preposition of place: "à Y", "dans l'enclave de Y"
    for place in index.places:
        if not (start <= _start(place) < segment_end) or place is origin:
            continue
        token = _first_token(place, doc)
        if token is None:
            continue
        cases = _case_words(token)
        if any(c in cases for c in lex.destination_cases) or _reached(token, lex):
            strong.append(place)
        elif _is_destination(cases, lex):
            weak.append(place)
    found = strong or weak
    destination = found[0] if found else _relative_destination(start, index, doc, lex)
    if destination is None:
        destination = _unlisted_destination(start, segment_end, doc, lex)
    return Flow(origin, destination)


def _provenance(
    start: int, end: int, index: PlaceIndex, doc: Document, lex: CountLexicon
) -> Place | None:
    """ "1.500 habitants de Goma se sont réfugiés …" (the counted people's place), "venant de
    Bossangoa", "originaires de Homs": a "de" place of the counted noun or of a provenance word."""
    for place in index.places:
        if not (start <= _start(place) < end):
            continue
        token = _token(place, doc)
        if token is None or _case_words(token).split()[-1:] not in (["de"], ["d'"], ["d’"], ["du"]):
            continue
        owner = token.head
        counted = owner.pos_ == "NOUN" and owner.idx < _start(place) and owner.idx - start < 40
        if (counted and lookup(owner, lex.person_nouns) is not None) or is_in(
            owner, lex.origin_from_words
        ):
            return place
    return None


def _reached(token: Token, lex: CountLexicon) -> bool:
    """The object of a verb of arrival: "pour rejoindre Gao", "ont gagné la Turquie"."""
    head = token.head if token.dep_ in {"flat:name", "fixed"} else token
    return head.dep_ in {"obj", "obl:arg"} and is_in(head.head, lex.destination_verbs)


def _is_destination(cases: str, lex: CountLexicon) -> bool:
    """ "vers", "à destination de", or a first preposition of place ("à", "dans l'enclave de")."""
    words = cases.split()
    return any(c in cases for c in lex.destination_cases) or (
        bool(words) and words[0] in lex.destination_in_cases
    )


def _unlisted_destination(start: int, end: int, doc: Document, lex: CountLexicon) -> Place | None:
    """A proper name the gazetteer does not know, in a destination phrase ("dans l'enclave de
    Cheikh Maqsoud"): kept as a name with its evidence, never given coordinates."""
    if doc.spacy is None:
        return None
    segment = doc.spacy.char_span(start, end, alignment_mode="contract")
    if segment is None:
        return None
    i = 0
    while i < len(segment):
        token = segment[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(segment) and segment[j].pos_ == "PROPN":
            j += 1
        if _is_destination(_case_words(token), lex):
            run = segment[i:j]
            return Place(
                text=run.text,
                name=run.text,
                evidence=Evidence.of(doc.text, run.start_char, run.end_char),
            )
        i = j
    return None


def _relative_origin(
    start: int, index: PlaceIndex, doc: Document, lex: CountLexicon
) -> Place | None:
    """ "la zone d'exclusion (de Fukushima), d'où ont été évacuées 80 000 personnes"."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    match = lex.origin_relative.search(doc.text, max(line_start, start - 80), start)
    return before(index, match.start(), line_start) if match is not None else None


def _of_what_was_fled(token: Token, verb: Token) -> bool:
    """ "ont fui les combats à Kidal": a place complementing the object of the origin verb."""
    noun = token.head
    return token.dep_ == "nmod" and noun.dep_ == "obj" and noun.head == verb


def _relative_destination(
    start: int, index: PlaceIndex, doc: Document, lex: CountLexicon
) -> Place | None:
    """ "… vers Rafah, à la frontière égyptienne, où s'entassent plus d'un million de déplacés"."""
    line_start = doc.text.rfind("\n", 0, start) + 1
    match = lex.destination_relative.search(doc.text, max(line_start, start - 80), start)
    return before(index, match.start(), line_start) if match is not None else None


def _origin(
    head: Token | None, index: PlaceIndex, doc: Document, lex: CountLexicon, start: int
) -> Place | None:
    """ "ont fui Alep-Est", "ont quitté X", "ont fui … cette zone" (→ the place it refers to)."""
    if head is None or not is_in(head, lex.origin_verbs) or doc.spacy is None:
        return None
    deps = {"obj", "obl", "obl:mod", "obl:arg", "xcomp"}
    for place in index.places:
        if place.evidence is None or place.evidence.start < head.idx:
            continue
        span = doc.spacy.char_span(
            place.evidence.start, place.evidence.end, alignment_mode="expand"
        )
        if span is None:
            continue
        governed = any(t.head == head and t.dep_ in deps for t in span)
        between = doc.text[head.idx + len(head.text) : place.evidence.start].strip().lower()
        adjacent = bool(lex.origin_lead_in.match(between))
        if (governed or adjacent) and not _is_destination(_case_words(span[0]), lex):
            return place
        if any(_of_what_was_fled(t, head) for t in span):
            return place
    for child in head.children:
        if child.dep_ in deps and lex.place_anaphors.search(
            child.doc[child.left_edge.i : child.i + 1].text
        ):
            return before(index, start)
    return _unlisted_origin(head, doc)


def _unlisted_origin(verb: Token, doc: Document) -> Place | None:
    """ "ont fui Sake": a proper name the place index lacks, object of the origin verb (or right
    after it: the parser often misses the object); kept as a name with its evidence, never given
    coordinates."""
    for child in verb.children:
        named = child.pos_ == "PROPN" and child.text[:1].isupper()
        if named and (child.dep_ == "obj" or child.i == verb.i + 1):
            run = [t for t in child.subtree if t.pos_ == "PROPN" or t == child]
            first, last = min(t.i for t in run), max(t.i for t in run)
            span = child.doc[first : last + 1]
            if len(span) != len(run):
                continue
            ev = Evidence.of(doc.text, span.start_char, span.end_char)
            return Place(text=ev.text, name=ev.text, evidence=ev)
    return None
