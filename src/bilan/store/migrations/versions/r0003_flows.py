"""flows

Revision ID: 0003
Revises: 0002

Displacement flows reconciled across articles and the counts that back them (issue 12; see
bilan/store/tables.py FlowRow, FlowClaimRow and bilan/reconcile/flows.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flows",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("group_", sa.String(length=20), nullable=False),
        sa.Column("cumulative", sa.Boolean(), nullable=False),
        sa.Column("origin_name", sa.Text(), nullable=True),
        sa.Column("origin_country", sa.Text(), nullable=True),
        sa.Column("origin", JSON_TYPE, nullable=True),
        sa.Column("destination_name", sa.Text(), nullable=True),
        sa.Column("destination_country", sa.Text(), nullable=True),
        sa.Column("destination", JSON_TYPE, nullable=True),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("best", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(length=20), nullable=False),
        sa.Column("disagreement", sa.Boolean(), nullable=False),
        sa.Column("n_reports", sa.Integer(), nullable=False),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["flows.id"], name=op.f("fk_flows_parent_id_flows"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flows")),
    )
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flows_category"), ["category"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_flows_destination_name"), ["destination_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_flows_origin_name"), ["origin_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_flows_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "flow_claims",
        sa.Column("flow_id", sa.String(length=40), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("source_key", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("figure", sa.Float(), nullable=False),
        sa.Column("upper", sa.Float(), nullable=True),
        sa.Column("qualifier", sa.String(length=20), nullable=False),
        sa.ForeignKeyConstraint(
            ["count_id"],
            ["counts.id"],
            name=op.f("fk_flow_claims_count_id_counts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["flow_id"], ["flows.id"], name=op.f("fk_flow_claims_flow_id_flows"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["articles.id"],
            name=op.f("fk_flow_claims_report_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("flow_id", "count_id", name=op.f("pk_flow_claims")),
    )
    with op.batch_alter_table("flow_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_flow_claims_count_id"), ["count_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("flow_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flow_claims_count_id"))

    op.drop_table("flow_claims")
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_flows_parent_id"))
        batch_op.drop_index(batch_op.f("ix_flows_origin_name"))
        batch_op.drop_index(batch_op.f("ix_flows_destination_name"))
        batch_op.drop_index(batch_op.f("ix_flows_category"))

    op.drop_table("flows")
