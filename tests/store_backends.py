"""Test helpers: open a fresh store on SQLite (a temp file) or on the test PostgreSQL server.

``make postgres`` (scripts/postgres.sh) starts a throw-away server and writes its URL to
``var/postgres.url``; each PostgreSQL test gets its own database, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilan.model import Evidence
from bilan.store import Store, resolve_url

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL_FILE = ROOT / "var" / "postgres.url"

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_url() -> str:
    if not POSTGRES_URL_FILE.exists():
        if os.environ.get("BILAN_REQUIRE_SERVICES"):  # set by `make test`: a skip would hide a gap
            pytest.fail(
                f"PostgreSQL is required but {POSTGRES_URL_FILE} is absent: `make postgres` failed"
            )
        pytest.skip(
            f"PostgreSQL is not running ({POSTGRES_URL_FILE} is absent): run `make postgres`"
        )
    return POSTGRES_URL_FILE.read_text(encoding="utf-8").strip()


def open_store(backend: str, tmp_path: Path, *, migrate: bool = True) -> Iterator[Store]:
    """A fresh, migrated store on ``backend``; closed (and dropped on PostgreSQL) after use."""
    if backend == "sqlite":
        store = Store.open(str(tmp_path / "bilan.sqlite"), migrate=migrate)
        yield store
        store.close()
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(resolve_url(postgres_url()))
    name = f"bilan_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    store = Store.open(
        admin_url.set(database=name).render_as_string(hide_password=False), migrate=migrate
    )
    try:
        yield store
    finally:
        store.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def evidence(text: str, phrase: str, nth: int = 0) -> Evidence:
    """The evidence of the ``nth`` occurrence of ``phrase`` in ``text`` (fails when absent)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Evidence.of(text, start, start + len(phrase))
