"""The read endpoints on the samples ledger: each answers what the ledger (and the CLI) gives, paged."""

from __future__ import annotations

import csv
import io

from watchfloor.formats import CLAIM_COLUMNS
from watchfloor.store.ledger import Ledger


def test_openapi_lists_every_endpoint_and_docs_page_is_local(client) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/claims", "/api/events", "/api/tracks", "/api/track/{key}", "/api/export.geojson",
                 "/api/documents", "/api/documents/{document_id}", "/api/ingest", "/api/alerts"):  # fmt: skip
        assert path in schema["paths"], path
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/dyad" in docs.text
    assert "<script" not in docs.text and "http" not in docs.text.replace('href="/openapi.json"', "")


def test_claims_by_actor_are_the_ledgers(client, samples_path) -> None:
    answer = client.get("/api/claims", params={"actor": "PRK", "limit": 1000}).json()
    stored = Ledger(str(samples_path)).claims(actor="PRK", limit=None)
    assert answer["items"] and answer["next"] is None
    assert [(c["document_id"], c["span_start"]) for c in answer["items"]] == [
        (c["document_id"], c["span_start"]) for c in stored
    ]
    by_name = client.get("/api/claims", params={"actor": "north korea", "limit": 1000}).json()
    assert by_name["items"] == answer["items"]


def test_unknown_actor_and_type_say_what_is_valid(client) -> None:
    actor = client.get("/api/claims", params={"actor": "Atlantis"})
    assert actor.status_code == 400 and "Atlantis" in actor.json()["error"] and "PRK" in actor.json()["valid"]
    kind = client.get("/api/events", params={"type": "PARADE"})
    assert kind.status_code == 400 and "AID" in kind.json()["valid"]
    day = client.get("/api/events", params={"since": "last tuesday"})
    assert day.status_code == 400 and day.json()["valid"] == ["YYYY-MM-DD"]
    certainty = client.get("/api/claims", params={"certainty": "sure"})
    assert certainty.status_code == 400 and "probable" in certainty.json()["valid"]


def test_events_by_type_in_any_case(client) -> None:
    upper = client.get("/api/events", params={"type": "AID"}).json()["items"]
    lower = client.get("/api/events", params={"type": "aid"}).json()["items"]
    assert upper and upper == lower and {event["type"] for event in upper} == {"AID"}
    everything = client.get("/api/events", params={"limit": 1000}).json()["items"]
    assert len(everything) > len(upper)


def test_cursor_pages_cover_the_listing_once(client) -> None:
    whole = client.get("/api/claims", params={"limit": 1000}).json()["items"]
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        answer = client.get("/api/claims", params=params).json()
        seen += answer["items"]
        cursor = answer["next"]
        if cursor is None:
            break
    assert len(whole) > 3 and seen == whole
    assert client.get("/api/claims", params={"cursor": "not-a-cursor"}).status_code == 400


def test_tracks_and_one_track(client) -> None:
    tracks = client.get("/api/tracks").json()["items"]
    assert tracks and tracks[0]["figures"] >= tracks[-1]["figures"]
    key = tracks[0]["track"]
    one = client.get(f"/api/track/{key}").json()
    assert one["track"] == key and len(one["entries"]) == tracks[0]["figures"]
    assert all(entry["figure"] and entry["document"].startswith("sha256:") for entry in one["entries"])
    prefix = client.get(f"/api/track/{key[: len(key) - 3]}")
    assert prefix.status_code in (200, 404)  # a prefix may match several tracks; then the matches are listed
    if prefix.status_code == 404:
        assert key in prefix.json()["valid"]
    assert client.get("/api/track/no-such|track").status_code == 404
    pyongyang = client.get("/api/tracks", params={"actor": "PRK"}).json()["items"]
    assert pyongyang and all("PRK" in row["track"] for row in pyongyang)


def test_documents_list_and_one_document_with_quoted_spans(client) -> None:
    listed = client.get("/api/documents", params={"limit": 1000}).json()["items"]
    assert len(listed) >= 8 and "text" not in listed[0]
    richest = max(listed, key=lambda row: row["claims"])
    document = client.get(f"/api/documents/{richest['id']}").json()
    assert len(document["claims"]) == richest["claims"] > 0
    for claim in document["claims"]:
        assert claim["quote"] == document["text"][claim["span_start"] : claim["span_end"]] != ""
    for event in document["events"]:
        assert event["quote"] == event["trigger"] or event["quote"].lower().startswith(event["trigger"][:3].lower())
    assert client.get("/api/documents/sha256:0000").status_code == 404


def test_geojson_export_is_a_feature_collection_of_points(client) -> None:
    for kind in ("events", "claims", "places"):
        answer = client.get("/api/export.geojson", params={"kind": kind})
        collection = answer.json()
        assert answer.headers["content-type"].startswith("application/geo+json")
        assert collection["type"] == "FeatureCollection" and collection["features"], kind
        for feature in collection["features"]:
            lon, lat = feature["geometry"]["coordinates"]
            assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
            assert -180 <= lon <= 180 and -90 <= lat <= 90 and isinstance(feature["properties"], dict)
    assert client.get("/api/export.geojson", params={"kind": "ships"}).json()["valid"] == ["claims", "events", "places"]


def test_csv_export_has_every_claim(client, samples_path) -> None:
    answer = client.get("/api/export.csv", params={"kind": "claims"})
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert answer.headers["content-type"].startswith("text/csv")
    assert len(rows) == len(Ledger(str(samples_path)).claims(limit=None)) and list(rows[0]) == [
        *CLAIM_COLUMNS,
        "lat",
        "lon",
    ]


def test_contradictions_dyad_search_brief(client) -> None:
    contradictions = client.get("/api/contradictions").json()["items"]
    assert all(item["kind"] and item["a"]["source"] for item in contradictions)
    dyad = client.get("/api/dyad", params={"first": "North Korea", "second": "RUS"}).json()
    assert dyad["first"] == "PRK" and dyad["points"] and all("score" in point for point in dyad["points"])
    assert client.get("/api/dyad", params={"first": "PRK", "second": "Narnia"}).status_code == 400
    found = client.get("/api/search", params={"q": "troops"}).json()["items"]
    assert found and all("troops" in row["snippet"].lower() for row in found)
    markdown = client.get("/api/brief", params={"format": "md"})
    html = client.get("/api/brief", params={"format": "html"})
    assert markdown.text.startswith("# ") and html.headers["content-type"].startswith("text/html")
    assert "<h1>" in html.text and client.get("/api/brief", params={"format": "pdf"}).status_code == 422


def test_alerts_filters(client, fresh_path, token_env) -> None:
    from fastapi.testclient import TestClient

    from watchfloor.store.watch import WatchStore
    from watchfloor.web.app import create_app

    store = WatchStore(Ledger(str(fresh_path)))
    spans = [[0, 5]]
    first = store.raise_alert(
        {"rule": "r1", "severity": "high", "fact": "claim:1", "document_id": "d", "spans": spans, "message": "one"}
    )
    store.raise_alert(
        {"rule": "r2", "severity": "low", "fact": "claim:2", "document_id": "d", "spans": spans, "message": "two"}
    )
    assert first is not None
    store.mark_seen([first["id"]])
    api = TestClient(create_app(str(fresh_path), token_file=token_env))
    every = api.get("/api/alerts").json()["items"]
    assert [alert["message"] for alert in every] == ["one", "two"]
    assert [alert["message"] for alert in api.get("/api/alerts", params={"unseen": "true"}).json()["items"]] == ["two"]
    assert api.get("/api/alerts", params={"since": "2999-01-01"}).json()["items"] == []
    assert api.get("/api/alerts", params={"since": "soon"}).status_code == 400
