"""Which trigger patterns can match a sentence at all, from a look-up of the words it holds.

spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every token, and each
``{"LEMMA": {"IN": …}}`` of a pattern's first word is a Python predicate called once per token:
with the 1,000-odd patterns of ``events.yaml`` that was most of the events stage's time. A
pattern can only match a sentence that holds, for each of its words, a token with one of the
word's lemmas or its lower-case form (the gaps between words are optional). :class:`AnchorIndex`
reads these requirements from the patterns themselves and answers, per sentence, the patterns
whose every word is present; the tokens that hold any word of any pattern are found once per
document.

A Matcher built with only those patterns, in their order, returns exactly the matches, in the
same order, of the Matcher with every pattern: the Matcher's states never interact across
patterns, and the patterns left out cannot match (tests/test_events_anchors.py checks it against
the full Matcher on real sentences).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span

Pattern = list[dict[str, Any]]


@dataclass(frozen=True)
class _Group:
    """The patterns (indices) that put the same requirements (ids) on a sentence."""

    needs: frozenset[int]
    patterns: tuple[int, ...]


@dataclass
class AnchorIndex:
    """Requirement ids by lemma and by lower-case form (string hashes); pattern groups by the
    requirement that is looked at first."""

    by_lemma: dict[int, list[int]] = field(default_factory=dict)
    by_lower: dict[int, list[int]] = field(default_factory=dict)
    by_need: dict[int, list[_Group]] = field(default_factory=dict)
    always: tuple[int, ...] = ()  # patterns that need no specific word
    #: the last document and the requirements each of its tokens meets (sentences come in turn)
    _last: tuple[Doc, list[tuple[int, ...]]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, patterns: Sequence[Pattern], strings: StringStore) -> AnchorIndex:
        index = cls()
        ids: dict[tuple[str, frozenset[str]], int] = {}
        groups: dict[frozenset[int], list[int]] = {}
        for n, pattern in enumerate(patterns):
            needs = frozenset(index._need(spec, ids, strings) for spec in _words(pattern)) - {-1}
            groups.setdefault(needs, []).append(n)
        index.always = tuple(groups.pop(frozenset(), ()))
        # a group is looked at when its least shared requirement is met ("roquette", not "de")
        shared = Counter(need for needs in groups for need in needs)
        for needs, members in groups.items():
            anchor = min(needs, key=lambda n: (shared[n], n))
            index.by_need.setdefault(anchor, []).append(_Group(needs, tuple(members)))
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

    def candidates(self, sent: Span) -> tuple[int, ...]:
        """The patterns (indices, in order) that may match ``sent``; empty when none can."""
        met = self._met(sent.doc)
        present: set[int] = set()
        for i in range(sent.start, sent.end):
            present.update(met[i])
        found = list(self.always)
        for need in present:
            for group in self.by_need.get(need, ()):
                if group.needs <= present:
                    found.extend(group.patterns)
        return tuple(sorted(found))

    def _met(self, doc: Doc) -> list[tuple[int, ...]]:
        """The requirements each token of ``doc`` meets (computed once per document)."""
        last = self._last
        if last is not None and last[0] is doc:
            return last[1]
        from spacy.attrs import LEMMA, LOWER

        met: list[tuple[int, ...]] = []
        empty: list[int] = []
        rows = cast("list[list[int]]", doc.to_array([LEMMA, LOWER]).reshape(-1, 2).tolist())
        for lemma, lower in rows:
            a, b = self.by_lemma.get(lemma, empty), self.by_lower.get(lower, empty)
            met.append((*a, *b) if a or b else ())
        self._last = (doc, met)
        return met


def _words(pattern: Pattern) -> list[dict[str, Any]]:
    """The token specs of a pattern that must match a token (not optional gaps nor negations)."""
    return [spec for spec in pattern if spec.get("OP") in (None, "+")]
