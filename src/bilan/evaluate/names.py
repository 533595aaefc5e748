"""Comparing names the way GOLD.md says: speakers, sources, perpetrators and places.

A predicted name matches a gold alias when, after lower-casing, stripping accents and leading
articles (le, la, l', les), one equals or contains the other.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Protocol

from bilan.lang.fr import load


class Named(Protocol):
    """An EntityRef or a Place: a ``name`` when known, else the ``text`` of the mention."""

    @property
    def text(self) -> str: ...

    @property
    def name(self) -> str | None: ...


@cache
def _articles() -> tuple[str, ...]:
    return tuple(load("evaluation")["leading_articles"])


@cache
def _apostrophes() -> str:
    return "".join(load("evaluation")["apostrophes"])


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_name(text: str) -> str:
    """``"L’Observatoire syrien"`` → ``"observatoire syrien"``."""
    out = strip_accents(text).lower()
    out = out.translate(str.maketrans(_apostrophes(), "'" * len(_apostrophes())))
    out = " ".join(out.split()).strip(' .,;:!?"«»“”()')
    changed = True
    while changed:
        changed = False
        for article in _articles():
            if out.startswith(article) and len(out) > len(article):
                out = out[len(article) :].lstrip()
                changed = True
    return out


def predicted_name(entity: Named | None) -> str | None:
    """The name GOLD.md compares: ``name`` when set, else ``text``."""
    if entity is None:
        return None
    return entity.name or entity.text


def aliases_match(aliases: list[str], predicted: str) -> bool:
    """True when the predicted name equals, contains or is contained in one of the aliases."""
    pred = normalize_name(predicted)
    if not pred:
        return False
    for alias in aliases:
        gold = normalize_name(alias)
        if gold and (gold == pred or gold in pred or pred in gold):
            return True
    return False


def entity_matches(aliases: list[str] | None, entity: Named | None) -> bool:
    """Gold aliases (None = nobody, the article's own voice) against a predicted entity."""
    name = predicted_name(entity)
    if aliases is None:
        return name is None
    return name is not None and aliases_match(aliases, name)
