"""The API on a PostgreSQL ledger of the samples answers as it does on SQLite."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient

from watchfloor.web.app import create_app


@pytest.fixture
def pg_url() -> str:
    url = os.environ.get("WATCHFLOOR_TEST_PG")
    if not url:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    return url


def test_postgres_ledger_answers_like_sqlite(pg_url, client, settings, token_env, samples_into) -> None:
    from watchfloor.store.ledger import Ledger

    Ledger(pg_url).downgrade("base")
    samples_into(pg_url, settings)
    postgres = TestClient(create_app(pg_url, token_file=token_env))
    for path, params in [("/api/claims", {"actor": "PRK"}), ("/api/events", {"type": "AID"}), ("/api/tracks", {})]:
        on_pg = postgres.get(path, params={**params, "limit": 1000}).json()["items"]
        on_sqlite = client.get(path, params={**params, "limit": 1000}).json()["items"]
        assert on_pg and len(on_pg) == len(on_sqlite), path
    found = postgres.get("/api/search", params={"q": "troops"}).json()["items"]
    assert found and postgres.get("/api/export.geojson").json()["features"]
    document_id = postgres.get("/api/documents").json()["items"][0]["id"]
    assert postgres.get(f"/api/documents/{document_id}").json()["text"]
