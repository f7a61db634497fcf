"""`watchfloor ingest --rules`: the watch rules evaluated at ingest, alerts on stdout, a JSONL file and a
signed webhook on 127.0.0.1, once per triggering fact."""

from __future__ import annotations

import json
from pathlib import Path

from watchfloor.monitor.alerts import SIGNATURE_HEADER, verify

from .httpsite import ARTICLES

RULES = """
[[rule]]
name = "prk-troops"
kind = "new_figure"
severity = "high"
track = "troops|PRK|deploy|RUS"

[[rule]]
name = "prk-denial"
kind = "denial"
actor = "PRK"
"""


def _write(tmp_path: Path) -> tuple[Path, Path, Path]:
    rules = tmp_path / "watch.toml"
    rules.write_text(RULES)
    first = tmp_path / "first.txt"
    first.write_text(ARTICLES["first"])
    denial = tmp_path / "denial.txt"
    denial.write_text(ARTICLES["denial"])
    return rules, first, denial


def test_ingest_with_rules_raises_and_delivers_alerts_once(db_url, cli, tmp_path: Path, site) -> None:
    rules, first, denial = _write(tmp_path)
    db, jsonl = db_url, tmp_path / "alerts.jsonl"
    hook = ["--webhook", site.url("/hook"), "--webhook-secret", "k"]
    result = cli("ingest", str(first), str(denial), "--db", db, "--rules", str(rules), "--jsonl", str(jsonl), *hook)
    assert result.code == 0, result.err
    lines = [json.loads(line) for line in result.out.splitlines()]
    alerts, summary = lines[:-1], lines[-1]
    assert sum(v for k, v in summary.items() if k != "ledger") == 2
    assert sorted(alert["rule"] for alert in alerts) == ["prk-denial", "prk-troops"]
    assert [json.loads(line)["rule"] for line in jsonl.read_text().splitlines()] == [a["rule"] for a in alerts]
    assert len(site.posts) == 2
    assert all(verify(body, "k", headers[SIGNATURE_HEADER]) for headers, body in site.posts)
    again = cli("ingest", str(first), str(denial), "--db", db, "--rules", str(rules), "--jsonl", str(jsonl), *hook)
    assert again.code == 0 and len(again.out.splitlines()) == 1  # only the summary: no alert raised twice
    assert len(site.posts) == 2


def test_ingest_without_rules_prints_only_the_summary(db_url, cli, tmp_path: Path) -> None:
    _, first, _ = _write(tmp_path)
    result = cli("ingest", str(first), "--db", db_url, "--quiet")
    assert result.code == 0 and len(result.out.splitlines()) == 1


def test_ingest_webhook_without_secret_is_a_usage_error(cli, tmp_path: Path) -> None:
    _, first, _ = _write(tmp_path)
    result = cli("ingest", str(first), "--webhook", "http://127.0.0.1:9/")
    assert result.code == 2 and "--webhook needs --webhook-secret" in result.err
