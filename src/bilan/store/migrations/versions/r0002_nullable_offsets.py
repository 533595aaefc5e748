"""Offsets may be null for places and actors given without evidence

Revision ID: 0002
Revises: 0001

r0001 (on main) stored such mentions at a made-up 0..0 span; this revision allows null offsets
on every fact table (counts, quotes, statements, dates and events always carry evidence).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

FACT_TABLES = ("actors", "counts", "dates", "events", "places", "quotes", "statements")


def upgrade() -> None:
    for table in FACT_TABLES:
        with op.batch_alter_table(table) as batch_op:
            for column in ("start", "end"):
                batch_op.alter_column(column, existing_type=sa.Integer(), nullable=True)
    for table in ("actors", "places"):
        op.execute(
            sa.text(f'UPDATE {table} SET start = NULL, "end" = NULL WHERE start = 0 AND "end" = 0')
        )


def downgrade() -> None:
    for table in ("actors", "places"):
        op.execute(
            sa.text(f'UPDATE {table} SET start = 0, "end" = 0 WHERE start IS NULL OR "end" IS NULL')
        )
    for table in FACT_TABLES:
        with op.batch_alter_table(table) as batch_op:
            for column in ("start", "end"):
                batch_op.alter_column(column, existing_type=sa.Integer(), nullable=False)
