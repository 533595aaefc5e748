"""Finding gold strings in the article text, and the quotation that encloses a gold quote.

Rules (GOLD.md and the annotators' notes):
- an anchor is a verbatim substring; entries with the same anchor take its successive
  occurrences in text order (the last occurrence is reused when there are more entries than
  occurrences, e.g. one phrase annotated as two categories);
- a gold quote takes first the occurrences that open a quotation (only spaces between the
  opening mark and the text), then the others, so that a short quote repeated inside a longer
  one is found where it is quoted on its own;
- the gold quote span is the whole quotation that contains the gold text, from just inside its
  opening mark to just inside its closing mark, spaces trimmed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from functools import cache

from bilan.lang.fr import load

Span = tuple[int, int]


@cache
def quote_pairs() -> dict[str, str]:
    """Opening mark → closing mark (lang/fr/evaluation.yaml)."""
    return dict(load("evaluation")["quote_pairs"])


def quote_marks() -> frozenset[str]:
    pairs = quote_pairs()
    return frozenset(pairs) | frozenset(pairs.values())


def occurrences(text: str, needle: str) -> list[int]:
    out: list[int] = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _assign(
    text: str, needles: list[str], what: str, order: dict[str, list[int]] | None = None
) -> list[Span]:
    seen: dict[str, int] = defaultdict(int)
    spans: list[Span] = []
    for i, needle in enumerate(needles):
        found = order[needle] if order is not None else occurrences(text, needle)
        if not found:
            raise ValueError(f"{what} {i} {needle!r} is not a verbatim substring of the text")
        k = min(seen[needle], len(found) - 1)
        seen[needle] += 1
        spans.append((found[k], found[k] + len(needle)))
    return spans


def locate_anchors(text: str, anchors: list[str], what: str) -> list[Span]:
    """Spans of the anchors; identical anchors take successive occurrences."""
    return _assign(text, anchors, what)


def opens_quotation(text: str, start: int) -> bool:
    """True when only spaces separate ``start`` from an opening quotation mark before it."""
    i = start - 1
    while i >= 0 and text[i] in " \u00a0\u202f\t":
        i -= 1
    return i >= 0 and text[i] in quote_pairs()


def locate_quotes(text: str, quotes: list[str]) -> list[Span]:
    """Spans of the gold quote texts, preferring occurrences that open a quotation."""
    order: dict[str, list[int]] = {}
    for q in set(quotes):
        found = occurrences(text, q)
        order[q] = [i for i in found if opens_quotation(text, i)] + [
            i for i in found if not opens_quotation(text, i)
        ]
    return _assign(text, quotes, "quote", order)


def _line_bounds(text: str, start: int, end: int) -> Span:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _opening_marks(text: str, start: int, line_start: int) -> Iterator[int]:
    """Indexes of the marks that may open the quotation around ``start``, nearest first."""
    pairs = quote_pairs()
    closers = {c: o for o, c in pairs.items() if c != o}
    depth: dict[str, int] = defaultdict(int)
    for i in range(start - 1, line_start - 1, -1):
        ch = text[i]
        if ch in pairs and pairs[ch] == ch:  # symmetric mark: opens when it is the odd one
            if text.count(ch, line_start, i) % 2 == 0:
                yield i
        elif ch in pairs:
            if depth[ch]:
                depth[ch] -= 1
            else:
                yield i
        elif ch in closers:
            depth[closers[ch]] += 1


def _closing_mark(text: str, opener: int, end: int, line_end: int) -> int:
    """Index of the mark closing the quotation opened at ``opener`` (-1 when none)."""
    open_ch = text[opener]
    close_ch = quote_pairs()[open_ch]
    depth = 0
    for i in range(end, line_end):
        ch = text[i]
        if ch == close_ch and depth == 0:
            return i
        if ch == close_ch:
            depth -= 1
        elif ch == open_ch:
            depth += 1
    return -1


def trim(text: str, start: int, end: int, chars: frozenset[str]) -> Span:
    """Shrink ``[start, end)`` past any leading/trailing character of ``chars`` or whitespace."""
    while start < end and (text[start] in chars or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in chars or text[end - 1].isspace()):
        end -= 1
    return start, end


def enclosing_quotation(text: str, start: int, end: int) -> Span:
    """The whole quotation containing ``text[start:end]``, inside its marks, spaces trimmed.

    The nearest opening mark before the text (on its line) whose closing mark follows the text
    wins; a stray mark without its pair is passed over. When no mark precedes the text, the text
    itself is the quotation; when no closing mark follows, the quotation runs to the line end.
    """
    line_start, line_end = _line_bounds(text, start, end)
    first = -1
    for opener in _opening_marks(text, start, line_start):
        first = opener if first < 0 else first
        closer = _closing_mark(text, opener, end, line_end)
        if closer >= 0:
            return trim(text, opener + 1, closer, quote_marks())
    if first < 0:
        return trim(text, start, end, frozenset())
    return trim(text, first + 1, line_end, quote_marks())
