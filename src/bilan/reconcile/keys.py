"""Keys that decide what is "the same": names, sources, cumulative tolls (pure functions)."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bilan.lang.fr import load


@cache
def _leading() -> tuple[str, ...]:
    return tuple(load("determiners")["leading"])


def name_key(name: str) -> str:
    """Compare names the GOLD.md way: lower case, no accents, no leading article.

    >>> name_key("L’Observatoire syrien des droits de l'Homme")
    "observatoire syrien des droits de l'homme"
    """
    text = unicodedata.normalize("NFKD", name.strip().lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"\s+", " ", text)
    for article in _leading():
        if text.startswith(article):
            text = text[len(article) :].lstrip()
            break
    return text.strip(" .,;:'’\"«»")


@cache
def _cumulative_patterns() -> tuple[re.Pattern[str], ...]:
    cues = load("cumulative")["cues"]
    return tuple(re.compile(c["pattern"], re.IGNORECASE) for c in cues.values())


@cache
def _sentence_end() -> re.Pattern[str]:
    return re.compile(load("cumulative")["sentence_end"]["pattern"])


@cache
def _clause_end() -> re.Pattern[str]:
    return re.compile(load("cumulative")["clause_end"]["pattern"])


def _bounds(pattern: re.Pattern[str], text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around ``text[start:end]`` between two matches of ``pattern``."""
    left, right = 0, len(text)
    for match in pattern.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start() + 1
            break
    return left, right


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence holding ``text[start:end]``."""
    left, right = _bounds(_sentence_end(), text, start, end)
    paragraph_left = text.rfind("\n", 0, start) + 1
    paragraph_right = text.find("\n", end)
    left = max(left, paragraph_left)
    if paragraph_right != -1:
        right = min(right, paragraph_right)
    return left, right


def is_cumulative(text: str, start: int, end: int, *, period_text: str | None = None) -> bool:
    """True when the count at ``text[start:end]`` is a toll over a long period.

    "au moins 300 civils ont été tués depuis le 15 novembre" is cumulative; "26 civils ont été
    tués mercredi" is not. The cue may sit anywhere in the count's clause (the sentence, cut at
    semicolons and dashes).
    """
    left, right = sentence_around(text, start, end)
    c_left, c_right = _bounds(_clause_end(), text[left:right], start - left, end - left)
    windows = [text[left + c_left : left + c_right]]
    if period_text:
        windows.append(period_text)
    return any(p.search(w) for p in _cumulative_patterns() for w in windows)
