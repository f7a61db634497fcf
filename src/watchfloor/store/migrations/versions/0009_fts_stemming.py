"""SQLite's full-text index stems English words as PostgreSQL's 'english' configuration does, so that one
query finds the same documents on both ("troop" finds "troops", "deploying" finds "deployed"): the FTS5
table is rebuilt with the porter tokenizer over unicode61 and refilled from the documents.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _rebuild(tokenize: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL's index already stems (to_tsvector('english', ...))
    op.execute("DROP TABLE documents_fts")
    op.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5(id UNINDEXED, title, text{tokenize})")
    op.execute("INSERT INTO documents_fts (id, title, text) SELECT id, title, text FROM documents")


def upgrade() -> None:
    _rebuild(", tokenize = 'porter unicode61'")


def downgrade() -> None:
    _rebuild("")
