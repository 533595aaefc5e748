"""The :class:`Store`: an opened database (engine + migrations) handing out sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bilan.errors import StoreError
from bilan.store.engine import open_engine


class Store:
    """A bilan database. ``Store.open("bilan.sqlite")`` or ``Store.open("postgresql://…")``.

    Opening runs the shipped migrations. ``transaction()`` is one unit of work (commit on
    success, rollback on error); ``session()`` is for reads.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, db: str, *, migrate: bool = True) -> Store:
        return cls(open_engine(db, migrate=migrate))

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session inside one transaction: committed when the block ends, else rolled back."""
        with self._sessions() as session:
            try:
                with session.begin():
                    yield session
            except SQLAlchemyError as exc:
                raise StoreError(f"database error: {exc}") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
