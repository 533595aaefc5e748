"""Reading French numbers: digits with French separators, words, approximations, vague amounts.

:func:`read_numbers` finds every number expression of a text and returns
:class:`~bilan.model.NumberMention` records (value or low/high, qualifier, evidence), before any
decision about whether they count people. Written numbers go through text2num (the library
reads "quatre-vingt-dix" or "deux cents"); only what text2num does not do is written here:
French digit grouping ("250.000", "50 000"), multipliers after digits ("1,5 million"),
approximation nouns ("une dizaine"), vague amounts with the bounds of GOLD.md, qualifiers and
ranges. Every pattern is data in ``lang/fr/numbers.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from text_to_num import text2num

from bilan.lang import fr
from bilan.model import Evidence, NumberMention
from bilan.model.vocab import Qualifier

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class _Raw:
    """A number expression before qualifiers: span, numbers and its own qualifier."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"


@dataclass(frozen=True)
class NumberPatterns:
    """The compiled patterns of numbers.yaml."""

    digits: re.Pattern[str]
    words: re.Pattern[str]
    multiplier: re.Pattern[str]
    multipliers: dict[str, int]
    lone_skipped: frozenset[str]
    approximation: re.Pattern[str]
    approximations: dict[str, int]
    vague: re.Pattern[str]
    vague_ranges: dict[str, tuple[int, int]]
    vague_few: re.Pattern[str]
    vague_few_range: tuple[int, int]
    before: tuple[tuple[Qualifier, re.Pattern[str]], ...]
    after: tuple[tuple[Qualifier, re.Pattern[str]], ...]
    range_between: re.Pattern[str]
    range_needs_entre: str
    range_entre: re.Pattern[str]


@cache
def patterns() -> NumberPatterns:
    data = fr.load("numbers")
    flags = re.IGNORECASE
    word = "|".join(sorted((re.escape(w) for w in data["number_words"]), key=len, reverse=True))
    joiner = data["word_joiner"]
    words = re.compile(rf"\b(?:{word})(?:{joiner}(?:{word}))*\b", flags)
    return NumberPatterns(
        digits=re.compile(data["digits"]),
        words=words,
        multiplier=re.compile(data["multiplier"], flags),
        multipliers={k: int(v) for k, v in data["multipliers"].items()},
        lone_skipped=frozenset(data["lone_words_skipped"]),
        approximation=re.compile(data["approximation"], flags),
        approximations={k: int(v) for k, v in data["approximations"].items()},
        vague=re.compile(data["vague"], flags),
        vague_ranges={k: (int(v[0]), int(v[1])) for k, v in data["vague_ranges"].items()},
        vague_few=re.compile(data["vague_few"], flags),
        vague_few_range=(int(data["vague_few_range"][0]), int(data["vague_few_range"][1])),
        before=tuple((q["name"], re.compile(q["regex"], flags)) for q in data["qualifiers_before"]),
        after=tuple((q["name"], re.compile(q["regex"], flags)) for q in data["qualifiers_after"]),
        range_between=re.compile(data["range_between"], flags),
        range_needs_entre=data["range_needs_entre"],
        range_entre=re.compile(data["range_entre"], flags),
    )


def parse_digits(text: str) -> float:
    """ "250.000" → 250000, "50 000" → 50000, "1,5" → 1.5."""
    integer, _, decimals = text.partition(",")
    integer = re.sub(r"[.\s\u00a0\u202f]", "", integer)
    return float(f"{integer}.{decimals}") if decimals else float(integer)


def _with_multiplier(text: str, end: int, value: float, pats: NumberPatterns) -> tuple[int, float]:
    match = pats.multiplier.match(text, end)
    if match is None:
        return end, value
    return match.end(), value * pats.multipliers[match.group(1).lower()]


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


def _vague_amounts(text: str, pats: NumberPatterns) -> list[_Raw]:
    found: list[_Raw] = []
    for m in pats.vague.finditer(text):
        key = m.group(1).lower() + (f" {m.group(2).lower()}" if m.group(2) else "")
        low, high = pats.vague_ranges[key]
        found.append(_Raw(m.start(), m.end(), None, float(low), float(high), "vague"))
    for m in pats.approximation.finditer(text):
        value = float(pats.approximations[m.group(1).lower()])
        found.append(_Raw(m.start(), m.end(), value, qualifier="about"))
    return found


def _plain_numbers(text: str, pats: NumberPatterns, taken: list[tuple[int, int]]) -> list[_Raw]:
    found: list[_Raw] = []
    for m in pats.digits.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        end, value = _with_multiplier(text, m.end(), parse_digits(m.group()), pats)
        found.append(_Raw(m.start(), end, value))
    # "1,4 million": the multiplier belongs to the digits, it is no number of its own
    taken = taken + [(r.start, r.end) for r in found]
    for m in pats.words.finditer(text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        if m.group().lower() in pats.lone_skipped and not pats.multiplier.match(text, m.end()):
            continue  # "un" alone is an article, but "un million" is a number
        try:
            value = float(text2num(m.group().lower().replace("\u202f", " "), "fr"))
        except ValueError:
            continue  # a sequence text2num rejects ("un un") is not a number
        end, value = _with_multiplier(text, m.end(), value, pats)
        found.append(_Raw(m.start(), end, value))
    return found


def _few_amounts(text: str, pats: NumberPatterns, taken: list[tuple[int, int]]) -> list[_Raw]:
    low, high = pats.vague_few_range
    return [
        _Raw(m.start(), m.end(), None, float(low), float(high), "vague")
        for m in pats.vague_few.finditer(text)
        if not _overlaps(m.start(), m.end(), taken)
    ]


def _qualify(text: str, raw: _Raw, pats: NumberPatterns) -> _Raw:
    """Extend the span over a qualifier written before or after the number."""
    if raw.qualifier == "vague":
        return raw
    window = text[max(0, raw.start - 40) : raw.start]
    for name, pattern in pats.before:
        match = pattern.search(window)
        if match:
            start = raw.start - (len(window) - match.start())
            return _Raw(start, raw.end, raw.value, raw.low, raw.high, name)
    for name, pattern in pats.after:
        if pattern.match(text, raw.end):
            return _Raw(raw.start, raw.end, raw.value, raw.low, raw.high, name)
    return raw


def _join_ranges(text: str, raws: list[_Raw], pats: NumberPatterns) -> list[_Raw]:
    """ "entre 20 et 30", "de 20 à 30", "20 à 30" → one range mention."""
    joined: list[_Raw] = []
    i = 0
    while i < len(raws):
        first = raws[i]
        if i + 1 < len(raws) and first.value is not None and first.qualifier == "exact":
            second = raws[i + 1]
            between = text[first.end : second.start]
            joiner = pats.range_between.match(between)
            entre = pats.range_entre.search(text[max(0, first.start - 10) : first.start])
            needs_entre = between.strip().lower() == pats.range_needs_entre
            if joiner and second.value is not None and (entre or not needs_entre):
                start = first.start - (len(entre.group()) if entre else 0)
                low, high = sorted((first.value, second.value))
                joined.append(_Raw(start, second.end, None, low, high, "range"))
                i += 2
                continue
        joined.append(first)
        i += 1
    return joined


def read_raw(text: str) -> list[_Raw]:
    pats = patterns()
    vague = _vague_amounts(text, pats)
    taken = [(r.start, r.end) for r in vague]
    plain = _plain_numbers(text, pats, taken)
    taken += [(r.start, r.end) for r in plain]
    raws = sorted(vague + plain + _few_amounts(text, pats, taken), key=lambda r: r.start)
    return [_qualify(text, r, pats) for r in _join_ranges(text, raws, pats)]


def _head_token(spacy_doc: Doc | None, start: int, end: int) -> int | None:
    """Index of the last token of the number expression (the one the counted noun follows)."""
    if spacy_doc is None:
        return None
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    return span[-1].i if span is not None and len(span) else None


def read_numbers(text: str, spacy_doc: Doc | None = None) -> list[NumberMention]:
    """Every number expression of ``text`` in text order.

    >>> [(m.value, m.qualifier) for m in read_numbers("plus de 50.000 ont fui")]
    [(50000.0, 'more_than')]
    """
    mentions: list[NumberMention] = []
    for raw in read_raw(text):
        low = raw.low if raw.low is not None else raw.value
        mentions.append(
            NumberMention(
                value=raw.value,
                low=low,
                high=raw.high,
                qualifier=raw.qualifier,
                evidence=Evidence.of(text, raw.start, raw.end),
                head_token=_head_token(spacy_doc, raw.start, raw.end),
            )
        )
    return mentions
