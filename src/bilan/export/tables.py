"""JSONL (one contract document per article) and Parquet (one row per count, with evidence)."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from bilan.export.selection import Selection
from bilan.model import CountItem


def _ints(value: Any) -> Any:
    """Whole floats back to ints (26.0 → 26), as the output contract prints them."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: _ints(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_ints(v) for v in value]
    return value


def write_jsonl(selection: Selection, sink: BinaryIO) -> int:
    for doc in selection.documents:
        line = json.dumps(_ints(doc.model_dump(mode="json")), ensure_ascii=False)
        sink.write(line.encode("utf-8") + b"\n")
    return len(selection.documents)


def count_row(c: CountItem) -> dict[str, Any]:
    def place(prefix: str, p: Any) -> dict[str, Any]:
        return {
            f"{prefix}": (p.name or p.text) if p else None,
            f"{prefix}_lat": p.lat if p else None,
            f"{prefix}_lon": p.lon if p else None,
        }

    return {
        "article_id": c.article_id,
        "count_id": c.id,
        "category": c.category,
        "group": c.group,
        "qualifier": c.qualifier,
        "value": c.value,
        "low": c.low,
        "high": c.high,
        "hedged": c.hedged,
        "part_of": c.part_of,
        "source": (c.source.name or c.source.text) if c.source else None,
        "perpetrator": (c.perpetrator.name or c.perpetrator.text) if c.perpetrator else None,
        "cause": c.cause,
        "period_start": c.period.start if c.period else None,
        "period_end": c.period.end if c.period else None,
        **place("place", c.place),
        **place("origin", c.origin),
        **place("destination", c.destination),
        "evidence_start": c.evidence.start,
        "evidence_end": c.evidence.end,
        "evidence_text": c.evidence.text,
    }


def parquet_schema() -> Any:
    import pyarrow as pa

    text, num, day = pa.string(), pa.float64(), pa.date32()
    fields = [
        ("article_id", text), ("count_id", text), ("category", text), ("group", text),
        ("qualifier", text), ("value", num), ("low", num), ("high", num), ("hedged", pa.bool_()),
        ("part_of", text), ("source", text), ("perpetrator", text), ("cause", text),
        ("period_start", day), ("period_end", day),
        ("place", text), ("place_lat", num), ("place_lon", num),
        ("origin", text), ("origin_lat", num), ("origin_lon", num),
        ("destination", text), ("destination_lat", num), ("destination_lon", num),
        ("evidence_start", pa.int64()), ("evidence_end", pa.int64()), ("evidence_text", text),
    ]  # fmt: skip
    return pa.schema(fields)


def write_parquet(selection: Selection, sink: BinaryIO) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([count_row(c) for c in selection.counts], schema=parquet_schema())
    pq.write_table(table, sink)
    return table.num_rows
