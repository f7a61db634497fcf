"""Fixtures of the extractor rule tests: one document's output contract from a sentence."""

from __future__ import annotations

import pytest

from watchfloor.pipeline import extract_from_doc
from watchfloor.read.text import make_document
from watchfloor.serialize import to_contract

PUBLISHED = "2024-11-27"


@pytest.fixture(scope="session")
def contract(nlp, settings):
    """contract(text) -> the output contract's JSON object for one document (published 2024-11-27 unless
    given)."""

    def run(text: str, published: str | None = PUBLISHED) -> dict:
        document = make_document(text, "<test>", max_chars=settings.max_chars, published=published)
        return to_contract(extract_from_doc(nlp(document.text), document, settings))

    return run
