"""One event per incident: continuation sentences and restated counts join their event.

* A sentence that opens with a *strong* continuation ("Parmi ces morts …", "Parmi eux …") joins
  the event of the sentence just before it; one that opens with a *weak* one (a subject pronoun,
  "Ces …") joins it when it has no trigger of its own or a trigger of the same event type
  ("Elles ont depuis conquis près de 40% d'Alep-Est" after the offensive).
* A displacement sentence whose counts restate or split the counts of an earlier displacement
  ("sur les 50.000 déplacés, plus de 20.000 ont trouvé refuge …") joins it.
* A later mention of an incident already told joins it (see :func:`_told_again`).
* A sentence whose rule is part of an earlier event (``joins`` of events.yaml: arrests during
  a protest told in the same paragraph, people who fled a disaster, residents evacuated after
  an incident) joins that event.
* A trigger inside a direct quotation restates an incident: it joins the last event of its
  event type; it is an event of its own only when none was told before ("« Dans les quartiers
  repris, il y a des exécutions sommaires », a-t-il affirmé").
* An incident told in the pluperfect ("un séisme avait fait 602 morts en 2022") is an earlier
  one: it is never merged with an incident told in another tense, nor with one of another date.
* Events with the same type, the same named actor and the same trigger words anywhere in the
  article are one incident told twice; the mention where the trigger is most central is kept.
"""

from __future__ import annotations

from bilan.actors import tokens as fold_tokens
from bilan.events.detect import Candidate, combine
from bilan.events.rules import EventRules
from bilan.model import Count, DateMention, Event, Period
from bilan.parsing import text_of


def _opener(candidate: Candidate, openers: tuple[str, ...]) -> bool:
    words = fold_tokens(candidate.sent.text)
    for opener in openers:
        expected = fold_tokens(opener)
        if words[: len(expected)] == expected:
            return True
    return False


def _continues(previous: Candidate, current: Candidate, rules: EventRules) -> bool:
    if current.index != previous.last_index + 1:
        return False
    if _opener(current, rules.strong_openers):
        return True
    if not _opener(current, rules.weak_openers) or current.prior != previous.prior:
        return False
    if current.hit is None:
        return True
    return current.rule.kind.event_type == previous.rule.kind.event_type


def _restates(earlier: Candidate, current: Candidate) -> bool:
    """Displacement counts of ``current`` repeat or split those of ``earlier``."""
    if "displacement" not in (earlier.rule.kind.event_type, current.rule.kind.event_type):
        return False
    if earlier.rule.kind != current.rule.kind:
        return False

    def amount(c: Count) -> float | None:
        return c.value if c.value is not None else c.low

    before = {amount(c) for c in earlier.counts if c.category in ("displaced", "evacuated")}
    ids = {c.id for c in earlier.counts}
    for count in current.counts:
        if count.category not in ("displaced", "evacuated"):
            continue
        if amount(count) in before or (count.part_of is not None and count.part_of in ids):
            return True
    return False


def _told_again(earlier: Candidate, current: Candidate) -> bool:
    """``current`` names an incident ``earlier`` already told.

    The same trigger word again ("l'incendie … L'incendie a été maîtrisé"); a definite noun of
    the same kind ("la manifestation qui s'est déroulée vendredi"), or of the same event type
    for generic words ("cet accident" after an avalanche); a second disaster of the same
    specific type.
    """
    hit, first = current.hit, earlier.hit
    if hit is None or first is None or earlier.prior != current.prior:
        return False
    same_kind = earlier.rule.kind == current.rule.kind
    if same_kind and hit.lemma == first.lemma:
        return True
    if hit.definite and (
        same_kind
        or (
            current.rule.refers_back
            and earlier.rule.kind.event_type == current.rule.kind.event_type
        )
    ):
        return True
    kind = current.rule.kind
    if same_kind and kind.event_type == "disaster" and kind.sub_event_type != "other":
        return True
    # "Un gardien a été abattu lors de l'attaque": a definite noun naming the earlier incident
    return any(
        h.definite
        and h.rule.refers_back
        and h.rule.kind.event_type == earlier.rule.kind.event_type
        and h is not hit
        for h in current.hits
    )


def _same_paragraph(a: Candidate, b: Candidate) -> bool:
    first, second = (a, b) if a.sent.start_char <= b.sent.start_char else (b, a)
    last = first.joined[-1] if first.joined else first.sent
    return "\n" not in text_of(a.sent.doc)[last.end_char : second.sent.start_char]


def _whole(out: list[Candidate], current: Candidate, rules: EventRules) -> Candidate | None:
    """The earlier event ``current`` is a part of (``joins`` of events.yaml)."""
    for join in rules.joins:
        if current.rule.id != join.rule:
            continue
        for earlier in reversed(out):
            if join.scope == "paragraph" and not _same_paragraph(earlier, current):
                break
            if earlier.rule.kind.event_type in join.event_types and not earlier.quoted:
                return earlier
    return None


def _distinct_dates(earlier: Candidate, current: Candidate, dates: list[DateMention]) -> bool:
    """Both sentences name a day or month of their own, and these differ."""

    def own(c: Candidate) -> Period | None:
        found = [
            d
            for d in dates
            if c.sent.start_char <= d.evidence.start < c.sent.end_char
            and d.kind not in ("duration", "since")
            and d.start is not None
        ]
        return Period(start=found[0].start, end=found[0].end) if found else None

    a, b = own(earlier), own(current)
    if a is None or b is None or a.start is None or b.start is None:
        return False
    a_end, b_end = a.end or a.start, b.end or b.start
    return b.start > a_end or a.start > b_end


def _definite(candidate: Candidate) -> bool:
    """A definite mention ("l'accident", "le sommet") refers back, whatever date it names."""
    return candidate.hit is not None and candidate.hit.definite


def join_candidates(
    candidates: list[Candidate], rules: EventRules, dates: list[DateMention] | None = None
) -> list[Candidate]:
    """Candidates after continuations, parts, quotations and restatements joined their event."""
    out: list[Candidate] = []
    for current in candidates:
        if out and _continues(out[-1], current, rules):
            out[-1].absorb(current, adjacent=True)
            continue
        whole = _whole(out, current, rules)
        if whole is not None:
            whole.absorb(current, adjacent=False)
            # arrests told after a protest make it a protest with intervention
            whole.rule = combine(rules, whole.rule, whole.hits, whole.counts)
            continue
        if current.quoted:
            kind = current.rule.kind.event_type
            said = next((c for c in reversed(out) if c.rule.kind.event_type == kind), None)
            if said is not None:
                said.absorb(current, adjacent=False)
                continue
        earlier = next(
            (
                c
                for c in reversed(out)
                if _restates(c, current)
                or (
                    _told_again(c, current)
                    and (_definite(current) or not _distinct_dates(c, current, dates or []))
                )
            ),
            None,
        )
        if earlier is not None:
            earlier.absorb(current, adjacent=False)
            continue
        out.append(current)
    return out


def same_incident(a: Event, b: Event, key_a: str, key_b: str) -> bool:
    """Two events that tell the same incident: type, named actor1 and trigger words agree."""
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    if a.actor1 is None or b.actor1 is None or a.actor1.name is None:
        return False
    if a.actor1.kind == "group" or a.actor1.name != b.actor1.name:
        return False
    return key_a == key_b != ""


def dedupe(events: list[tuple[Event, str, int]]) -> list[Event]:
    """Events with repeats folded into the mention whose trigger is most central.

    Each item is (event, trigger key, trigger depth).
    """
    kept: list[tuple[Event, str, int]] = []
    for event, key, depth in events:
        twin = next((i for i, k in enumerate(kept) if same_incident(k[0], event, k[1], key)), None)
        if twin is None:
            kept.append((event, key, depth))
            continue
        other, _, other_depth = kept[twin]
        primary, secondary = (event, other) if depth < other_depth else (other, event)
        merged = primary.model_copy(
            update={
                "count_ids": primary.count_ids
                + [c for c in secondary.count_ids if c not in primary.count_ids],
                "sources": primary.sources
                + [s for s in secondary.sources if s.name not in {p.name for p in primary.sources}],
            }
        )
        kept[twin] = (merged, key, min(depth, other_depth))
    kept.sort(key=lambda k: k[0].evidence.start)
    return [k[0] for k in kept]
