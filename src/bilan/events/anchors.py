"""Which trigger rules can match a sentence at all, from a set look-up of the words it holds.

spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every token, and each
``{"LEMMA": {"IN": …}}`` of a pattern's first word is a Python predicate called once per token:
with the 1,000-odd patterns of ``events.yaml`` that was most of the events stage's time. A
pattern can only match a sentence that holds, for each of its words, a token with one of the
word's lemmas or its lower-case form (the gaps between words are optional). :class:`AnchorIndex`
reads these requirements from the patterns themselves and answers, per sentence, the rules with
at least one pattern whose every word is present, with one dictionary look-up per token.

A Matcher built with only those rules returns exactly the matches, in the same order, of the
Matcher with every rule: the Matcher's states never interact across patterns, the other rules
cannot match, and the sub-matcher keeps the rules' order (tests/test_events_anchors.py checks
it against the full Matcher on real sentences).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Span

Pattern = list[dict[str, Any]]


@dataclass(frozen=True)
class _Needs:
    """One pattern: its rule's rank and the requirements (ids) all its words put on a sentence."""

    rank: int
    needs: frozenset[int]


@dataclass
class AnchorIndex:
    """Requirement ids by lemma and by lower-case form (as string hashes), patterns by need."""

    rules: tuple[str, ...]
    by_lemma: dict[int, list[int]] = field(default_factory=dict)
    by_lower: dict[int, list[int]] = field(default_factory=dict)
    by_need: dict[int, list[_Needs]] = field(default_factory=dict)
    always: frozenset[int] = frozenset()  # ranks of rules with a pattern that needs no word

    @classmethod
    def build(cls, patterns: Mapping[str, Sequence[Pattern]], strings: StringStore) -> AnchorIndex:
        index = cls(rules=tuple(patterns))
        ids: dict[tuple[str, frozenset[str]], int] = {}
        always: set[int] = set()
        for rank, rule_patterns in enumerate(patterns.values()):
            for pattern in rule_patterns:
                needs = frozenset(index._need(spec, ids, strings) for spec in _words(pattern))
                needs -= {-1}
                if not needs:
                    always.add(rank)
                for need in needs:
                    index.by_need.setdefault(need, []).append(_Needs(rank, needs))
        index.always = frozenset(always)
        return index

    def _need(
        self, spec: Mapping[str, Any], ids: dict[tuple[str, frozenset[str]], int], strings: Any
    ) -> int:
        """The id of what a word spec needs (-1 when it needs no specific word)."""
        lemma = spec.get("LEMMA")
        if isinstance(lemma, Mapping) and "IN" in lemma:
            attr, values, table = "LEMMA", frozenset(lemma["IN"]), self.by_lemma
        elif isinstance(lemma, str):
            attr, values, table = "LEMMA", frozenset([lemma]), self.by_lemma
        elif isinstance(spec.get("LOWER"), str):
            attr, values, table = "LOWER", frozenset([spec["LOWER"]]), self.by_lower
        else:
            return -1
        key = (attr, values)
        if key not in ids:
            ids[key] = len(ids)
            for value in values:
                table.setdefault(strings.add(value), []).append(ids[key])
        return ids[key]

    def candidates(self, sent: Span) -> tuple[str, ...]:
        """The rules (in their order) that may match ``sent``; empty when none can."""
        present: set[int] = set()
        by_lemma, by_lower = self.by_lemma, self.by_lower
        for token in sent:
            found = by_lemma.get(token.lemma)
            if found:
                present.update(found)
            found = by_lower.get(token.lower)
            if found:
                present.update(found)
        ranks = set(self.always)
        for need in present:
            for pattern in self.by_need[need]:
                if pattern.rank not in ranks and pattern.needs <= present:
                    ranks.add(pattern.rank)
        return tuple(self.rules[r] for r in sorted(ranks))


def _words(pattern: Pattern) -> list[dict[str, Any]]:
    """The token specs of a pattern that must match a token (not optional gaps nor negations)."""
    return [spec for spec in pattern if spec.get("OP") in (None, "+")]
