"""From numbers to counts: the steps of the `counts` stage, in text order.

1. candidates: every number of ``doc.numbers`` whose noun names people or no noun at all, plus
   "un/une" before a person noun ("le corps sans vie d'une fillette", "un pompier");
2. category from the parse (:mod:`~bilan.counts.category`), subsets and gapping
   (:mod:`~bilan.counts.subsets`); a candidate without a category is no count;
3. links: source, period, place, origin/destination, perpetrator, cause, hedging.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from bilan.counts.agents import VIOLENT, agents, is_hedged
from bilan.counts.category import number_anchor, predicate_of
from bilan.counts.harm import is_harm
from bilan.counts.lexicon import CountLexicon, lexicon
from bilan.counts.linking import DateIndex, date_index, period_of, source_of
from bilan.counts.nouns import counted, is_in
from bilan.counts.places import Flow, PlaceIndex, event_place, flow_of, place_index
from bilan.counts.sentences import sentence_of
from bilan.counts.subsets import Candidate, attach, link_back, link_sums
from bilan.model import Count, Document, EntityRef, Evidence, NumberMention, Period, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class _WhereWhen(NamedTuple):
    period: Period | None
    place: Place | None
    origin: Place | None
    destination: Place | None


_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_SINGLE = frozenset({"un", "une"})
#: categories with no perpetrator: people present or in need are not victims of someone
_NO_AGENT = frozenset({"population", "affected"})


def _in_name(span: Span) -> bool:
    """ "France 24", "Boeing 747": a number glued to a proper name is part of that name."""
    if span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    return prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.whitespace_ == " "


def _candidate(span: Span, number: NumberMention, lex: CountLexicon) -> Candidate | None:
    if _in_name(span):
        return None
    what = counted(span.doc, span, lex)
    if what is None:
        return None
    if what.noun is None and _YEAR.match(number.evidence.text):
        return None  # "le 3 juin 2012": a year is no elliptic count
    pred = predicate_of(what, span, lex)
    end = max(number.evidence.end, what.noun.idx + len(what.noun) if what.noun is not None else 0)
    return Candidate(
        span=span,
        start=number.evidence.start,
        end=end,
        value=number.value,
        low=number.low,
        high=number.high,
        qualifier=number.qualifier,
        counted=what,
        predicate=pred,
        category=pred.category if pred else None,
        group=what.group,
    )


def _singles(doc: Doc, taken: list[tuple[int, int]], lex: CountLexicon) -> list[Candidate]:
    """ "une fillette", "un pompier", "un autre gendarme": one person, when the parse says what
    happened to them (or when they spell out an earlier count)."""
    found: list[Candidate] = []
    for token in doc:
        if token.lower_ not in _SINGLE or token.dep_ != "det" or token.head.i <= token.i:
            continue
        if any(s <= token.idx < e for s, e in taken):
            continue
        span = doc[token.i : token.i + 1]
        what = counted(doc, span, lex)
        if what is None or what.noun is None or what.noun != token.head:
            continue
        pred = predicate_of(what, span, lex)
        if pred is not None and pred.via in {"scan", "phrase"}:
            pred = None
        found.append(
            Candidate(
                span=span,
                start=token.idx,
                end=what.noun.idx + len(what.noun),
                value=1.0,
                low=1.0,
                high=None,
                qualifier="exact",
                counted=what,
                predicate=pred,
                category=pred.category if pred else None,
                group=what.group,
            )
        )
    return found


def candidates(doc: Document, lex: CountLexicon) -> list[Candidate]:
    spacy_doc = doc.spacy
    if spacy_doc is None:
        return []
    dates = [(d.evidence.start, d.evidence.end) for d in doc.dates]
    found: list[Candidate] = []
    for number in doc.numbers:
        ev = number.evidence
        if any(s <= ev.start and ev.end <= e for s, e in dates):
            continue
        span = spacy_doc.char_span(ev.start, ev.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cand = _candidate(span, number, lex)
        if cand is not None:
            found.append(cand)
    taken = [(n.evidence.start, n.evidence.end) for n in doc.numbers]
    found += _singles(spacy_doc, taken, lex)
    return sorted(found, key=lambda c: c.start)


def select(cands: list[Candidate], lex: CountLexicon) -> list[Candidate]:
    """Decide categories in text order (subsets and gapping inherit from earlier counts)."""
    kept: list[Candidate] = []
    last_group = None
    for cand in cands:
        attach(cand, kept, lex)
        link_back(cand, kept)
        single = cand.value == 1.0 and cand.span[0].lower_ in _SINGLE
        if cand.category is None or (single and cand.relation is None and cand.predicate is None):
            if cand.parent is not None and len(kept) in kept[cand.parent].children:
                kept[cand.parent].children.remove(len(kept))
            continue
        noun = cand.counted.noun
        if cand.category == "population" and noun is not None and is_in(noun, lex.officials):
            continue
        if cand.group is None:
            cand.group = last_group or "people"
        if cand.relation not in {"subset", "enumeration"}:
            last_group = cand.group  # "12 migrants, dont 3 enfants, … et des dizaines d'autres"
        kept.append(cand)
    link_sums(kept)
    return kept


def _segment_end(i: int, kept: list[Candidate]) -> int:
    sent = sentence_of(kept[i].span)
    later = [k.start for k in kept[i + 1 :] if sentence_of(k.span) == sent]
    return later[0] if later else sent.end_char


def _restated(i: int, kept: list[Candidate], counts: list[Count]) -> Count | None:
    """An earlier count this one restates ("sur les 50.000 déplacés" after "plus de 50.000")."""
    cand = kept[i]
    for j in range(i - 1, -1, -1):
        if kept[j].value == cand.value and kept[j].category == cand.category:
            return counts[j]
    return None


@dataclass(frozen=True)
class _Context:
    """What every count of one document is linked against."""

    doc: Document
    places: PlaceIndex
    dates: DateIndex
    lex: CountLexicon


def _where_when(i: int, kept: list[Candidate], counts: list[Count], ctx: _Context) -> _WhereWhen:
    """Period, place, origin and destination of ``kept[i]`` (subsets share their parent's)."""
    cand = kept[i]
    parent = counts[cand.parent] if cand.parent is not None else None
    if parent is not None and cand.relation in {"subset", "enumeration"}:
        return _WhereWhen(parent.period, parent.place, parent.origin, parent.destination)
    sentence = sentence_of(cand.span)
    head = cand.predicate.head if cand.predicate else None
    flow = Flow(None, None)
    if cand.category in {"displaced", "evacuated"}:
        flow = flow_of(cand.start, _segment_end(i, kept), head, ctx.places, ctx.doc, ctx.lex)
    origin = flow.origin
    if origin is None and parent is not None:
        origin = parent.origin  # "sur les 50.000 déplacés, plus de 20.000 …": the total's origin
    restated = _restated(i, kept, counts) if cand.is_base else None
    if restated is not None:
        origin = origin or restated.origin
        place = flow.destination or origin or restated.place
        return _WhereWhen(restated.period, place, origin, flow.destination)
    if parent is not None and sentence_of(kept[cand.parent].span) == sentence:  # type: ignore[index]
        period = parent.period  # parts of a split told in one sentence share its period
    else:
        period = period_of(cand.start, sentence, head, ctx.dates, ctx.lex)
    place = flow.destination or flow.origin
    if place is None:
        place = event_place(cand.start, sentence, head, ctx.places, ctx.doc, ctx.lex)
    return _WhereWhen(period, place, origin, flow.destination)


def _inherited_perpetrator(
    i: int, kept: list[Candidate], counts: list[Count], lex: CountLexicon
) -> EntityRef | None:
    """A subset shares its total's author; a count of the same sentence, or of the next two
    sentences when they name no attack of their own, shares the author of the count before it
    ("… une attaque attribuée à des jihadistes. Selon lui, 45 personnes ont été tuées")."""
    cand = kept[i]
    if cand.category not in VIOLENT:
        return None
    if cand.parent is not None and cand.relation in {"subset", "enumeration"}:
        return counts[cand.parent].perpetrator
    if i == 0 or counts[i - 1].perpetrator is None or kept[i - 1].category not in VIOLENT:
        return None
    sentence, previous = sentence_of(cand.span), sentence_of(kept[i - 1].span)
    if sentence == previous:
        return counts[i - 1].perpetrator
    doc = cand.span.doc
    between = [s for s in doc.sents if previous.start <= s.start < sentence.start]
    if len(between) > 2 or "\n\n" in doc.text[previous.end_char : sentence.start_char]:
        return None
    if any(is_harm(t, lex) for t in sentence) or any(t.dep_ == "obl:agent" for t in sentence):
        return None
    return counts[i - 1].perpetrator


def build_counts(doc: Document) -> list[Count]:
    """Every count of people of ``doc`` (requires numbers, attributions, dates and places)."""
    lex = lexicon()
    kept = select(candidates(doc, lex), lex)
    sources = [
        (a.source.evidence.start, a.source.evidence.end)
        for a in doc.attributions
        if a.source.evidence is not None
    ]
    ctx = _Context(doc, place_index(doc, lex, sources), date_index(doc), lex)
    place_starts = frozenset(p.evidence.start for p in doc.places if p.evidence is not None)
    counts: list[Count] = []
    for i, cand in enumerate(kept):
        evidence = Evidence.of(doc.text, cand.start, cand.end)
        where = _where_when(i, kept, counts, ctx)
        anchor = cand.counted.noun if cand.counted.noun is not None else number_anchor(cand.span)
        perpetrator, cause = (
            agents(cand.predicate, anchor, sentence_of(cand.span), lex, place_starts)
            if cand.predicate and cand.category not in _NO_AGENT
            else (None, None)
        )
        if perpetrator is None:
            perpetrator = _inherited_perpetrator(i, kept, counts, lex)
        counts.append(
            Count(
                id=f"c{i + 1}",
                category=cand.category,  # type: ignore[arg-type]
                group=cand.group or "people",
                qualifier=cand.qualifier,  # type: ignore[arg-type]
                value=cand.value,
                low=cand.low,
                high=cand.high,
                hedged=is_hedged(cand.predicate, lex) if cand.predicate else False,
                part_of=counts[cand.parent].id if cand.parent is not None else None,
                source=source_of(evidence, doc.attributions),
                perpetrator=perpetrator,
                cause=cause,
                period=where.period,
                place=where.place,
                origin=where.origin,
                destination=where.destination,
                evidence=evidence,
            )
        )
    return counts
