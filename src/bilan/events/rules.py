"""The typing rules of ``lang/fr/events.yaml`` as typed data, and the trigger matcher built on them.

Triggers are matched with spaCy's :class:`~spacy.matcher.Matcher`: each trigger phrase gives two
patterns, one on the lemmas of the phrase (as spaCy lemmatizes it) and one on its words as
written, with up to three auxiliaries, pronouns, adverbs or determiners allowed between words
("s'écraser" matches "s'est écrasé"). Only the patterns whose words a sentence holds run on it
(:mod:`bilan.events.anchors`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

from bilan.errors import ConfigError
from bilan.events.anchors import AnchorIndex
from bilan.events.reality import unreal
from bilan.lang.fr import load

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class EventKind:
    event_type: str
    sub_event_type: str | None


@dataclass(frozen=True)
class Rule:
    """One typing rule: its triggers make an event of ``kind``."""

    id: str
    kind: EventKind
    priority: float
    triggers: tuple[str, ...]
    example: str
    territory: bool = False
    refers_back: bool = False
    transitive_not: frozenset[str] = frozenset()
    against_forces: EventKind | None = None


@dataclass(frozen=True)
class Combination:
    """Two triggers in one sentence that make a third kind ("arrested during a protest")."""

    when: frozenset[str]  # the winning rule
    with_: frozenset[str]  # another trigger of the sentence
    becomes: str
    with_counts: frozenset[str] = frozenset()  # or a count of these categories


@dataclass(frozen=True)
class Join:
    """A later trigger of ``rule`` is part of an earlier event of ``event_types`` (within the
    same ``scope``: "paragraph" or "article"), not an event of its own."""

    rule: str
    event_types: frozenset[str]
    scope: str


@dataclass(frozen=True)
class EventRules:
    """Everything events.yaml says, validated."""

    rules: dict[str, Rule]
    depth_penalty: float
    gap_pos: tuple[str, ...]
    count_rules: dict[str, str]
    cause_rules: dict[str, str]
    fighter_groups: frozenset[str]
    strong_openers: tuple[str, ...]
    weak_openers: tuple[str, ...]
    locative: frozenset[str]
    negations: frozenset[str]
    irrealis_verbs: frozenset[str]
    purpose_marks: frozenset[str]
    definite: frozenset[str]
    generic_markers: frozenset[str]
    realis_verbs: frozenset[str]
    source_cues: tuple[str, ...]
    reporting_verbs: frozenset[str]
    source_types: frozenset[str]
    descriptive_only: frozenset[str] = frozenset()
    with_infinitive_not: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    modifier_not: frozenset[str] = frozenset()
    attack_heads: frozenset[str] = frozenset()
    since_words: frozenset[str] = frozenset()
    running_days: int = 14
    running_exempt: frozenset[str] = frozenset()
    tally_quantifiers: frozenset[str] = frozenset()
    window_phrases: tuple[str, ...] = ()
    reference_prepositions: frozenset[str] = frozenset()
    causative_verbs: frozenset[str] = frozenset()
    combinations: tuple[Combination, ...] = ()
    joins: tuple[Join, ...] = ()
    actor1_context: dict[str, frozenset[str]] = field(default_factory=dict)
    crowd_rules: frozenset[str] = frozenset()
    vague_fatalities: dict[int, int] = field(default_factory=dict)

    @classmethod
    def load(cls) -> EventRules:
        return cls.from_data(load("events"))

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> EventRules:
        rules = {r.id: r for r in (_rule(e) for e in data["rules"])}
        for table in ("counts", "causes"):
            unknown = sorted(set(data.get(table, {}).values()) - set(rules))
            if unknown:
                raise ConfigError(f"events.yaml `{table}` names unknown rules {unknown}")
        cont = data.get("continuation", {})
        return cls(
            rules=rules,
            depth_penalty=float(data.get("depth_penalty", 1.0)),
            gap_pos=tuple(data.get("gap_pos", ())),
            count_rules=dict(data.get("counts", {})),
            cause_rules=dict(data.get("causes", {})),
            fighter_groups=frozenset(data.get("fighter_groups", ())),
            strong_openers=tuple(cont.get("strong", ())),
            weak_openers=tuple(cont.get("weak", ())),
            locative=frozenset(data.get("locative_prepositions", ())),
            negations=frozenset(data.get("negations", ())),
            irrealis_verbs=frozenset(data.get("irrealis_verbs", ())),
            purpose_marks=frozenset(data.get("purpose_marks", ())),
            definite=frozenset(data.get("definite_determiners", ())),
            generic_markers=frozenset(data.get("generic_markers", ())),
            realis_verbs=frozenset(data.get("realis_verbs", ())),
            source_cues=tuple(data.get("source_cues", ())),
            reporting_verbs=frozenset(data.get("reporting_verbs", ())),
            source_types=frozenset(data.get("source_types", ())),
            descriptive_only=frozenset(data.get("descriptive_only", ())),
            with_infinitive_not=frozenset(data.get("with_infinitive_not", ())),
            occurrence_verbs=frozenset(data.get("occurrence_verbs", ())),
            modifier_not=frozenset(data.get("weapon_modifiers", {}).get("lemmas", ())),
            attack_heads=frozenset(data.get("weapon_modifiers", {}).get("attack_heads", ())),
            since_words=frozenset(data.get("running", {}).get("since_words", ())),
            running_days=int(data.get("running", {}).get("days", 14)),
            running_exempt=frozenset(data.get("running", {}).get("exempt", ())),
            tally_quantifiers=frozenset(data.get("tally_quantifiers", ())),
            window_phrases=tuple(data.get("running", {}).get("phrases", ())),
            reference_prepositions=frozenset(data.get("reference_prepositions", ())),
            causative_verbs=frozenset(data.get("causative_verbs", ())),
            combinations=tuple(_combination(c, rules) for c in data.get("combinations", ())),
            crowd_rules=frozenset(data.get("crowd_rules", ())),
            actor1_context={
                str(k): frozenset(v) for k, v in data.get("actor1_context", {}).items()
            },
            joins=tuple(
                Join(str(j["rule"]), frozenset(j["event_types"]), str(j.get("scope", "article")))
                for j in data.get("joins", ())
            ),
            vague_fatalities={int(k): int(v) for k, v in data.get("vague_fatalities", {}).items()},
        )


def _combination(entry: Mapping[str, Any], rules: Mapping[str, Rule]) -> Combination:
    named = [*entry.get("when", ()), *entry.get("with", ()), entry.get("becomes", "")]
    unknown = sorted(set(named) - set(rules))
    if unknown:
        raise ConfigError(f"events.yaml `combinations` names unknown rules {unknown}")
    return Combination(
        when=frozenset(entry["when"]),
        with_=frozenset(entry["with"]),
        becomes=entry["becomes"],
        with_counts=frozenset(entry.get("with_counts", ())),
    )


def _kind(data: Mapping[str, Any]) -> EventKind:
    return EventKind(str(data["event_type"]), data.get("sub_event_type"))


def _rule(entry: Mapping[str, Any]) -> Rule:
    try:
        forces = entry.get("against_forces")
        return Rule(
            id=str(entry["id"]),
            kind=_kind(entry),
            priority=float(entry["priority"]),
            triggers=tuple(str(t) for t in entry["triggers"]),
            example=str(entry.get("example", "")),
            territory=bool(entry.get("territory", False)),
            refers_back=bool(entry.get("refers_back", False)),
            transitive_not=frozenset(entry.get("transitive_not", ())),
            against_forces=_kind(forces) if forces else None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"events.yaml rule {entry.get('id')!r} is malformed: {exc}") from exc


@dataclass(frozen=True)
class TriggerHit:
    """A trigger found in a sentence: the rule, its tokens and how central it is."""

    rule: Rule
    start: int  # token indices in the Doc
    end: int
    head: int  # the token of the match closest to the root
    depth: int
    score: float
    key: str  # rule and head lemma, to recognize the same trigger told twice
    lemma: str  # lemmas of the trigger words ("tir de roquette")
    definite: bool  # a noun with a definite or demonstrative determiner ("l'incendie")


def depth(token: Token, sent: Span | None = None) -> int:
    """Steps from ``token`` up to its root, or up to the edge of ``sent`` when given."""
    steps = 0
    while token.head.i != token.i and steps < 50:
        if sent is not None and not sent.start <= token.head.i < sent.end:
            break
        token = token.head
        steps += 1
    return steps


class TriggerMatcher:
    """Finds the triggers of every rule in a sentence (built once per pipeline).

    The patterns that may match a sentence (:class:`~bilan.events.anchors.AnchorIndex`) run in a
    Matcher built for that set of patterns and kept for the next sentence that needs it.
    """

    #: how many sub-matchers to keep (one per set of patterns met, least recent dropped)
    CACHE_SIZE: ClassVar[int] = 4096

    def __init__(self, rules: EventRules, nlp: Language) -> None:
        self.rules = rules
        self.vocab = nlp.vocab
        self.patterns: dict[str, list[list[dict[str, Any]]]] = {}
        gap = {"POS": {"IN": list(rules.gap_pos)}, "OP": "{0,3}"}
        phrases = [(rule, t) for rule in rules.rules.values() for t in rule.triggers]
        parsed = nlp.pipe(t for _, t in phrases)
        wide = {"OP": "{0,6}"}
        for (rule, _), doc in zip(phrases, parsed, strict=True):
            # a one-word trigger is no adjective ("des gestes déplacés"); a capitalized proper
            # noun is a name ("Libération" the newspaper), a lower-case one is a tagging slip
            # ("l'ouragan Sandy")
            adj = [] if len(doc) > 1 else ["ADJ"]
            words = [t for t in doc if t.text != "…"]
            gaps = [wide if doc[t.i - 1].text == "…" else gap for t in words[1:]] if words else []
            patterns = self.patterns.setdefault(rule.id, [])
            for extra in (
                {"POS": {"NOT_IN": ["PROPN", *adj]}},
                {"IS_LOWER": True, "POS": {"NOT_IN": adj}},
            ):
                patterns.append(
                    _pattern([{"LEMMA": {"IN": _cases(t.lemma_)}, **extra} for t in words], gaps)
                )
                patterns.append(_pattern([{"LOWER": t.lower_, **extra} for t in words], gaps))
        #: every pattern with its rule, in the order of one Matcher holding them all
        self.flat = [(rule_id, p) for rule_id, ps in self.patterns.items() for p in ps]
        self.anchors = AnchorIndex.build([p for _, p in self.flat], nlp.vocab.strings)
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        self.matcher_for(tuple(range(len(self.flat))))  # validates every pattern now
        self._matchers.clear()

    def matcher_for(self, indices: tuple[int, ...]) -> Matcher:
        """A Matcher with the patterns ``indices`` of :attr:`flat` only, in their order (the
        ``CACHE_SIZE`` most recently used are kept)."""
        matcher = self._matchers.pop(indices, None)
        if matcher is None:
            from spacy.matcher import Matcher

            if len(self._matchers) >= self.CACHE_SIZE:
                self._matchers.pop(next(iter(self._matchers)), None)
            matcher = Matcher(self.vocab)
            for rule_id, run in groupby((self.flat[i] for i in indices), key=itemgetter(0)):
                matcher.add(rule_id, [p for _, p in run])
        self._matchers[indices] = matcher
        return matcher

    def matches(self, sent: Span) -> list[tuple[int, int, int]]:
        """``(rule id hash, start, end)`` in ``sent``, as one Matcher of every rule gives them."""
        candidates = self.anchors.candidates(sent)
        if not candidates:
            return []
        return self.matcher_for(candidates)(sent)

    def __call__(self, sent: Span) -> list[TriggerHit]:
        hits: dict[tuple[str, int], TriggerHit] = {}
        doc = sent.doc
        for match_id, start, end in self.matches(sent):
            rule = self.rules.rules[doc.vocab.strings[match_id]]
            tokens = sent[start:end]
            head = min(tokens, key=lambda t: depth(t, sent))
            if self.unreal(head, rule, sent):
                continue
            level = depth(head, sent)
            hit = TriggerHit(
                rule=rule,
                start=tokens.start,
                end=tokens.end,
                head=head.i,
                depth=level,
                score=rule.priority - self.rules.depth_penalty * level,
                key=f"{rule.id}:{head.lemma_.lower()}",
                lemma=" ".join(
                    t.lemma_.lower() for t in tokens if t.pos_ not in self.rules.gap_pos
                ),
                definite=head.pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ in self.rules.definite for c in head.children),
            )
            previous = hits.get((rule.id, head.i))
            if previous is None or hit.end - hit.start > previous.end - previous.start:
                hits[(rule.id, head.i)] = hit
        return sorted(hits.values(), key=lambda h: (-h.score, h.start))

    def unreal(self, token: Token, rule: Rule, sent: Span | None = None) -> bool:
        """The trigger is negated, wanted, planned or future rather than reported."""
        return unreal(token, rule, self.rules, sent)


def _cases(lemma: str) -> list[str]:
    return sorted({lemma, lemma.lower(), lemma.capitalize()})


def _pattern(words: list[dict[str, Any]], gaps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Token patterns for ``words`` with ``gaps[i]`` between word i and word i + 1."""
    out: list[dict[str, Any]] = []
    for i, word in enumerate(words):
        if i:
            out.append(gaps[i - 1])
        out.append(word)
    return out
