"""Watch rules evaluated at ingest: the alerts of a story's sequence, raised once per triggering fact (never
again on re-ingest), delivered to a JSONL file and to a webhook on 127.0.0.1 with a valid signature."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.monitor.alerts import SIGNATURE_HEADER, Alerter, JsonlSink, WebhookSink, verify
from watchfloor.monitor.poll import Monitor
from watchfloor.monitor.rules import RuleError, load_rules, make_rule
from watchfloor.store.watch import WatchStore

from .httpsite import ARTICLES, Page, article_html, rss

RULES = """
[[rule]]
name = "prk-troops"
kind = "new_figure"
severity = "high"
description = "troops of PRK in RUS"
track = "troops|PRK|deploy|RUS"

[[rule]]
name = "prk-revision"
kind = "revision"
track = "troops|PRK|deploy|RUS"
percent = 10

[[rule]]
name = "prk-denial"
kind = "denial"
actor = "PRK"
severity = "critical"

[[rule]]
name = "prk-aid"
kind = "event"
types = ["AID"]
sources = ["PRK"]
targets = "RUS"

[[rule]]
name = "first-ukr"
kind = "first_mention"
actors = ["UKR"]
"""
SECRET = "s3cret"
# the story in date order: a first figure, its revision, a strike elsewhere, a denial
STORY = [("first", "Mon, 04 Nov 2024"), ("revised", "Wed, 20 Nov 2024"), ("kharkiv", "Fri, 22 Nov 2024"),
         ("denial", "Mon, 25 Nov 2024")]  # fmt: skip


@pytest.fixture
def story_feed(site) -> str:
    entries = []
    for number, (name, day) in enumerate(STORY, start=1):
        site.routes[f"/articles/{number}.html"] = Page(article_html(ARTICLES[name], f"Story {number}"))
        entries.append({"id": f"urn:{number}", "title": f"Story {number}", "link": site.url(f"/articles/{number}.html"),
                        "date": f"{day} 08:00:00 GMT"})  # fmt: skip
    site.routes["/feed.xml"] = Page(rss(list(reversed(entries))))  # newest first, as feeds are
    return site.url("/feed.xml")


def _monitor(ledger, settings, fetcher, tmp_path: Path, site) -> Monitor:
    store = WatchStore(ledger)
    rules_file = tmp_path / "watch.toml"
    rules_file.write_text(RULES, encoding="utf-8")
    sinks = [JsonlSink(tmp_path / "alerts.jsonl"), WebhookSink(site.url("/hook"), SECRET, timeout=2)]
    alerter = Alerter(ledger, store, load_rules(rules_file), sinks, log=print)  # type: ignore[arg-type]
    return Monitor(ledger, settings, fetcher, alerter, log=print)


def test_the_story_raises_each_figure_revision_denial_and_event_once(
    site, story_feed: str, ledger, settings, fetcher, nlp, tmp_path: Path
) -> None:
    monitor = _monitor(ledger, settings, fetcher, tmp_path, site)
    source = monitor.store.add_source(story_feed, "feed", 60, None)
    # the feed lists the story newest first; the monitor ingests it oldest first, so revisions are seen
    assert monitor.poll(source).outcomes == {"added": 4}

    alerts = monitor.store.alerts()
    by_rule: dict[str, list[str]] = {}
    for alert in alerts:
        by_rule.setdefault(alert["rule"], []).append(alert["message"])
    counts = {rule: len(messages) for rule, messages in by_rule.items()}
    # each new figure, the revision (10,000 -> 12,000: 20%), the denial, and nothing else; the AID events are
    # "sent", "deployed" and the denial story's "had deployed" (reported, not denied, by the extractor)
    assert counts == {"prk-troops": 2, "prk-revision": 1, "prk-denial": 1, "prk-aid": 3, "first-ukr": 1}, by_rule
    assert by_rule["prk-revision"] == [
        "revised 20% from 10000: 12000 troops on troops|PRK|deploy|RUS (South Korea's National Intelligence Service)"
    ]
    assert by_rule["prk-denial"] == ["denied: 12000 troops on troops|PRK|deploy|RUS (Russia)"]
    assert all(alert["spans"] and alert["seen"] is False for alert in alerts)
    document = ledger.documents({alerts[0]["document_id"]})[alerts[0]["document_id"]]
    start, end = alerts[0]["spans"][0]
    assert document["text"][start:end]  # the span points into the stored text

    # re-ingesting everything (a forgotten source, a restart) raises nothing again
    monitor.store.remove_source(source["url"])
    again = monitor.poll(monitor.store.add_source(story_feed, "feed", 60, None))
    assert again.outcomes == {"unchanged": 4}
    assert len(monitor.store.alerts()) == len(alerts)

    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [alert["id"] for alert in alerts]
    assert len(site.posts) == len(alerts)
    for headers, body in site.posts:
        assert verify(body, SECRET, headers[SIGNATURE_HEADER])
        assert not verify(body, "wrong", headers[SIGNATURE_HEADER])


def test_a_revision_is_raised_when_the_source_moves_its_figure_enough(
    site, ledger, settings, fetcher, nlp, tmp_path: Path
) -> None:
    monitor = _monitor(ledger, settings, fetcher, tmp_path, site)
    for number, (name, day) in enumerate(STORY[:2], start=1):
        site.routes[f"/articles/{number}.html"] = Page(article_html(ARTICLES[name]))
        site.routes[f"/feed{number}.xml"] = Page(
            rss([{"id": f"urn:{number}", "title": "t", "link": site.url(f"/articles/{number}.html"), "date": day}])
        )
        monitor.poll(monitor.store.add_source(site.url(f"/feed{number}.xml"), "feed", 60, None))
    (revision,) = [alert for alert in monitor.store.alerts() if alert["rule"] == "prk-revision"]
    assert revision["message"].startswith("revised 20% from 10000")


def test_a_failing_webhook_does_not_lose_the_alert(story_feed: str, ledger, settings, fetcher, nlp) -> None:
    store = WatchStore(ledger)
    logged: list[str] = []
    rule = make_rule({"name": "any-figure", "kind": "new_figure", "actor": "PRK"})
    # nothing listens on the discard port
    alerter = Alerter(ledger, store, [rule], [WebhookSink("http://127.0.0.1:9/hook", SECRET, 0.5)], logged.append)
    Monitor(ledger, settings, fetcher, alerter, log=logged.append).poll(store.add_source(story_feed, "feed", 60, None))
    assert store.alerts() and any("not delivered to webhook:http://127.0.0.1:9/hook" in line for line in logged)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"kind": "new_figure"}, "needs a name"),
        ({"name": "x", "kind": "figure"}, "kind 'figure' is not one of"),
        ({"name": "x", "kind": "denial", "severity": "urgent"}, "severity 'urgent'"),
        ({"name": "x", "kind": "denial", "types": ["AID"]}, "denial takes actor, track, unit, not types"),
        ({"name": "x", "kind": "revision", "percent": "a lot"}, "percent must be a number"),
    ],
)
def test_malformed_rules_say_what_is_valid(rule: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        make_rule(rule)


def test_a_rules_file_that_is_not_toml_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("[[rule]\nname = ", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid TOML"):
        load_rules(path)


def test_a_yaml_rules_file_gives_the_rules_its_toml_twin_gives(tmp_path: Path) -> None:
    toml = tmp_path / "watch.toml"
    toml.write_text(
        '[[rule]]\nname = "prk troops"\nkind = "new_figure"\nactor = "PRK"\nunit = "troops"\nseverity = "high"\n'
        '\n[[rule]]\nname = "strikes"\nkind = "event"\ntypes = ["ASSAULT", "FIGHT"]\nsources = ["RUS", "UKR"]\n',
        encoding="utf-8",
    )
    yaml = tmp_path / "watch.yaml"
    yaml.write_text(
        "rule:\n  - name: prk troops\n    kind: new_figure\n    actor: PRK\n    unit: troops\n    severity: high\n"
        "  - name: strikes\n    kind: event\n    types: [ASSAULT, FIGHT]\n    sources: [RUS, UKR]\n",
        encoding="utf-8",
    )
    bare = tmp_path / "bare.yml"
    bare.write_text("- name: prk troops\n  kind: new_figure\n  actor: PRK\n  unit: troops\n  severity: high\n")
    assert load_rules(yaml) == load_rules(toml)
    assert load_rules(bare) == load_rules(toml)[:1]
    assert load_rules(yaml)[0].severity == "high" and load_rules(yaml)[1].params["types"] == ["ASSAULT", "FIGHT"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rule:\n  - name: [unclosed\n", "not valid YAML"),
        ("rule: !!python/object/apply:os.system ['true']\n", "not valid YAML"),  # safe_load refuses tags
        ("rule: a string\n", "write each rule as"),
        ("rule:\n  - just a name\n", "each rule is a table"),
        ("42\n", "expected a rule: list"),
    ],
)
def test_a_bad_yaml_rules_file_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "watch.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message):
        load_rules(path)
