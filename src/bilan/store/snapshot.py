"""A digest of the whole database: proves that re-ingesting changed nothing."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from bilan.store.tables import Base


class Snapshot(BaseModel):
    """Rows per table and one SHA-256 over every row of every table, in primary-key order."""

    digest: str
    rows: dict[str, int]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):
        return round(value, 9)
    return value


def snapshot(session: Session) -> Snapshot:
    sha = hashlib.sha256()
    rows: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        query = select(table).order_by(*table.primary_key.columns)
        n = 0
        for row in session.execute(query):
            record = {k: _plain(v) for k, v in row._mapping.items()}
            sha.update(table.name.encode())
            sha.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
            n += 1
        rows[table.name] = n
    return Snapshot(digest=sha.hexdigest(), rows=rows)
