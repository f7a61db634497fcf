"""Wire copies: the same story in several outlets with small edits, found by MinHash/LSH (datasketch).

A story's signature is the MinHash of its word 5-grams (lower case); two stories whose estimated Jaccard
similarity is at least COPY_THRESHOLD are one story told twice, and the later one is linked as a copy.
0.6 keeps copies with an edited sentence or two (the story corpus's pairs score 0.75-0.85) and leaves
different stories about the same event apart (they score under 0.2).
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

COPY_THRESHOLD = 0.6
PERMUTATIONS = 128
SCHEME = "affine32"  # datasketch 2's default hashing scheme; stored signatures are read back with it
SHINGLE = 5


@lru_cache(maxsize=1)
def _permutations() -> object:
    """The hash permutations, drawn once (datasketch draws them anew for every MinHash otherwise)."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, scheme=SCHEME).permutations


def signature(text: str) -> bytes:
    """The MinHash of a text's word 5-grams, as bytes for the ledger."""
    from datasketch import MinHash

    words = re.findall(r"\w+", text.lower())
    minhash = MinHash(num_perm=PERMUTATIONS, scheme=SCHEME, permutations=_permutations())
    shingles = {" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash.update_batch(list(shingles))
    return bytes(minhash.hashvalues.astype(np.uint32).tobytes())


def _minhash(data: bytes) -> object:
    from datasketch import MinHash

    return MinHash(
        num_perm=PERMUTATIONS,
        hashvalues=np.frombuffer(data, dtype=np.uint32),
        scheme=SCHEME,
        permutations=_permutations(),
    )


class CopyFinder:
    """An LSH index of stored signatures; ``original_of`` answers which stored story a new one copies."""

    def __init__(self, stored: list[tuple[str, bytes]]) -> None:
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=PERMUTATIONS)
        self._signatures: dict[str, np.ndarray] = {}
        for document_id, data in stored:
            self.add(document_id, data)

    def add(self, document_id: str, data: bytes) -> None:
        if document_id not in self._signatures:
            self._lsh.insert(document_id, _minhash(data))
            self._signatures[document_id] = np.frombuffer(data, dtype=np.uint32)

    def original_of(self, data: bytes) -> tuple[str, float] | None:
        """The most similar stored story at or above the threshold, with its similarity."""
        values = np.frombuffer(data, dtype=np.uint32)
        best = None
        for candidate in self._lsh.query(_minhash(data)):
            # the share of equal hash values estimates the Jaccard similarity (what MinHash.jaccard computes)
            similarity = float(np.mean(values == self._signatures[candidate]))
            if similarity >= COPY_THRESHOLD and (best is None or similarity > best[1]):
                best = (candidate, similarity)
        return best
