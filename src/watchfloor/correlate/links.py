"""Links made at ingest: each claim's track key, and for a new document its MinHash and the stored story it
copies. They are computed here and handed to ``Ledger.ingest``, which only stores them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from watchfloor.correlate.copies import CopyFinder, signature
from watchfloor.correlate.tracks import claim_track_keys

if TYPE_CHECKING:
    from watchfloor.model import Extraction
    from watchfloor.store.ledger import IngestResult, Ledger


# Extraction ids are taken in order but committed in any order by concurrent writers (each holds at most
# one uncommitted document): the copy index re-reads this many ids below the newest it saw, so a document
# another process committed late is not missed.
IN_FLIGHT_IDS = 64


class Linker:
    """Stores extractions in one ledger with their links. The copy index is read from the ledger's stored
    signatures on first need, then before each new document catches up with what other processes stored
    since (several ingests may share one ledger), and adds the documents this linker stores."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self._finder: CopyFinder | None = None
        self._seen = 0  # the newest extraction id whose signature the copy index has read

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
            self._copies_known().add(document.id, minhash)
        return result

    def _copies_known(self) -> CopyFinder:
        assert self._finder is not None  # read before the document was matched
        return self._finder

    def _copies(self) -> CopyFinder:
        if self._finder is None:
            stored, self._seen = self.ledger.signatures_since(0)
            self._finder = CopyFinder(stored)
            return self._finder
        stored, newest = self.ledger.signatures_since(max(0, self._seen - IN_FLIGHT_IDS))
        for document_id, data in stored:
            self._finder.add(document_id, data)  # known ones are skipped
        self._seen = max(self._seen, newest)
        return self._finder
