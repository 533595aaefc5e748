"""A spaCy Matcher that runs, on each text, only the patterns whose words the text holds.

spaCy's :class:`~spacy.matcher.Matcher` tries every pattern at every token, and each set or
regex test of a pattern's first word (``{"LEMMA": {"IN": …}}``, ``{"LOWER": {"REGEX": …}}``) is a
Python predicate called once per token: with the 1,000-odd trigger patterns of ``events.yaml``
that was most of the pipeline's time after the parse. A pattern can only match a text that
holds, for each of its mandatory words, a token with one of the word's lemmas or forms (or a
form the word's regex accepts). :class:`AnchorIndex` reads these requirements from the patterns
themselves; :class:`AnchoredMatcher` finds, per text, the patterns whose every requirement is
met and runs a Matcher built with only those, in their order (built once per set of patterns
and kept).

The result is exactly that of one Matcher holding every pattern, matches in the same order: the
Matcher's states never interact across patterns, the patterns left out cannot match, and the
others keep their relative order (tests/test_anchored.py checks it against spaCy's Matcher).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar, cast

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

Pattern = list[dict[str, Any]]

#: how many distinct forms keep their regex verdicts before the memo starts again
FORM_MEMO_SIZE = 200_000


@dataclass(frozen=True)
class _Group:
    """The patterns (indices) that put the same requirements (ids) on a text."""

    needs: frozenset[int]
    patterns: tuple[int, ...]


@dataclass
class AnchorIndex:
    """Requirement ids by lemma and by lower-case form (string hashes), regex requirements on
    the lower-case form, and pattern groups by the requirement looked at first."""

    strings: StringStore
    by_lemma: dict[int, list[int]] = field(default_factory=dict)
    by_lower: dict[int, list[int]] = field(default_factory=dict)
    regexes: list[tuple[re.Pattern[str], int]] = field(default_factory=list)
    by_need: dict[int, list[_Group]] = field(default_factory=dict)
    always: tuple[int, ...] = ()  # patterns that need no specific word
    _forms: dict[int, tuple[int, ...]] = field(default_factory=dict, repr=False)
    #: the last document and the requirements each of its tokens meets (sentences come in turn)
    _last: tuple[Doc, list[tuple[int, ...]]] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, patterns: Sequence[Pattern], strings: StringStore) -> AnchorIndex:
        index = cls(strings)
        ids: dict[tuple[str, Any], int] = {}
        groups: dict[frozenset[int], list[int]] = {}
        for n, pattern in enumerate(patterns):
            needs = frozenset(index._need(spec, ids) for spec in _words(pattern)) - {-1}
            groups.setdefault(needs, []).append(n)
        index.always = tuple(groups.pop(frozenset(), ()))
        # a group is looked at when its least shared requirement is met ("roquette", not "de")
        shared = Counter(need for needs in groups for need in needs)
        for needs, members in groups.items():
            anchor = min(needs, key=lambda n: (shared[n], n))
            index.by_need.setdefault(anchor, []).append(_Group(needs, tuple(members)))
        return index

    def _need(self, spec: Mapping[str, Any], ids: dict[tuple[str, Any], int]) -> int:
        """The id of what a word spec needs (-1 when it needs no specific word)."""
        for attr, table in (("LEMMA", self.by_lemma), ("LOWER", self.by_lower)):
            value = spec.get(attr)
            if isinstance(value, Mapping) and "IN" in value:
                values: frozenset[str] = frozenset(value["IN"])
            elif isinstance(value, str):
                values = frozenset([value])
            elif attr == "LOWER" and isinstance(value, Mapping) and "REGEX" in value:
                return self._regex_need(str(value["REGEX"]), ids)
            else:
                continue
            key = (attr, values)
            if key not in ids:
                ids[key] = len(ids)
                for v in values:
                    table.setdefault(self.strings.add(v), []).append(ids[key])
            return ids[key]
        return -1

    def _regex_need(self, regex: str, ids: dict[tuple[str, Any], int]) -> int:
        key = ("REGEX", regex)
        if key not in ids:
            ids[key] = len(ids)
            self.regexes.append((re.compile(regex), ids[key]))
        return ids[key]

    def candidates(self, doclike: Doc | Span) -> tuple[int, ...]:
        """The patterns (indices, in order) that may match ``doclike``; empty when none can."""
        from spacy.tokens import Span

        if isinstance(doclike, Span):
            met = self._met(doclike.doc)[doclike.start : doclike.end]
        else:
            met = self._met(doclike)
        present: set[int] = set()
        for needs in met:
            present.update(needs)
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

        rows = cast("list[list[int]]", doc.to_array([LEMMA, LOWER]).reshape(-1, 2).tolist())
        empty: list[int] = []
        met: list[tuple[int, ...]] = []
        for lemma, lower in rows:
            a, b = self.by_lemma.get(lemma, empty), self.by_lower.get(lower, empty)
            c = self._form(lower) if self.regexes else ()
            met.append((*a, *b, *c) if a or b or c else ())
        self._last = (doc, met)
        return met

    def _form(self, lower: int) -> tuple[int, ...]:
        """The regex requirements a lower-case form meets (memoized by form)."""
        found = self._forms.get(lower)
        if found is None:
            if len(self._forms) >= FORM_MEMO_SIZE:
                self._forms.clear()
            text = self.strings[lower]
            found = tuple(need for regex, need in self.regexes if regex.search(text))
            self._forms[lower] = found
        return found


class AnchoredMatcher:
    """Matches ``(key, pattern)`` pairs like one spaCy Matcher holding them in that order.

    >>> matcher = AnchoredMatcher(nlp.vocab, [("siege", [{"LOWER": "assiégée"}])])  # doctest: +SKIP
    >>> matcher(doc)  # [(match_id, start, end), …] as Matcher(doc) gives them   # doctest: +SKIP
    """

    #: how many sub-matchers to keep (one per set of patterns met, least recent dropped)
    CACHE_SIZE: ClassVar[int] = 4096

    def __init__(self, vocab: Vocab, patterns: Sequence[tuple[str, Pattern]]) -> None:
        self.vocab = vocab
        self.patterns = list(patterns)
        self.index = AnchorIndex.build([p for _, p in self.patterns], vocab.strings)
        self._matchers: dict[tuple[int, ...], Matcher] = {}
        self.matcher_for(tuple(range(len(self.patterns))))  # validates every pattern now
        self._matchers.clear()

    def __call__(self, doclike: Doc | Span) -> list[tuple[int, int, int]]:
        """``(key hash, start, end)`` as spaCy's Matcher gives them (offsets into ``doclike``)."""
        indices = self.index.candidates(doclike)
        if not indices:
            return []
        return cast("list[tuple[int, int, int]]", self.matcher_for(indices)(doclike))

    def matcher_for(self, indices: tuple[int, ...]) -> Matcher:
        """A Matcher with the patterns ``indices`` only, in their order (the ``CACHE_SIZE`` most
        recently used are kept: a few milliseconds to build)."""
        matcher = self._matchers.pop(indices, None)
        if matcher is None:
            from spacy.matcher import Matcher

            if len(self._matchers) >= self.CACHE_SIZE:
                self._matchers.pop(next(iter(self._matchers)), None)
            matcher = Matcher(self.vocab)
            for key, run in groupby((self.patterns[i] for i in indices), key=itemgetter(0)):
                matcher.add(key, [p for _, p in run])
        self._matchers[indices] = matcher
        return matcher


def _words(pattern: Pattern) -> list[dict[str, Any]]:
    """The token specs of a pattern that must match a token (not optional gaps nor negations)."""
    return [spec for spec in pattern if spec.get("OP") in (None, "+")]
