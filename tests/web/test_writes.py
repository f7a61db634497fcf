"""Writes and the guard: the token, hostile article text as JSON data, size and rate limits, reads off loopback."""

from __future__ import annotations

import json
import os
import stat

from fastapi.testclient import TestClient

from watchfloor.web.app import create_app
from watchfloor.web.guard import TokenBucket

ARTICLE = (
    "KYIV (Wire) - Ukraine's air force said on Tuesday that Russia launched 120 drones overnight at the"
    " capital, and that air defences shot down 97 of them."
)
HOSTILE = (
    'MOSCOW (Wire) - <script>alert("x")</script> The ministry said 300 troops " onerror="alert(1) were sent'
    " to the border region on Monday, officials told reporters."
)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_post_needs_the_token_then_the_article_is_ingested_and_listed(writer) -> None:
    body = {"text": ARTICLE, "title": "Drones over Kyiv", "date": "2024-12-03", "outlet": "Test Wire"}
    assert writer.post("/api/documents", json=body).status_code == 401
    assert writer.post("/api/documents", json=body, headers=bearer(writer.token + "x")).status_code == 401
    assert writer.post("/api/documents", json=body, headers={"Authorization": writer.token}).status_code == 401
    added = writer.post("/api/documents", json=body, headers=bearer(writer.token))
    assert added.status_code == 201 and added.json()["outcome"] == "added"
    document_id = added.json()["document_id"]
    listed = writer.get("/api/documents", params={"limit": 1000}).json()["items"]
    assert document_id in [row["id"] for row in listed]
    stored = writer.get(f"/api/documents/{document_id}").json()
    assert stored["title"] == "Drones over Kyiv" and stored["published"] == "2024-12-03"
    assert any(claim["quote"].startswith("120") for claim in stored["claims"])
    again = writer.post("/api/documents", json=body, headers=bearer(writer.token))
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"


def test_bad_articles_get_a_reason(writer) -> None:
    headers = bearer(writer.token)
    cases = [b"{not json", b"[1, 2]", json.dumps({"text": ""}).encode(), json.dumps({"text": 5}).encode(),
             json.dumps({"title": "no text"}).encode(), b"\xff\xfe\x00binary"]  # fmt: skip
    for content in cases:
        answer = writer.post("/api/documents", content=content, headers=headers)
        assert answer.status_code == 400 and answer.json()["error"], content


def test_hostile_article_text_comes_back_as_json_string_data(writer) -> None:
    added = writer.post("/api/documents", json={"text": HOSTILE}, headers=bearer(writer.token)).json()
    answer = writer.get(f"/api/documents/{added['document_id']}")
    assert answer.headers["content-type"] == "application/json"
    assert '<script>alert(\\"x\\")</script>' in answer.text  # inside a JSON string, quotes escaped
    assert "<script>" in answer.json()["text"] and '" onerror="' in answer.json()["text"]
    brief = writer.get("/api/brief", params={"format": "html"}).text
    assert "<script>" not in brief and "onerror=" not in brief.replace("onerror=&quot;", "")


def test_jsonl_batch_gives_each_lines_outcome(writer) -> None:
    lines = [json.dumps({"text": ARTICLE, "published": "2024-12-03"}), "{broken", json.dumps({"title": "x"})]
    answer = writer.post("/api/ingest", content="\n".join(lines).encode(), headers=bearer(writer.token))
    result = answer.json()
    assert answer.status_code == 200 and result["counts"] == {"added": 1, "skipped": 2}
    assert [row["outcome"] for row in result["results"]].count("skipped") == 2
    assert writer.post("/api/ingest", content=b"\xff\xfe", headers=bearer(writer.token)).status_code == 400


def test_request_over_the_size_limit_is_413(fresh_path, token_env) -> None:
    small = TestClient(create_app(str(fresh_path), token_file=token_env, max_request=1000))
    token = token_env.read_text().strip()
    answer = small.post("/api/documents", json={"text": ARTICLE * 20}, headers=bearer(token))
    assert answer.status_code == 413 and "1,000" in answer.json()["error"]

    def chunks():  # no Content-Length: counted while read
        for _ in range(20):
            yield b"x" * 100

    chunked = small.post("/api/ingest", content=chunks(), headers=bearer(token))
    assert chunked.status_code == 413 and chunked.json()["error"]


def test_writes_are_rate_limited_per_client(writer) -> None:
    writer.app.state.guard.writes = TokenBucket(burst=2, rate=0.01)
    answers = [writer.post("/api/documents", content=b"{}", headers=bearer(writer.token)) for _ in range(3)]
    assert [a.status_code for a in answers] == [400, 400, 429]
    assert int(answers[2].headers["Retry-After"]) >= 1 and "retry" in answers[2].json()["error"]


def test_token_bucket_refills() -> None:
    bucket = TokenBucket(burst=1, rate=1000.0)
    assert bucket.take("a") == 0.0
    assert bucket.take("b") == 0.0  # clients have their own buckets
    slow = TokenBucket(burst=1, rate=0.5)
    slow.take("a")
    assert 0 < slow.take("a") <= 2.0


def test_token_file_is_private_and_kept(samples_path, token_env) -> None:
    create_app(str(samples_path), token_file=token_env)
    first = token_env.read_text().strip()
    assert stat.S_IMODE(os.stat(token_env).st_mode) == 0o600 and len(first) >= 32
    create_app(str(samples_path), token_file=token_env)
    assert token_env.read_text().strip() == first


def test_env_token_wins(samples_path, token_env, monkeypatch) -> None:
    monkeypatch.setenv("WATCHFLOOR_TOKEN", "from-the-environment")
    app = create_app(str(samples_path), token_file=token_env)
    assert not token_env.exists() and app.state.guard.token == "from-the-environment"


def test_reads_need_the_token_off_loopback(samples_path, token_env) -> None:
    for host in ("0.0.0.0", "192.168.1.5", "example.org"):
        exposed = TestClient(create_app(str(samples_path), token_file=token_env, host=host))
        assert exposed.get("/api/claims").status_code == 401, host
    token = token_env.read_text().strip()
    assert exposed.get("/api/claims", headers=bearer(token)).status_code == 200
    for host in ("127.0.0.1", "::1", "localhost"):
        local = TestClient(create_app(str(samples_path), token_file=token_env, host=host))
        assert local.get("/api/claims").status_code == 200, host


def test_the_dashboard_and_docs_need_the_token_off_loopback_too(samples_path, token_env) -> None:
    exposed = TestClient(create_app(str(samples_path), token_file=token_env, host="0.0.0.0"))
    token = token_env.read_text().strip()
    for path in ("/", "/map", "/tracks", "/brief", "/docs", "/openapi.json", "/?token=wrong"):
        refused = exposed.get(path)
        assert refused.status_code == 401 and "Token needed" in refused.text, path
    opened = exposed.get(f"/?token={token}")  # once, from the browser's address bar
    assert opened.status_code == 200 and "httponly" in opened.headers["set-cookie"].lower()
    assert exposed.get("/map").status_code == 200  # the cookie carries it from then on
    assert exposed.get("/openapi.json").status_code == 200
    assert TestClient(create_app(str(samples_path), token_file=token_env, host="0.0.0.0")).get(
        "/static/watchfloor.css").status_code == 200  # fmt: skip
    local = TestClient(create_app(str(samples_path), token_file=token_env))
    assert local.get("/").status_code == 200


def test_posted_html_gives_its_main_text_and_the_given_title(writer) -> None:
    page = (
        "<html><head><title>Site</title></head><body><nav>Home | World | Sport</nav><article><p>"
        + ARTICLE
        + "</p><p>Officials said repairs to the power grid would take several days.</p></article></body></html>"
    )
    body = {"html": page, "title": "Given title", "url": "https://example.org/a", "date": "2024-12-03"}
    added = writer.post("/api/documents", json=body, headers=bearer(writer.token))
    assert added.status_code == 201, added.text
    stored = writer.get(f"/api/documents/{added.json()['document_id']}").json()
    assert stored["title"] == "Given title" and stored["url"] == "https://example.org/a"
    assert "120 drones" in stored["text"] and "Sport" not in stored["text"]


def test_a_posted_article_raises_the_stored_rules_alerts(writer, fresh_path) -> None:
    from watchfloor.store.ledger import Ledger
    from watchfloor.store.watch import WatchStore

    rule = {
        "name": "russian-figures",
        "kind": "new_figure",
        "severity": "high",
        "description": "",
        "params": {"actor": "RUS"},
    }
    WatchStore(Ledger(str(fresh_path))).add_rule(rule)
    before = writer.get("/api/alerts").json()["items"]
    added = writer.post("/api/documents", json={"text": ARTICLE, "date": "2024-12-03"}, headers=bearer(writer.token))
    after = writer.get("/api/alerts").json()["items"]
    fresh = [alert for alert in after if alert not in before]
    assert fresh and {alert["rule"] for alert in fresh} == {"russian-figures"}
    assert {alert["document_id"] for alert in fresh} == {added.json()["document_id"]}


def test_corrections_reject_a_claim_and_delete_a_document(writer) -> None:
    claims = writer.get("/api/claims", params={"limit": 1000}).json()["items"]
    fact = f"{claims[0]['document_id']}:{claims[0]['claim_id']}"
    body = {"fact": fact, "reject": True, "reason": "a quoted rumour"}
    assert writer.post("/api/corrections", json=body).status_code == 401
    done = writer.post("/api/corrections", json=body, headers=bearer(writer.token))
    assert done.status_code == 201 and done.json()["kind"] == "claim", done.text
    after = writer.get("/api/claims", params={"limit": 1000}).json()["items"]
    assert fact not in [f"{claim['document_id']}:{claim['claim_id']}" for claim in after]
    assert len(after) == len(claims) - 1
    bad = writer.post("/api/corrections", json={"fact": "nonsense"}, headers=bearer(writer.token))
    assert bad.status_code == 400 and bad.json()["error"]
    document_id = claims[0]["document_id"]
    assert writer.delete(f"/api/documents/{document_id}").status_code == 401
    assert writer.delete(f"/api/documents/{document_id}", headers=bearer(writer.token)).json() == {
        "deleted": document_id
    }
    assert writer.get(f"/api/documents/{document_id}").status_code == 404
    assert document_id not in [
        row["id"] for row in writer.get("/api/documents", params={"limit": 1000}).json()["items"]
    ]
    assert writer.delete("/api/documents/sha256:0000", headers=bearer(writer.token)).status_code == 404
