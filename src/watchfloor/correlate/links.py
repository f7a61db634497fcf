"""Links made at ingest: each claim's track key, and for a new document its MinHash and the stored story it
copies. They are computed here and handed to ``Ledger.ingest``, which only stores them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from watchfloor.correlate.copies import CopyFinder, signature
from watchfloor.correlate.tracks import claim_track_keys

if TYPE_CHECKING:
    from watchfloor.model import Extraction
    from watchfloor.store.ledger import IngestResult, Ledger, Links


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
        links = self._links(extraction, new=not self.ledger.versions(extraction.document.id))
        result = self.ledger.ingest(
            extraction, extractor, track_keys=links.track_keys, signature=links.signature, original=links.original
        )
        if result.outcome == "added" and links.signature is not None:
            # only once the document is committed may later ones be matched against it
            self._copies_known().add(extraction.document.id, links.signature)
        return result

    def ingest_batch(self, extractions: Sequence[Extraction], extractor: str) -> list[IngestResult | Exception]:
        """``ingest`` of several extractions in one transaction (``Ledger.ingest_batch``), linked as they would
        be one by one: a document may copy one stored earlier in the same batch. When the batch cannot be
        stored (a document that breaks a constraint, a lost race, a deadlock between two writers), it is
        rolled back and its documents are stored one transaction each, so that only a document that fails
        on its own is lost, as its exception."""
        stored = self.ledger.stored_ids({extraction.document.id for extraction in extractions})
        batch = []
        for extraction in extractions:
            document = extraction.document
            links = self._links(extraction, new=document.id not in stored)
            if links.signature is not None:
                self._copies_known().add(
                    document.id, links.signature
                )  # not yet committed: forgotten below if the batch fails
                stored.add(document.id)  # the same text again in this batch is then a stored document
            batch.append((extraction, extractor, links))
        try:
            return list(self.ledger.ingest_batch(batch))
        except Exception:
            self._finder = None  # it holds the rolled-back documents: read it again from the ledger
        results: list[IngestResult | Exception] = []
        for extraction in extractions:
            try:
                results.append(self.ingest(extraction, extractor))
            except Exception as error:  # this document's own transaction was rolled back
                results.append(error)
        return results

    def _links(self, extraction: Extraction, *, new: bool) -> Links:
        """The extraction's track keys and, for a document the ledger does not hold (a known document keeps the
        links it was stored with), its signature and the original it copies."""
        from watchfloor.store.ledger import Links

        if not new:
            return Links(claim_track_keys(extraction))
        minhash = signature(extraction.document.text)
        return Links(claim_track_keys(extraction), minhash, self._copies().original_of(minhash))

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
