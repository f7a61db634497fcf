"""The dashboard and the REST API on a ledger holding an event whose doer the text does not name."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from watchfloor.pipeline import extract_text
from watchfloor.store.ledger import Ledger

TEXT = "Russia shelled Kharkiv on Monday. A fuel depot in Lviv was struck on Tuesday, Ukraine's army said."


def test_pages_and_api_show_an_event_without_source(tmp_path: Path, token_env: Path, nlp) -> None:
    from watchfloor.web.app import create_app

    path = tmp_path / "ledger.sqlite"
    ledger = Ledger(f"sqlite:///{path}")
    extraction = extract_text(TEXT, published="2025-02-04")
    assert any(e.source is None for e in extraction.events)
    ledger.ingest(extraction, "watchfloor test")
    ledger.engine.dispose()
    client = TestClient(create_app(str(path), token_file=token_env))
    events = client.get("/api/events").json()
    assert sorted(str(e["source"]) for e in events["items"]) == ["None", "RUS"]
    for page in ("/", "/dyad", "/brief", "/map", f"/article/{extraction.document.id}"):
        answer = client.get(page)
        assert answer.status_code == 200, page
        assert "None" not in answer.text, page
    dyad = client.get("/dyad").text
    assert "RUS/UKR" in dyad
    points = client.get("/api/dyad", params={"first": "RUS", "second": "UKR"}).json()["points"]
    assert sum(sum(p["counts"].values()) for p in points) == 1
