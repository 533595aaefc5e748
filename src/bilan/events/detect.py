"""Sentences → candidate events: the winning trigger of each sentence, or a count that is an event.

A sentence of the body is a candidate when it has a verb (headings such as "Pluie d'obus" are
not reports) and either a trigger of ``events.yaml`` or a count that makes an event on its own
(kidnapped, arrested, displaced…; killed or injured only with a known perpetrator or cause).

Triggers that set the scene (:func:`bilan.events.background.running`) are dropped; a trigger
inside a longer one of another rule yields to it ("grenades lacrymogènes" is no grenade
attack); a trigger that is the subject of a causative verb yields to its effect ("les combats
ont poussé des milliers d'habitants à fuir" is a displacement); and two triggers of the same
sentence may combine (``combinations``: arrests during a protest are the protest's
intervention). A count over a window longer than ``running.days`` is a tally, no event.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from bilan.events.background import prior, quoted, running
from bilan.events.rules import EventRules, Rule, TriggerHit, TriggerMatcher
from bilan.model import Count, Document

if TYPE_CHECKING:
    from spacy.tokens import Span


@dataclass
class Candidate:
    """One sentence that reports an event, and the sentences merged into it later."""

    index: int  # sentence number
    sent: Span
    rule: Rule
    hit: TriggerHit | None
    hits: list[TriggerHit]
    counts: list[Count]
    joined: list[Span] = field(default_factory=list)  # continuation sentences, in order
    last_index: int = -1
    prior: bool = False  # told in the pluperfect: an earlier incident
    quoted: bool = False  # inside a direct quotation

    def __post_init__(self) -> None:
        if self.last_index < 0:
            self.last_index = self.index

    @property
    def all_hits(self) -> list[TriggerHit]:
        return self.hits

    def absorb(self, other: Candidate, *, adjacent: bool) -> None:
        """Take in another sentence's triggers and counts (its evidence too when adjacent)."""
        self.hits = self.hits + other.hits
        self.counts = self.counts + [c for c in other.counts if c not in self.counts]
        if adjacent:
            self.joined.append(other.sent)
            self.joined.extend(other.joined)
            self.last_index = max(self.last_index, other.last_index)


def counts_in(doc: Document, sent: Span) -> list[Count]:
    return [c for c in doc.counts if sent.start_char <= c.evidence.start < sent.end_char]


def is_report(sent: Span) -> bool:
    """A sentence with a finite or infinitive verb (not a heading or a credit line)."""
    return any(t.pos_ in ("VERB", "AUX") for t in sent)


def count_rule(rules: EventRules, counts: list[Count]) -> Rule | None:
    """The rule a count makes on its own, or None when no count is an event by itself."""
    for count in counts:
        rule_id = rules.count_rules.get(count.category)
        if rule_id is None:
            continue
        if _aggregate(count, 1 if count.category in ("killed", "injured") else rules.running_days):
            continue  # "Depuis le 15 novembre, plus de 300 civils ont été tués": a toll
        if count.category in ("killed", "injured"):
            by_cause = rules.cause_rules.get(count.cause or "")
            if by_cause is not None:
                return rules.rules[by_cause]
            if count.perpetrator is None:
                continue
        return rules.rules[rule_id]
    return None


def _aggregate(count: Count, days: int) -> bool:
    """A count over more than ``days`` days (a running toll)."""
    period = count.period
    if period is None or period.start is None or period.end is None:
        return False
    return (period.end - period.start).days > days


def refine_by_cause(rules: EventRules, rule: Rule, counts: list[Count]) -> Rule:
    """A generic attack becomes shelling, air strike… when a count names its cause (never a
    disaster: "a ouvert le feu" is no fire)."""
    if rule.id not in ("assault", "attack"):
        return rule
    for count in counts:
        by_cause = rules.cause_rules.get(count.cause or "")
        if by_cause is None or by_cause == rule.id:
            continue
        if rules.rules[by_cause].kind.event_type != "disaster":
            return rules.rules[by_cause]
    return rule


def longest(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Hits without those lying inside a longer hit of another rule."""
    return [
        h
        for h in hits
        if not any(
            o.rule.id != h.rule.id
            and o.start <= h.start
            and h.end <= o.end
            and o.end - o.start > h.end - h.start
            for o in hits
        )
    ]


def demote_causes(hits: list[TriggerHit], sent: Span, rules: EventRules) -> list[TriggerHit]:
    """A trigger that is the subject of a causative verb yields to the effect it caused."""
    doc = sent.doc
    out = []
    for h in hits:
        token = doc[h.head]
        cause = (
            token.dep_.startswith("nsubj") and token.head.lemma_.lower() in rules.causative_verbs
        )
        out.append(replace(h, score=h.score - 2 * rules.depth_penalty) if cause else h)
    return sorted(out, key=lambda h: (-h.score, h.start))


def combine(rules: EventRules, rule: Rule, hits: list[TriggerHit], counts: list[Count]) -> Rule:
    """The kind two triggers (or a trigger and a count) make together (``combinations``)."""
    others = {h.rule.id for h in hits} - {rule.id}
    categories = {c.category for c in counts}
    for combination in rules.combinations:
        if rule.id in combination.when and (
            others & combination.with_ or categories & combination.with_counts
        ):
            return rules.rules[combination.becomes]
    return rule


def triggers(
    doc: Document, sent: Span, matcher: TriggerMatcher, rules: EventRules
) -> list[TriggerHit]:
    """The reported triggers of ``sent``, best first."""
    hits = [
        h for h in longest(matcher(sent)) if not running(sent.doc[h.head], h.rule, sent, doc, rules)
    ]
    return demote_causes(hits, sent, rules)


def detect(
    doc: Document, sents: list[Span], matcher: TriggerMatcher, rules: EventRules
) -> list[Candidate]:
    """Candidate events of the document, in text order, one per sentence at most."""
    out: list[Candidate] = []
    for index, sent in enumerate(sents):
        if not is_report(sent):
            continue
        hits = triggers(doc, sent, matcher, rules)
        counts = counts_in(doc, sent)
        if hits:
            rule: Rule | None = combine(
                rules, refine_by_cause(rules, hits[0].rule, counts), hits, counts
            )
            hit: TriggerHit | None = hits[0]
            start = sent.doc[hits[0].head].idx
            token = sent.doc[hits[0].head]
        else:
            rule, hit = count_rule(rules, counts), None
            first = _first_event_count(rules, counts)
            start = first.evidence.start if first is not None else sent.start_char
            span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
            token = span.root if span is not None else sent.root
        if rule is not None:
            candidate = Candidate(index, sent, rule, hit, hits, counts)
            candidate.prior = prior(token, sent)
            candidate.quoted = quoted(doc, start)
            out.append(candidate)
    return out


def _first_event_count(rules: EventRules, counts: list[Count]) -> Count | None:
    return next((c for c in counts if c.category in rules.count_rules), None)
