"""Alembic environment: runs on the connection bilan passes in (``config.attributes``)."""

from __future__ import annotations

from alembic import context

from bilan.store.tables import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url") or "sqlite://"
        with create_engine(url).begin() as conn:
            context.configure(connection=conn, target_metadata=target_metadata)
            context.run_migrations()
        return
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    context.run_migrations()


run_migrations()
