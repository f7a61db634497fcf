"""The issue's acceptance case: the samples' fifteen-story sequence, fed in date order, with the rules
"troops of PRK in RUS" raises an alert for each new figure, the revisions and the two denials, and nothing
else; a webhook receiver on 127.0.0.1 gets each with a valid signature."""

from __future__ import annotations

import json
from pathlib import Path

from watchfloor.monitor.alerts import SIGNATURE_HEADER, Alerter, WebhookSink, verify
from watchfloor.monitor.poll import Monitor
from watchfloor.monitor.rules import make_rule
from watchfloor.store.watch import WatchStore

STORY = Path(__file__).resolve().parents[2] / "samples" / "north-korea-story.jsonl"
TRACK = "troops|PRK|deploy|RUS"
SECRET = "story-secret"


def test_the_sample_story_raises_its_figures_revisions_and_denials(site, ledger, settings, nlp) -> None:
    rules = [
        make_rule({"name": "figure", "kind": "new_figure", "track": TRACK, "description": "troops of PRK in RUS"}),
        make_rule({"name": "revision", "kind": "revision", "track": TRACK, "percent": 10}),
        make_rule({"name": "denial", "kind": "denial", "track": TRACK, "severity": "critical"}),
    ]
    store = WatchStore(ledger)
    alerter = Alerter(ledger, store, rules, [WebhookSink(site.url("/hook"), SECRET, 2)], log=print)
    monitor = Monitor(ledger, settings, after=alerter, log=print)
    assert monitor.poll(store.add_source(str(STORY), "folder", 60, None)).outcomes == {"added": 15}

    messages = [(alert["rule"], alert["message"].split(" on ")[0]) for alert in store.alerts()]
    assert messages == [
        ("figure", "new figure: 1500 troops"),
        ("denial", "denied: 1500 soldiers"),
        ("figure", "new figure: 3000 troops"),
        ("revision", "revised 100% from 1500: 3000 troops"),
        ("denial", "denied: 3000 troops"),
        ("figure", "new figure: 10000 troops"),
        ("figure", "new figure: 11000 troops"),
        ("figure", "new figure: 12000 troops"),
        # the U.S. official's Kursk figures join the track (a place inside the destination, see
        # correlate.tracks): alerts follow the track's own marks, here "revises 10000" and a same-day pair
        ("figure", "new figure: 2000 troops"),
        ("revision", "revised 80% from 10000: 2000 troops"),
        ("figure", "new figure: 3000-10000 troops"),
        ("figure", "new figure: 11000 troops"),
        ("revision", "revised 267% from 3000: 11000 troops"),
        ("figure", "new figure: 14000 troops"),
        ("revision", "revised 133% from 12000: 14000 troops"),
        ("figure", "new figure: 12000 troops"),
        ("revision", "revised 85% from 3000-10000: 12000 troops"),  # the track marks it so too
        ("figure", "new figure: 15000 troops"),
    ]
    assert [json.loads(body)["id"] for _headers, body in site.posts] == list(range(1, 19))
    assert all(verify(body, SECRET, headers[SIGNATURE_HEADER]) for headers, body in site.posts)
