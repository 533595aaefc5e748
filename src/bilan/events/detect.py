"""Sentences → candidate events: the winning trigger of each sentence, or a count that is an event.

A sentence of the body is a candidate when it has a verb (headings such as "Pluie d'obus" are
not reports) and either a trigger of ``events.yaml`` or a count that makes an event on its own
(kidnapped, arrested, displaced…; killed or injured only with a known perpetrator or cause).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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
        if count.category in ("killed", "injured"):
            if _aggregate(count):
                continue  # "Depuis le 15 novembre, plus de 300 civils ont été tués": a toll
            by_cause = rules.cause_rules.get(count.cause or "")
            if by_cause is not None:
                return rules.rules[by_cause]
            if count.perpetrator is None:
                continue
        return rules.rules[rule_id]
    return None


def _aggregate(count: Count) -> bool:
    """A count over several days (a running toll)."""
    period = count.period
    if period is None or period.start is None or period.end is None:
        return False
    return (period.end - period.start).days > 1


def refine_by_cause(rules: EventRules, rule: Rule, counts: list[Count]) -> Rule:
    """A generic attack becomes shelling, air strike… when a count names its cause."""
    if rule.id not in ("assault", "attack"):
        return rule
    for count in counts:
        by_cause = rules.cause_rules.get(count.cause or "")
        if by_cause is not None and by_cause != rule.id:
            return rules.rules[by_cause]
    return rule


def detect(
    doc: Document, sents: list[Span], matcher: TriggerMatcher, rules: EventRules
) -> list[Candidate]:
    """Candidate events of the document, in text order, one per sentence at most."""
    out: list[Candidate] = []
    for index, sent in enumerate(sents):
        if not is_report(sent):
            continue
        hits = matcher(sent)
        counts = counts_in(doc, sent)
        if hits:
            rule: Rule | None = refine_by_cause(rules, hits[0].rule, counts)
            hit: TriggerHit | None = hits[0]
        else:
            rule, hit = count_rule(rules, counts), None
        if rule is not None:
            out.append(Candidate(index, sent, rule, hit, hits, counts))
    return out
