"""Exports to the formats analysts already use: writers over typed records, no store access.

``write(fmt, selection, sink)`` writes one :class:`Selection` (contract documents, counts,
events, incidents, flows) in one of :data:`FORMATS`. The CLI (``bilan export``) and the API
(``GET /export/{format}``) build the selection from a store with the same filters.

========== ============================================================================
acled-csv  one row per event, ACLED's columns (event_id_cnty … fatalities)
ucdp-csv   one row per incident of people killed, UCDP GED's best/low/high, where/date_prec
idmc-csv   one row per displacement flow: origin, destination, figure, qualifier, period, source
geojson    incidents as points, flows as lines (RFC 7946 FeatureCollection)
jsonl      one output-contract document per article
parquet    one row per count claim, with its evidence
========== ============================================================================
"""

from __future__ import annotations

from collections.abc import Callable
from typing import BinaryIO

from bilan.export.selection import Selection

Writer = Callable[[Selection, BinaryIO], int]

#: format name → (media type, file extension)
FORMATS: dict[str, tuple[str, str]] = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "ucdp-csv": ("text/csv; charset=utf-8", "csv"),
    "idmc-csv": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}


def writer(fmt: str) -> Writer:
    """The writer of a format; raises KeyError for an unknown one (callers list FORMATS)."""
    from bilan.export import csv_formats, geojson, tables

    writers: dict[str, Writer] = {
        "acled-csv": csv_formats.write_acled,
        "ucdp-csv": csv_formats.write_ucdp,
        "idmc-csv": csv_formats.write_idmc,
        "geojson": geojson.write_geojson,
        "jsonl": tables.write_jsonl,
        "parquet": tables.write_parquet,
    }
    return writers[fmt]


def write(fmt: str, selection: Selection, sink: BinaryIO) -> int:
    """Write ``selection`` as ``fmt`` into the binary ``sink``; returns the number of records."""
    return writer(fmt)(selection, sink)


__all__ = ["FORMATS", "Selection", "write", "writer"]
