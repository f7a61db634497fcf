"""Every row of the rule tables moved out of code is used by at least one linguistic test case.

The table-driven cases of tests/extract and tests/resolve run through the pipeline with lookups recorded
(gazetteer.RECORD_VARIABLE); a row that no case looks up is either dead or untested. A fix is a new row plus
a case that names it (RULE_CASES in tests/rule_cases.py), never a new branch.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rule_cases import RULE_CASES
from watchfloor import gazetteer
from watchfloor.pipeline import extract_from_doc
from watchfloor.read.text import make_document

TESTS = Path(__file__).parent
# Case lists of the linguistic tests: file, list name, position of the text in each case.
CASE_LISTS = [
    ("extract/test_attribution.py", "CLAIM_SOURCES", 1),
    ("extract/test_attribution.py", "CUES", 1),
    ("extract/test_attribution.py", "EVENT_SOURCES", 1),
    ("extract/test_claim_event_rules.py", "CLAIM_FIELDS", 1),
    ("extract/test_claim_event_rules.py", "EVENT_FIELDS", 1),
    ("extract/test_claims.py", "ATTRIBUTION", 1),
    ("extract/test_claims.py", "FACTUALITY", 1),
    ("extract/test_claims.py", "UNITS", 1),
    ("extract/test_claims.py", "UNIT_TEXT", 1),
    ("extract/test_context.py", "CLAIM_CONTEXT", 1),
    ("extract/test_context.py", "EVENT_CONTEXT", 1),
    ("extract/test_events.py", "CASES", 1),
    ("extract/test_triggers.py", "TRIGGERS", 1),
    ("extract/test_factuality.py", "CLAIM_CERTAINTY", 1),
    ("extract/test_factuality.py", "CLAIM_POLARITY", 1),
    ("extract/test_factuality.py", "EVENT_FACTUALITY", 1),
    ("extract/test_quantities.py", "CASES", 0),
    ("resolve/test_actors.py", "CASES", 0),
    ("resolve/test_places.py", "CASES", 0),
    ("resolve/test_times.py", "CASES", 0),
]


def _case_texts() -> Iterator[str]:
    for filename, name, position in CASE_LISTS:
        folder = str((TESTS / filename).parent)  # as pytest does, so a case file's own helpers import
        if folder not in sys.path:
            sys.path.insert(0, folder)
        spec = importlib.util.spec_from_file_location(f"_cases_{Path(filename).stem}", TESTS / filename)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for case in getattr(module, name):
            values: tuple[Any, ...] = tuple(case.values) if hasattr(case, "values") else tuple(case)
            yield values[position]


def _recorded_hits(nlp: Any, settings: Any, texts: list[str]) -> dict[str, set[str]]:
    """The rule-table entries the texts look up, through the whole pipeline."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(gazetteer.RECORD_VARIABLE, "1")
        _reload_rule_tables()
        gazetteer.HITS.clear()
        try:
            for text in texts:
                document = make_document(text, "<test>", max_chars=settings.max_chars, published="2024-11-27")
                extract_from_doc(nlp(document.text), document, settings)
            return {table: set(entries) for table, entries in gazetteer.HITS.items()}
        finally:
            gazetteer.HITS.clear()


def _reload_rule_tables() -> None:
    gazetteer.reload_rule_tables()


@pytest.fixture(scope="module")
def hits(nlp, settings) -> Iterator[dict[str, set[str]]]:
    texts = list(_case_texts()) + [text for _table, _row, text in RULE_CASES]
    try:
        yield _recorded_hits(nlp, settings, texts)
    finally:
        _reload_rule_tables()  # back to plain frozensets and dicts for the tests that follow


def _rows(table: str) -> set[str]:
    return {entry for accessor in gazetteer.RULE_TABLES[table] for entry in accessor()}


def test_recording_is_off_by_default() -> None:
    _reload_rule_tables()
    assert type(gazetteer.source_nouns()) is frozenset
    assert type(gazetteer.speaker_descriptions()) is dict


@pytest.mark.parametrize("table", sorted(gazetteer.RULE_TABLES))
def test_every_row_is_used_by_a_test_case(hits: dict[str, set[str]], table: str) -> None:
    unused = sorted(_rows(table) - hits.get(table, set()))
    assert unused == [], f"rows of {table} no linguistic test case uses: {unused}"


@pytest.mark.parametrize(("table", "row", "text"), RULE_CASES, ids=[f"{c[0]}:{c[1]}" for c in RULE_CASES])
def test_rule_case_uses_its_row(nlp, settings, table: str, row: str, text: str) -> None:
    try:
        used = _recorded_hits(nlp, settings, [text])
    finally:
        _reload_rule_tables()
    assert row in used.get(table, set()), f"{text!r} does not use {row!r} of {table}"
