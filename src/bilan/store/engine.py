"""Opening a database: URL resolution, SQLite pragmas (WAL, foreign keys), migrations on open.

``resolve_url("bilan.sqlite")`` gives ``sqlite:///…/bilan.sqlite``; ``postgresql://…`` URLs get
the psycopg 3 driver. :func:`open_engine` creates the engine and upgrades the schema to the
newest Alembic revision shipped in ``bilan/store/migrations``.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from bilan.errors import StoreError

POSTGRES_SCHEMES = ("postgresql", "postgres")


def resolve_url(db: str) -> str:
    """A SQLAlchemy URL from a file path, ``:memory:`` or a database URL."""
    if db in ("", ":memory:"):
        return "sqlite://"
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme, rest = db.split("://", 1)
    if scheme in POSTGRES_SCHEMES:
        return f"postgresql+psycopg://{rest}"
    return db


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def create(db: str) -> Engine:
    """An engine for ``db`` (path or URL); SQLite connections get WAL and foreign keys."""
    url = resolve_url(db)
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot use database {db!r}: {exc}") from exc
    if make_url(url).get_backend_name() == "sqlite":
        if url != "sqlite://":
            Path(make_url(url).database or "").parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def migrations_dir() -> str:
    return str(resources.files("bilan.store").joinpath("migrations"))


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the shipped Alembic migrations up to ``revision`` on ``engine``."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", migrations_dir())
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot migrate the database at {engine.url!r}: {exc}; check the URL and that the "
            f"server is running"
        ) from exc


def open_engine(db: str, *, migrate: bool = True) -> Engine:
    """Create the engine and bring the schema to the newest revision."""
    engine = create(db)
    if migrate:
        upgrade(engine)
    return engine


def table_names(engine: Engine) -> list[str]:
    return sorted(inspect(engine).get_table_names())
