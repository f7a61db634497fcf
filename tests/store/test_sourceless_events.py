"""Events without a named source (source NULL) through the ledger and everything that reads events: stored,
listed, exported (CSV, GeoJSON, GDELT), briefed; dyads and the dashboard's busiest pair skip them."""

from __future__ import annotations

import csv
import io

from watchfloor.correlate.dyads import dyad_series
from watchfloor.formats import GDELT_COLUMNS, export_rows, gdelt_rows, geojson_collection, write_csv
from watchfloor.pipeline import extract_text
from watchfloor.report import write_brief
from watchfloor.store.ledger import Ledger

TEXT = "Russia launched drones at Kyiv on Monday. A fuel depot in Lviv was struck on Tuesday, Ukraine's air force said."


def _ingested(ledger: Ledger) -> list[dict]:
    extraction = extract_text(TEXT, published="2025-02-04")
    assert any(e.source is None for e in extraction.events), extraction.events
    assert ledger.ingest(extraction, "watchfloor test").outcome == "added"
    return list(ledger.events())


def test_an_event_without_source_is_stored_and_listed(ledger: Ledger, nlp) -> None:
    rows = _ingested(ledger)
    unnamed = [r for r in rows if r["source"] is None]
    assert [(r["type"], r["trigger"], r["source_country"]) for r in unnamed] == [("ASSAULT", "struck", None)]
    assert ledger.check() == []
    assert [r["trigger"] for r in ledger.events(source="RUS")] == ["launched"]


def test_dyads_skip_an_event_without_source(ledger: Ledger, nlp) -> None:
    rows = _ingested(ledger)
    points = dyad_series(rows, "RUS", "UKR", "week")
    assert sum(sum(p["counts"].values()) for p in points) == 1  # the launch; the unclaimed strike is no one's
    assert dyad_series(rows, "", "UKR", "week") == []


def test_exports_and_brief_cope_with_an_event_without_source(ledger: Ledger, nlp) -> None:
    _ingested(ledger)
    rows, columns = export_rows(ledger, "events")
    handle = io.StringIO()
    write_csv(handle, rows, columns)
    sources = [row["source"] for row in csv.DictReader(io.StringIO(handle.getvalue()))]
    assert sorted(sources) == ["", "RUS"]
    collection, _left_out = geojson_collection(rows, columns)
    assert {f["properties"]["source"] for f in collection["features"]} <= {None, "RUS"}
    gdelt = gdelt_rows(rows, {}, {}, {})
    assert sorted(row["Actor1Code"] for row in gdelt) == ["", "RUS"]
    assert set(gdelt[0]) == set(GDELT_COLUMNS)
    brief = write_brief(ledger)
    assert "An unnamed party" in brief and "None" not in brief


def test_extract_csv_and_table_name_no_source_as_unknown(cli) -> None:
    for output_format in ("csv", "table"):
        result = cli("extract", "-", "--format", output_format, stdin=TEXT.encode())
        assert result.code == 0, result.err
        assert "struck" in result.out and "None" not in result.out
