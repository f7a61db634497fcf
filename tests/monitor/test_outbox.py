"""The alert outbox: an alert a webhook receiver on 127.0.0.1 refuses is kept undelivered for that sink and
delivered at the next poll or run, exactly once to a receiver that then accepts it (at least once in all)."""

from __future__ import annotations

import json
from pathlib import Path

from watchfloor.monitor.alerts import SIGNATURE_HEADER, Alerter, JsonlSink, WebhookSink, verify
from watchfloor.monitor.poll import Monitor
from watchfloor.monitor.rules import make_rule
from watchfloor.store.watch import WatchStore

from .httpsite import ARTICLES
from .test_alerts import SECRET, story_feed  # noqa: F401  (a fixture)

RULE = make_rule({"name": "any-figure", "kind": "new_figure", "actor": "PRK"})


def _alert_ids(site) -> list[int]:
    return [json.loads(body)["id"] for _headers, body in site.posts]


def test_a_refused_webhook_call_is_retried_at_the_next_poll(
    site,
    story_feed: str,  # noqa: F811
    ledger,
    settings,
    fetcher,
    nlp,
    tmp_path: Path,
) -> None:
    store, logged = WatchStore(ledger), []
    sinks = [WebhookSink(site.url("/hook"), SECRET, 2), JsonlSink(tmp_path / "alerts.jsonl")]
    alerter = Alerter(ledger, store, [RULE], sinks, logged.append)  # type: ignore[arg-type]
    monitor = Monitor(ledger, settings, fetcher, alerter, log=logged.append)
    site.failing_posts = 1  # the receiver is down for the first call
    monitor.poll(store.add_source(story_feed, "feed", 3600, None))
    raised = [alert["id"] for alert in store.alerts()]
    assert len(raised) >= 2 and any("will retry" in line for line in logged)
    first = raised[0]
    assert [(sink, alert["id"]) for sink, alert in store.undelivered([sinks[0].name])] == [(sinks[0].name, first)]
    assert store.undelivered([sinks[1].name]) == []  # the JSONL file took every alert
    assert _alert_ids(site) == raised[1:]

    assert monitor.poll_due() == []  # nothing due, but the outbox is flushed
    assert sorted(_alert_ids(site)) == raised  # every alert, each once
    assert store.undelivered([sinks[0].name]) == []
    webhook = next(row for row in store.deliveries(first) if row["sink"].startswith("webhook:"))
    assert webhook["delivered"] and webhook["attempts"] == 2 and webhook["error"] is None
    assert all(verify(body, SECRET, headers[SIGNATURE_HEADER]) for headers, body in site.posts)
    monitor.poll_due()
    assert len(site.posts) == len(raised)  # delivered ones are not sent again


def test_an_alert_stored_before_a_crash_is_delivered_on_restart(site, ledger) -> None:
    store = WatchStore(ledger)
    sink = WebhookSink(site.url("/hook"), SECRET, 2)
    fact = {"rule": "r", "severity": "low", "fact": "f", "document_id": "d", "spans": [], "message": "m"}
    alert = store.raise_alert(fact, [sink.name])  # stored, then the process died before delivering
    assert alert is not None
    restarted = Alerter(ledger, store, [RULE], [sink], print)
    assert restarted.flush() == 1 and _alert_ids(site) == [alert["id"]]
    assert restarted.flush() == 0 and len(site.posts) == 1


def test_ingest_delivers_what_an_earlier_run_could_not(db_url, cli, site, tmp_path: Path) -> None:
    rules, article = tmp_path / "watch.toml", tmp_path / "first.txt"
    rules.write_text('[[rule]]\nname = "f"\nkind = "new_figure"\nactor = "PRK"\n')
    article.write_text(ARTICLES["first"])
    args = ["--db", db_url, "--rules", str(rules), "--quiet"]
    args += ["--webhook", site.url("/hook"), "--webhook-secret", SECRET]
    site.failing_posts = 1
    first = cli("ingest", str(article), *args)
    assert first.code == 0 and "will retry" in first.err and site.posts == []
    again = cli("ingest", str(article), *args)  # nothing new to ingest; the outbox is flushed
    assert again.code == 0 and len(site.posts) == 1
    assert json.loads(site.posts[0][1])["rule"] == "f"
