"""The SQLite-backed gazetteer (read side)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from bilan.gazetteer.base import GazetteerEntry
from bilan.gazetteer.index import COLUMNS, row_entry
from bilan.gazetteer.normalize import normalize, phonetic_key

_SELECT = "SELECT " + ", ".join(f"p.{c.strip()}" for c in COLUMNS.split(","))


class SqliteGazetteer:
    """Look-ups in an index file built by :func:`bilan.gazetteer.build.ensure_index`.

    Pickles as its path (a worker reopens the file). Results are cached per name.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._cache: dict[tuple[str, str], list[GazetteerEntry]] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        return (SqliteGazetteer, (self.path,))

    def _query(self, column: str, value: str) -> list[GazetteerEntry]:
        cache_key = (column, value)
        if cache_key not in self._cache:
            rows = self._conn.execute(
                f"{_SELECT} FROM names n JOIN places p ON p.id = n.place_id"
                f" WHERE n.{column} = ? GROUP BY p.id",
                (value,),
            ).fetchall()
            self._cache[cache_key] = [row_entry(r) for r in rows]
        return self._cache[cache_key]

    def lookup(self, name: str) -> list[GazetteerEntry]:
        norm = normalize(name)
        return list(self._query("norm", norm)) if norm else []

    def candidates(self, name: str, *, country: str | None = None) -> list[GazetteerEntry]:
        found = {e.id: e for e in self.lookup(name)}
        key = phonetic_key(name)
        if key and len(key) >= 4:
            for e in self._query("key", key):
                found.setdefault(e.id, e)
        out = list(found.values())
        return [e for e in out if e.country == country] if country else out

    def country(self, code: str) -> GazetteerEntry | None:
        row = self._conn.execute(
            f"{_SELECT} FROM places p WHERE p.kind = 'country' AND p.country = ? LIMIT 1",
            (code.upper(),),
        ).fetchone()
        return row_entry(row) if row else None

    def by_name(self, name: str, *, kind: str | None = None) -> list[GazetteerEntry]:
        """Exact look-up restricted to one kind (used to attach parents)."""
        return [e for e in self.lookup(name) if kind is None or e.kind == kind]

    def close(self) -> None:
        self._conn.close()
