"""The ledger: documents and everything extracted from them, append-only, in SQLite or PostgreSQL."""
