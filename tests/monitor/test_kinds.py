"""The rule kinds beyond one claim, through `ingest --rules` on our own articles: a new contradiction between
independent sources, an event within N km of a place, a first mention of a place, a dyad's sudden rise."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.monitor.kinds import haversine_km, locate, score_drop
from watchfloor.monitor.rules import RuleError, make_rule

from .httpsite import ARTICLES

SAMPLES = Path(__file__).parents[2] / "samples"
WEEK = "KYIV -- Russian forces shelled Kharkiv on Monday, Ukrainian officials said."
SURGE = (
    "KYIV -- Russian forces attacked Kharkiv with drones on Monday, Ukrainian officials said. Russian troops"
    " shelled Sumy on Monday. Russian aircraft bombed Odesa on Monday. Russian forces launched missiles at Dnipro."
)


def _rules(tmp_path: Path, text: str) -> str:
    path = tmp_path / "watch.toml"
    path.write_text(text)
    return str(path)


def _ingest(cli, db_url: str, rules: str, *paths: str, published: str | None = None) -> list[dict[str, object]]:
    extra = ["--published", published] if published else []
    result = cli("ingest", *paths, "--db", db_url, "--rules", rules, *extra)
    assert result.code == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()[:-1]]  # the last line is the summary


def _text(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_contradiction_between_independent_sources_once(db_url, cli, tmp_path: Path) -> None:
    rules = _rules(tmp_path, '[[rule]]\nname = "c"\nkind = "contradiction"\ntrack = "troops|PRK|deploy|RUS"\n')
    story = str(SAMPLES / "north-korea-story.jsonl")
    alerts = _ingest(cli, db_url, rules, story)
    assert alerts and all("contradicts" in alert["message"] for alert in alerts)
    assert all(str(alert["fact"]).startswith("contradiction:") for alert in alerts)
    assert _ingest(cli, db_url, rules, story) == []  # never again on re-ingest


def test_a_source_revising_itself_is_no_contradiction(db_url, cli, tmp_path: Path) -> None:
    rules = _rules(tmp_path, '[[rule]]\nname = "c"\nkind = "contradiction"\ntrack = "troops|PRK|deploy|RUS"\n')
    first, revised = _text(tmp_path, "1.txt", ARTICLES["first"]), _text(tmp_path, "2.txt", ARTICLES["revised"])
    assert _ingest(cli, db_url, rules, first) == []
    assert _ingest(cli, db_url, rules, revised) == []


@pytest.mark.parametrize(
    ("place", "km", "alerts"),
    [("Kharkiv", 30, 1), ("49.99,36.23", 30, 1), ("Kyiv", 100, 0), ("Kyiv", 500, 1), ("Seoul", 50, 0)],
)
def test_events_near_a_place(db_url, cli, tmp_path: Path, place: str, km: int, alerts: int) -> None:
    rules = _rules(tmp_path, f'[[rule]]\nname = "n"\nkind = "near"\nplace = "{place}"\nkm = {km}\n')
    found = _ingest(cli, db_url, rules, _text(tmp_path, "k.txt", ARTICLES["kharkiv"]))
    assert len(found) == alerts
    assert all("Kharkiv" in str(alert["message"]) for alert in found)


def test_first_mention_of_a_place(db_url, cli, tmp_path: Path) -> None:
    rules = _rules(tmp_path, '[[rule]]\nname = "p"\nkind = "first_place"\nplaces = ["Kharkiv"]\n')
    found = _ingest(cli, db_url, rules, _text(tmp_path, "k.txt", ARTICLES["kharkiv"]))
    assert [alert["message"] for alert in found] == ["first mention of Kharkiv"]
    assert _ingest(cli, db_url, rules, _text(tmp_path, "w.txt", WEEK)) == []  # Kharkiv is known now


def test_dyad_rise_alerts_on_the_surge_week_only(db_url, cli, tmp_path: Path) -> None:
    rule = '[[rule]]\nname = "d"\nkind = "dyad_rise"\nfirst = "RUS"\nsecond = "UKR"\nperiods = 3\ndrop = 3\n'
    rules = _rules(tmp_path, rule)
    for number, day in enumerate(("2024-10-07", "2024-10-14", "2024-10-21")):
        assert _ingest(cli, db_url, rules, _text(tmp_path, f"w{number}.txt", WEEK), published=day) == []
    found = _ingest(cli, db_url, rules, _text(tmp_path, "surge.txt", SURGE), published="2024-10-28")
    assert [alert["fact"] for alert in found] == ["dyad:RUS>UKR:2024-W44"]
    assert "below" in str(found[0]["message"])


def test_score_drop_and_haversine() -> None:
    points = [{"score": -2.0}, {"score": -4.0}, {"score": -12.0}]
    assert score_drop(points, 2) == (9.0, -3.0)
    assert score_drop(points[:1], 2) is None
    assert haversine_km((50.45, 30.52), (49.99, 36.23)) == pytest.approx(410, abs=10)  # Kyiv-Kharkiv
    assert locate("49.99,36.23") == (49.99, 36.23)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"kind": "near", "km": 5}, "near needs place"),
        ({"kind": "near", "place": "Nowhereville Xq"}, "not found"),
        ({"kind": "near", "place": "95,10"}, "latitude must be"),
        ({"kind": "dyad_rise", "first": "RUS"}, "dyad_rise needs second"),
        ({"kind": "dyad_rise", "first": "RUS", "second": "UKR", "by": "year"}, "by must be day, week or month"),
        ({"kind": "dyad_rise", "first": "RUS", "second": "UKR", "drop": "big"}, "drop must be a number"),
    ],
)
def test_bad_rules_of_the_new_kinds(table: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError, match=message):
        make_rule({"name": "r", **table})


def test_rules_add_stores_the_new_kinds(db_url, cli, tmp_path: Path) -> None:
    db = db_url
    assert cli("rules", "add", "n", "--kind", "near", "--place", "Kharkiv", "--km", "30", "--db", db).code == 0
    args = ["--first", "RUS", "--second", "UKR", "--periods", "3", "--drop", "2", "--db", db]
    assert cli("rules", "add", "d", "--kind", "dyad_rise", *args).code == 0
    listed = {row["name"]: row for row in map(json.loads, cli("rules", "list", "--db", db).out.splitlines())}
    assert listed["n"]["params"] == {"place": "Kharkiv", "km": 30.0}
    assert listed["d"]["params"] == {"first": "RUS", "second": "UKR", "periods": 3, "drop": 2.0}
    bad = cli("rules", "add", "x", "--kind", "near", "--db", db)
    assert bad.code == 2 and "near needs place" in bad.err
