"""Quotation spans in raw text: « », “ ”, „ “, ‹ ›, and straight "…".

Only top-level quotations are returned: marks nested inside a quotation (« … “sa vie au travail”
… ») belong to it. A quotation left open at the end of a paragraph continues into the next one
when that paragraph reopens it with the same mark (the French convention) or closes it before
opening another; otherwise it ends with its paragraph, so that one missing mark never swallows
the rest of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from bilan.speech.lexicon import lexicon

_SPACES = " \t\u00a0\u202f\u2009"


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` the quoted words only."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True

    def inner(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


def _straight_opens(text: str, i: int) -> bool:
    """A straight " opens when it follows a space, a paragraph start or an opening bracket."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if after in _SPACES + "\n" and before not in _SPACES + "\n":
        return False
    return before in _SPACES + "\n([{'’-—–:" or not before.isalnum()


def _continues(text: str, para_end: int, opener: str, closer: str) -> tuple[bool, int]:
    """Whether a quotation open at ``para_end`` goes on in the next paragraph.

    Returns (continues, index of a reopening mark to skip or -1).
    """
    j = para_end
    while j < len(text) and text[j] in _SPACES + "\n\r":
        j += 1
    if j >= len(text):
        return False, -1
    if text[j] == opener:
        return True, j
    next_end = text.find("\n", j)
    para = text[j : next_end if next_end >= 0 else len(text)]
    close_at = para.find(closer)
    open_at = para.find(opener) if opener != closer else -1
    if close_at >= 0 and (open_at < 0 or close_at < open_at):
        return True, -1
    return False, -1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACES + "\n\r":
        start += 1
    while end > start and text[end - 1] in _SPACES + "\n\r":
        end -= 1
    return start, end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Top-level quotations of ``text`` in order; an empty list when there is none."""
    pairs = lexicon().pairs
    closers = {c: o for o, c in pairs.items() if o != c}
    spans: list[QuoteSpan] = []
    stack: list[str] = []
    top_start = -1
    skip = -1
    i = 0
    while i < len(text):
        ch = text[i]
        if i == skip:
            i += 1
            continue
        if ch == "\n" and stack:
            opener = stack[0]
            cont, skip = _continues(text, i, opener, pairs[opener])
            if not cont:
                s, e = _trimmed(text, top_start + 1, i)
                spans.append(QuoteSpan(top_start, e, s, e, closed=False))
                stack.clear()
        elif ch == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            elif _straight_opens(text, i):
                stack.append(ch)
        elif ch in closers and (stack and closers[ch] in stack):
            while stack and stack[-1] != closers[ch]:
                stack.pop()
            stack.pop()
        elif ch in pairs and ch != '"':
            if not (ch == "“" and stack and stack[-1] == "„"):
                stack.append(ch)
            else:
                stack.pop()
        else:
            i += 1
            continue
        if ch != "\n" and len(stack) == 1 and ch in pairs and top_start < 0:
            top_start = i
        elif not stack and top_start >= 0 and ch != "\n":
            s, e = _trimmed(text, top_start + 1, i)
            spans.append(QuoteSpan(top_start, i + 1, s, e))
            top_start = -1
        elif not stack:
            top_start = -1
        i += 1
    if stack and top_start >= 0:
        end = text.find("\n", top_start)
        end = len(text) if end < 0 else end
        s, e = _trimmed(text, top_start + 1, end)
        spans.append(QuoteSpan(top_start, e, s, e, closed=False))
    return [q for q in spans if q.inner_end > q.inner_start]
