"""A candidate and its participants → an :class:`~bilan.model.Event` with every field filled.

* type: the winning rule, turned into a battle when an "attack" hits soldiers or fighters, and a
  battle's sub-type into "Government regains territory" / "Non-state actor overtakes territory"
  when a territory trigger is present (by actor1's inter code);
* place: a linked count's place, else the location of the sentence introduced by "à", "dans"…
  that is closest to the trigger, else any location of the sentence, else the article's main
  place (the location it names most often) with a precision no finer than 2;
* date: a linked count's period, else the date of the sentence closest to the trigger, else the
  publication date (precision "publication");
* fatalities: ACLED's most-conservative rule over the linked killed counts (see
  :func:`fatalities`); None when the article gives no figure;
* interaction: ACLED's two-digit code from the actors' inter codes (lower first; "10" alone).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from bilan.actors import fold
from bilan.events.background import clause_verb
from bilan.events.detect import Candidate
from bilan.events.participants import Participants
from bilan.events.rules import EventKind, EventRules, depth
from bilan.model import Count, DateMention, Document, EntityRef, Event, Evidence, Period, Place

if TYPE_CHECKING:
    from spacy.tokens import Span

TERRITORY_GOV = "Government regains territory"
TERRITORY_NSA = "Non-state actor overtakes territory"


def resolve_kind(candidate: Candidate, rules: EventRules, parts: Participants) -> EventKind:
    """The event's ACLED type after the victims and territory refinements."""
    rule = candidate.rule
    kind = rule.kind
    if rule.against_forces is not None and _against_forces(candidate, rules, parts):
        kind = rule.against_forces
    if kind.event_type == "Battles" and any(h.rule.territory for h in candidate.hits):
        inter = parts.actor1.inter if parts.actor1 is not None else None
        kind = EventKind("Battles", TERRITORY_GOV if inter == 1 else TERRITORY_NSA)
    return kind


def _against_forces(candidate: Candidate, rules: EventRules, parts: Participants) -> bool:
    victims = [c for c in candidate.counts if c.category in ("killed", "injured")]
    if victims:
        return all(c.group in rules.fighter_groups for c in victims)
    target = parts.actor2
    return target is not None and target.actor_type in ("state_forces", "rebels", "militia")


def interaction(actor1: EntityRef | None, actor2: EntityRef | None) -> int | None:
    codes = sorted(a.inter for a in (actor1, actor2) if a is not None and a.inter is not None)
    if not codes:
        return None
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def conservative(count: Count, rules: EventRules) -> int | None:
    """The lowest figure a count supports (ACLED's most-conservative reading)."""
    if count.qualifier == "vague" and count.low is not None:
        return rules.vague_fatalities.get(int(count.low), int(count.low))
    if count.qualifier == "less_than":
        return None
    amount = count.low if count.qualifier == "range" else count.value
    amount = amount if amount is not None else count.low
    return int(amount) if amount is not None else None


def fatalities(counts: list[Count], rules: EventRules) -> int | None:
    """Killed counts of one event: the lowest report per victim group, summed over groups.

    Sub-counts ("dont 33 enfants") are inside their parent and are not added again.
    """
    by_group: dict[str, int] = {}
    for count in counts:
        if count.category != "killed" or count.part_of is not None:
            continue
        figure = conservative(count, rules)
        if figure is None:
            continue
        by_group[count.group] = min(figure, by_group.get(count.group, figure))
    return sum(by_group.values()) if by_group else None


def _distance(ev: Evidence | None, anchor: int) -> int:
    return abs(ev.start - anchor) if ev is not None else 10**9


def _in(ev: Evidence | None, sent: Span) -> bool:
    return ev is not None and sent.start_char <= ev.start < sent.end_char


def main_place(doc: Document) -> Place | None:
    """The place the article names most often as a location (the first on a tie), or None."""
    found = [p for p in doc.places if p.role == "location" and p.evidence is not None]
    if not found:
        return None
    names = Counter((p.name or p.text) for p in found)
    best = max(found, key=lambda p: (names[p.name or p.text], -found.index(p)))
    return best.model_copy(update={"precision": max(best.precision or 1, 2)})


def sentence_place(
    doc: Document, candidate: Candidate, rules: EventRules, anchor: int
) -> Place | None:
    sent = candidate.sent
    places = [p for p in doc.places if _in(p.evidence, sent) and p.role == "location"]
    if not places:
        return None

    def locative(place: Place) -> bool:
        span = (
            sent.doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
            if place.evidence
            else None
        )
        if span is None:
            return False
        before = {fold(c.text) for c in span.root.children if c.dep_ in ("case", "fixed")}
        if span.start > 0:  # the word before, when the parse missed it ("A New York")
            before.add(fold(sent.doc[span.start - 1].text))
        return bool(before & {fold(w) for w in rules.locative})

    def level(place: Place) -> int:
        span = (
            sent.doc.char_span(place.evidence.start, place.evidence.end, alignment_mode="expand")
            if place.evidence
            else None
        )
        return depth(span.root, sent) if span is not None else 99

    # where the main verb happened ("se sont rencontrés à Ankara pour discuter d'une trêve à
    # Alep"), then the place nearest the trigger
    return min(places, key=lambda p: (not locative(p), level(p), _distance(p.evidence, anchor)))


def choose_place(
    doc: Document, candidate: Candidate, rules: EventRules, anchor: int
) -> tuple[Place | None, str | None]:
    """The event's place and where it comes from (count, sentence, article)."""
    for count in candidate.counts:
        if count.place is not None:
            return count.place, "count"
    found = sentence_place(doc, candidate, rules, anchor)
    if found is not None:
        return found, "sentence"
    fallback = main_place(doc)
    return fallback, "article" if fallback is not None else None


def choose_period(
    doc: Document, candidate: Candidate, anchor: int, rules: EventRules
) -> tuple[Period | None, str | None]:
    """The event's period and where it comes from (count, sentence, publication)."""
    for count in candidate.counts:
        if count.period is not None:
            return count.period, "count"
    found = sentence_period(doc, candidate, anchor, rules)
    if found is not None:
        return found, "sentence"
    published = doc.article.published
    if published is None:
        return None, None
    return Period(start=published, end=published, precision="publication"), "publication"


def _when_said(date: DateMention, sent: Span, rules: EventRules) -> bool:
    """The date tells when something was said ("a annoncé mardi la police"), not when it
    happened."""
    span = sent.doc.char_span(date.evidence.start, date.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    return clause_verb(span.root, sent).lemma_.lower() in rules.reporting_verbs


def sentence_period(
    doc: Document, candidate: Candidate, anchor: int, rules: EventRules
) -> Period | None:
    """The date of the sentence closest to the trigger, preferring one that is not the date of
    a verb of saying."""
    sent = candidate.sent
    dates = [d for d in doc.dates if _in(d.evidence, sent) and d.kind != "duration" and d.start]
    if not dates:
        return None
    best: DateMention = min(
        dates, key=lambda d: (_when_said(d, sent, rules), _distance(d.evidence, anchor))
    )
    return Period(
        start=best.start,
        end=best.end,
        precision=best.precision,
        text=best.text,
        evidence=best.evidence,
    )


def evidence_of(doc: Document, candidate: Candidate) -> Evidence:
    """The reporting sentence, with the continuation sentences that joined it."""
    last = candidate.joined[-1] if candidate.joined else candidate.sent
    return Evidence.of(doc.text, candidate.sent.start_char, last.end_char)


def build_event(
    doc: Document, candidate: Candidate, parts: Participants, rules: EventRules, event_id: str
) -> Event:
    kind = resolve_kind(candidate, rules, parts)
    anchor = (
        candidate.sent.doc[candidate.hit.head].idx if candidate.hit else candidate.sent.start_char
    )
    evidence = evidence_of(doc, candidate)
    place, place_basis = choose_place(doc, candidate, rules, anchor)
    period, date_basis = choose_period(doc, candidate, anchor, rules)
    return Event(
        id=event_id,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        actor1=parts.actor1,
        actor2=parts.actor2,
        interaction=interaction(parts.actor1, parts.actor2),
        place=place,
        period=period,
        place_basis=place_basis,
        date_basis=date_basis,
        fatalities=fatalities(candidate.counts, rules),
        count_ids=[c.id for c in candidate.counts],
        sources=parts.sources,
        notes=" ".join(evidence.text.split()),
        evidence=evidence,
    )
