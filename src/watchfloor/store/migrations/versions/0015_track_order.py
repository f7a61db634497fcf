"""A track read newest first: an index on the track key and the documents' order of its claims, so that a
page of a track's newest figures (``correlate.tracks.load_track`` with a limit) walks one index backwards and
stops after its page instead of reading every figure of the track. It replaces the index on the key alone,
which it starts with.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from watchfloor.store.schema import claims

    bind = op.get_bind()
    for index in claims.indexes:
        if index.name == "claims_track_order":
            index.create(bind)
    op.drop_index("claims_track", "claims")


def downgrade() -> None:
    op.create_index("claims_track", "claims", ["track_key"])
    op.drop_index("claims_track_order", "claims")
