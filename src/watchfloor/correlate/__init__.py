"""Correlation over the ledger: claim tracks and agreement, copies, independence, dyads."""
