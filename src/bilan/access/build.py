"""Access facts from cues: status and actor (:mod:`bilan.access.roles`), then place, period,
source and the counts of people each concerns.

- Place: the way counts find theirs (:func:`bilan.counts.places.event_place`: a place the cue's
  word governs, an anaphor's place, the nearest place of the sentence…), never a speaker's
  location or a visit ("lors d'une visite à Paris"). A place named inside the cue's phrase comes
  first ("la partie assiégée d'Alep-Est"); for a siege, the place people fled ("ont fui … cette
  zone assiégée") is the besieged one.
- Period: a date of the cue's sentence (the one its word governs, else the nearest: "assiégée
  depuis quatre mois" runs from four months before publication to publication); none otherwise
  (a state reported is not dated by the report).
- Source: the attribution whose scope holds the cue (:func:`bilan.counts.linking.source_of`).
- Counts: counts of the cue's sentence the cue's words govern ("pour ravitailler plusieurs
  dizaines de milliers de personnes"); for a siege or trapped people, the population counts of
  its sentence too ("Alep-Est comptait récemment 250.000 civils").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bilan.access.cues import Cue
from bilan.access.lexicon import AccessLexicon
from bilan.access.roles import Reading, actor_phrase, actor_token, read_status, requester_token
from bilan.counts.lexicon import CountLexicon
from bilan.counts.lexicon import lexicon as count_lexicon
from bilan.counts.linking import DateIndex, date_index, period_of, source_of
from bilan.counts.places import PlaceIndex, event_place, place_index
from bilan.model import (
    AccessFact,
    Count,
    DateMention,
    Document,
    EntityRef,
    Evidence,
    Period,
    Place,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: categories of counts a siege or trapped fact takes from its sentence
POPULATION = frozenset({"population", "affected"})
#: categories of counts an aid, access or corridor fact may be for ("pour ravitailler 20.000
#: personnes", "un couloir pour 5.000 civils")
PEOPLE = frozenset({"population", "affected", "displaced", "evacuated"})
#: how far after its cue a count of people may be the one it is for (characters)
COUNT_WINDOW = 90
#: how far from its cue a place or date may be and still belong to its evidence (characters)
EVIDENCE_GAP = 25


@dataclass(frozen=True)
class _Context:
    doc: Document
    places: PlaceIndex
    dates: DateIndex
    counts_lex: CountLexicon
    lex: AccessLexicon


def context(doc: Document, lex: AccessLexicon) -> _Context:
    counts_lex = count_lexicon()
    sources = [
        (a.source.evidence.start, a.source.evidence.end)
        for a in doc.attributions
        if a.source.evidence is not None
    ]
    return _Context(doc, place_index(doc, counts_lex, sources), date_index(doc), counts_lex, lex)


def _governed(token: Token, head: Token, depth: int = 4) -> bool:
    current = token
    for _ in range(depth):
        if current == head:
            return True
        if current.head is current:
            return False
        current = current.head
    return current == head


def _counts_in(sentence: Span, doc: Document) -> list[Count]:
    return [c for c in doc.counts if sentence.start_char <= c.evidence.start < sentence.end_char]


def _place(cue: Cue, ctx: _Context) -> Place | None:
    sentence = cue.sentence
    inside = [
        p
        for p in ctx.places.places
        if p.evidence is not None and sentence.start_char <= p.evidence.start < sentence.end_char
    ]
    spacy_doc = sentence.doc
    for place in inside:
        assert place.evidence is not None
        span = spacy_doc.char_span(
            place.evidence.start, place.evidence.end, alignment_mode="expand"
        )
        if span is not None and _governed(span.root, cue.anchor, depth=3):
            return place
    if cue.rule.kind == "siege":
        for count in _counts_in(sentence, ctx.doc):
            if count.origin is not None:
                return count.origin
    return event_place(
        cue.span.start_char, sentence, cue.anchor, ctx.places, ctx.doc, ctx.counts_lex
    )


def _near(cue: Cue, start: int, end: int, text: str) -> bool:
    """Words right next to the cue: a few characters away, no comma or stop between."""
    gap = (
        text[cue.span.end_char : start]
        if start >= cue.span.end_char
        else text[end : cue.span.start_char]
    )
    return len(gap) <= EVIDENCE_GAP and not any(ch in gap for ch in ",;.\n")


def _period(cue: Cue, reading: Reading, ctx: _Context) -> Period | None:
    """A date the cue's words govern, else the closest one right next to them (after the cue
    first: "assiégée depuis quatre mois"); None otherwise."""
    sentence, text = cue.sentence, ctx.doc.text
    heads = [cue.anchor] + ([reading.decider] if reading.decider is not None else [])
    ranked: list[tuple[int, int, DateMention]] = []
    for mention in ctx.dates.dates:
        ev = mention.evidence
        if not sentence.start_char <= ev.start < sentence.end_char:
            continue
        span = sentence.doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is not None and any(_governed(span.root, h, depth=2) for h in heads):
            ranked.append((0, 0, mention))
        elif _near(cue, ev.start, ev.end, text):
            after = ev.start >= cue.span.end_char
            distance = ev.start - cue.span.end_char if after else cue.span.start_char - ev.end
            ranked.append((1 if after else 2, distance, mention))
    if not ranked:
        return None
    best = min(ranked, key=lambda r: (r[0], r[1]))[2]
    only = replace(ctx.dates, dates=(best,))
    return period_of(cue.span.start_char, sentence, cue.anchor, only, ctx.counts_lex)


def _counted(sentence: Span, doc: Document) -> frozenset[int]:
    """Token indices of the sentence's counts (people counted are no actor)."""
    out: set[int] = set()
    for count in _counts_in(sentence, doc):
        span = sentence.doc.char_span(count.evidence.start, count.evidence.end, "expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def _actor(cue: Cue, reading: Reading, ctx: _Context) -> EntityRef | None:
    token = actor_token(cue, reading, ctx.lex, _counted(cue.sentence, ctx.doc))
    return _entity(token, ctx) if token is not None else None


def _source(cue: Cue, reading: Reading, ctx: _Context) -> EntityRef | None:
    """Who asks, for a request whose verb has a subject ("L'ONU a demandé …"); else the
    attribution whose scope holds the cue."""
    token = requester_token(reading, ctx.lex)
    if token is not None:
        return _entity(token, ctx)
    cue_evidence = Evidence.of(ctx.doc.text, cue.span.start_char, cue.span.end_char)
    return source_of(cue_evidence, ctx.doc.attributions)


def _entity(token: Token, ctx: _Context) -> EntityRef:
    """The entity the entities stage found at ``token``, else the words of its phrase."""
    for entity in ctx.doc.entities:
        ev = entity.evidence
        if ev is not None and ev.start <= token.idx < ev.end:
            return entity
    span = actor_phrase(token)
    text = ctx.doc.text
    return EntityRef(
        text=span.text,
        evidence=Evidence.of(text, span.start_char, span.end_char),
        kind="description",
    )


def _count_ids(cue: Cue, ctx: _Context, next_cue: int) -> list[str]:
    """Counts of people the fact concerns (see the module docstring)."""
    window_end = min(cue.span.end_char + COUNT_WINDOW, next_cue)
    out: list[str] = []
    for count in _counts_in(cue.sentence, ctx.doc):
        if cue.rule.kind in ("siege", "trapped"):
            linked = count.category in POPULATION or (
                count.category in PEOPLE and cue.span.end_char <= count.evidence.start < window_end
            )
        else:
            linked = (
                count.category in PEOPLE and cue.span.end_char <= count.evidence.start < window_end
            )
        if linked:
            out.append(count.id)
    return out


def _evidence(cue: Cue, ctx: _Context, *parts: Evidence | None) -> Evidence:
    """The cue's words, stretched over a place or date named right next to them ("assiégée
    depuis quatre mois", "prêts à entrer à Alep-Est"): no comma between, a few words apart."""
    text = ctx.doc.text
    start, end = cue.span.start_char, cue.span.end_char
    for part in parts:
        if part is not None and _near(cue, part.start, part.end, text):
            start, end = min(start, part.start), max(end, part.end)
    return Evidence.of(text, start, end)


def build_fact(index: int, cue: Cue, ctx: _Context, next_cue: int) -> AccessFact:
    """The fact a cue announces; ``next_cue`` is where the next cue of the text starts."""
    reading = read_status(cue, ctx.lex)
    place = _place(cue, ctx)
    period = _period(cue, reading, ctx)
    actor = _actor(cue, reading, ctx)
    near_place = place.evidence if place is not None else None
    near_date = period.evidence if period is not None else None
    return AccessFact(
        id=f"a{index}",
        kind=cue.rule.kind,  # type: ignore[arg-type]
        status=reading.status,  # type: ignore[arg-type]
        place=place,
        period=period,
        actor=actor,
        source=_source(cue, reading, ctx),
        count_ids=_count_ids(cue, ctx, next_cue),
        cue=cue.span.text,
        evidence=_evidence(cue, ctx, near_place, near_date),
    )
