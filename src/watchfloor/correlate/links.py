"""Links made at ingest: each claim's track key, and for a new document its MinHash and the stored story it
copies. They are computed here and handed to ``Ledger.ingest``, which only stores them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.correlate.copies import CopyFinder, signature
from watchfloor.correlate.tracks import claim_track_keys

if TYPE_CHECKING:
    from watchfloor.model import Extraction
    from watchfloor.store.ledger import IngestResult, Ledger


class Linker:
    """Stores extractions in one ledger with their links. The copy index is read from the ledger's stored
    signatures on first need and kept up to date with the documents this linker adds."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._finder: CopyFinder | None = None

    def ingest(self, extraction: Extraction, extractor: str) -> IngestResult:
        """``Ledger.ingest`` with the extraction's track keys and, for a document the ledger does not hold
        yet, its signature and the original it is a copy of."""
        document = extraction.document
        minhash = original = None
        if not self.ledger.versions(document.id):  # a known document keeps the links it was stored with
            minhash = signature(document.text)
            original = self._copies().original_of(minhash)
        result = self.ledger.ingest(
            extraction, extractor, track_keys=claim_track_keys(extraction), signature=minhash, original=original
        )
        if result.outcome == "added" and minhash is not None:
            # only once the document is committed may later ones be matched against it
            self._copies().add(document.id, minhash)
        return result

    def _copies(self) -> CopyFinder:
        if self._finder is None:
            self._finder = CopyFinder(self.ledger.signatures())
        return self._finder
