"""The ledger's Python API, for notebooks and scripts: the store's Ledger with the tracks, which live in
``watchfloor.correlate`` (the store itself never imports correlate).

    from watchfloor.ledger import Ledger
    ledger = Ledger.open("ledger.sqlite")
    ledger.claims(actor="PRK", unit="troops").to_frame()
"""

from __future__ import annotations

from typing import Any

from watchfloor.correlate.tracks import load_track, summarize_tracks
from watchfloor.store.ledger import Ledger as StoreLedger
from watchfloor.store.ledger import Records
from watchfloor.store.rows import ClaimRow

__all__ = ["Ledger", "Records"]


class Ledger(StoreLedger):
    """A ledger at a database URL or file path (``Ledger.open``), with ``claims``, ``events``, ``tracks`` and
    ``track``, each returning Records (a list of dicts with ``to_frame()``)."""

    def tracks(self, **filters: Any) -> Records[dict[str, Any]]:
        """Claim tracks by size, as the ``tracks`` command lists them: key, figures, sources, first and last."""
        return Records(summarize_tracks(self, **filters))

    def track(self, key: str) -> Records[ClaimRow]:
        """One track's figures in the order they were stated, each with its ``marks`` (denial, revision,
        agreement with other sources), as the ``track`` command shows them."""
        return Records(load_track(self, key).entries)
