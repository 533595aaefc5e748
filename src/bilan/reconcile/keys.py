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


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence (or sentences) holding ``text[start:end]``."""
    left = 0
    for match in _sentence_end().finditer(text, 0, start):
        left = match.end()
    right = len(text)
    following = _sentence_end().search(text, end)
    if following is not None:
        right = following.start() + 1
    paragraph_left = text.rfind("\n", 0, start) + 1
    paragraph_right = text.find("\n", end)
    left = max(left, paragraph_left)
    if paragraph_right != -1:
        right = min(right, paragraph_right)
    return left, right


def is_cumulative(text: str, start: int, end: int, *, period_text: str | None = None) -> bool:
    """True when the count at ``text[start:end]`` is a toll over a long period.

    "au moins 300 civils ont été tués depuis le 15 novembre" is cumulative; "26 civils ont été
    tués mercredi" is not. The cue may sit anywhere in the count's sentence.
    """
    left, right = sentence_around(text, start, end)
    windows = [text[left:right]]
    if period_text:
        windows.append(period_text)
    return any(p.search(w) for p in _cumulative_patterns() for w in windows)
