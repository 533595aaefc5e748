"""Name normalization for look-ups: accents, case, hyphens, articles, transliteration variants.

Two keys per name:

* :func:`normalize`: lower case, accents stripped, punctuation and hyphens as spaces, leading
  articles dropped ("Le Caire" → "caire", "Alep-Est" → "alep est");
* :func:`phonetic_key`: the normalized name with transliteration variants folded
  ("Cheikh Maqsoud" and "Sheikh Maqsud" → "shekmaksud"); the rules live in ``lang/fr/places.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from bilan.lang.fr import load

_PUNCT = re.compile(r"[\s\-‐‑‒–—_'’`´ʼʻ.,;:()\[\]/\"«»]+")


@cache
def _articles() -> frozenset[str]:
    return frozenset(load("places")["articles"])


@cache
def _word_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pat), rep) for pat, rep in load("places")["transliteration_words"])


@cache
def _letter_rule() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = load("places")["transliteration_letters"]
    alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(alternation), table


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")
_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff\u2010-\u2019]+$")


def fold(text: str) -> str:
    """Lower case without accents or punctuation ("Îles Baléares" → "iles baleares")."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("ß", "ss")
    return _PUNCT.sub(" ", stripped.lower()).strip()


def normalize(name: str) -> str:
    """The look-up form of a name: folded, leading articles dropped (never to nothing)."""
    words = fold(name).split()
    articles = _articles()
    while len(words) > 1 and words[0] in articles:
        words = words[1:]
    return " ".join(words)


def phonetic_key(name: str, *, normalized: bool = False) -> str:
    """A coarser key that merges transliteration variants (Cheikh/Sheikh/Shaykh, ou/u, dj/j).

    Pass ``normalized=True`` when ``name`` already comes from :func:`normalize`.
    """
    key = name if normalized else normalize(name)
    for pattern, replacement in _word_rules():
        key = pattern.sub(replacement, key)
    letters, table = _letter_rule()
    key = letters.sub(lambda m: table[m.group()], key)
    return _DOUBLED.sub(r"\1", _NOT_ALNUM.sub("", key))


def is_latin(name: str) -> bool:
    """True when the name is written in Latin script (index filter; drops Cyrillic, Arabic…)."""
    return bool(_LATIN.match(name))
