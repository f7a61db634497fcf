"""Watch rules: what in a newly stored extraction deserves an alert. Rules are data (a TOML file or the
ledger's rules table); each has a name, a kind, a severity, a description and the filters of its kind.

Kinds and their filters:
  new_figure     a figure on a track: ``track`` (key or key prefix), ``actor`` (whose figure), ``unit``
  revision       a source's figure differing from its own earlier one on the track by more than ``percent``
  denial         a denied figure (polarity negative), same filters as new_figure
  event          an event with ``types`` (PLOVER, e.g. ["ATTACK"]) between ``sources`` and ``targets``
  first_mention  the first document ever to name one of ``actors`` (ids or country codes; any actor if empty)
  contradiction  a figure that an independent source's latest figure on its track contradicts (figure filters)
  near           an event (of ``types``, if given) within ``km`` (default 50) of ``place`` (a name or "lat,lon")
  first_place    the first document ever to name one of ``places`` (any place if empty)
  dyad_rise      the ``first`` -> ``second`` dyad's latest period (``by`` day|week|month) scoring more than
                 ``drop`` below the mean of its previous ``periods`` periods: a sudden rise in conflict
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from watchfloor.errors import WatchfloorError
from watchfloor.monitor import kinds
from watchfloor.store.rows import AlertRow, RuleRow

if TYPE_CHECKING:
    from watchfloor.model import Claim, Extraction
    from watchfloor.store.ledger import Ledger
    from watchfloor.store.watch import WatchStore

SEVERITIES = ("low", "medium", "high", "critical")
PARAMS = {
    "new_figure": {"track", "actor", "unit"},
    "revision": {"track", "actor", "unit", "percent"},
    "denial": {"track", "actor", "unit"},
    "event": {"types", "sources", "targets"},
    "first_mention": {"actors"},
    "contradiction": {"track", "actor", "unit"},
    "near": {"place", "km", "types"},
    "first_place": {"places"},
    "dyad_rise": {"first", "second", "by", "periods", "drop"},
}
REQUIRED = {"near": ("place",), "dyad_rise": ("first", "second")}
NUMBERS = ("percent", "km", "periods", "drop")
LISTS = {"types", "sources", "targets", "actors", "places"}
DEFAULT_REVISION_PERCENT = 10.0


class RuleError(WatchfloorError):
    """A watch rule is malformed: the message names the rule and what would be valid."""


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    severity: str = "medium"
    description: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def row(self) -> RuleRow:
        return {
            "name": self.name,
            "kind": self.kind,
            "severity": self.severity,
            "description": self.description,
            "params": self.params,
        }


def make_rule(data: dict[str, Any]) -> Rule:
    """A Rule from a TOML table or a stored row, checked: unknown kinds, severities or filters are errors."""
    name = str(data.get("name") or "").strip()
    if not name:
        raise RuleError("a rule needs a name")
    kind = data.get("kind")
    if kind not in PARAMS:
        raise RuleError(f"rule {name!r}: kind {kind!r} is not one of {', '.join(PARAMS)}")
    severity = data.get("severity", "medium")
    if severity not in SEVERITIES:
        raise RuleError(f"rule {name!r}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    params = dict(data.get("params") or {})
    params |= {k: v for k, v in data.items() if k not in ("name", "kind", "severity", "description", "params")}
    unknown = set(params) - PARAMS[kind]
    if unknown:
        raise RuleError(f"rule {name!r}: {kind} takes {', '.join(sorted(PARAMS[kind]))}, not {', '.join(unknown)}")
    for key in LISTS & set(params):
        params[key] = [params[key]] if isinstance(params[key], str) else list(params[key])
    for key in NUMBERS:
        if key in params and (isinstance(params[key], bool) or not isinstance(params[key], int | float)):
            raise RuleError(f"rule {name!r}: {key} must be a number, e.g. 20")
    missing = [key for key in REQUIRED.get(kind, ()) if not params.get(key)]
    if missing:
        raise RuleError(f"rule {name!r}: {kind} needs {', '.join(missing)}")
    if params.get("by", "week") not in ("day", "week", "month"):
        raise RuleError(f"rule {name!r}: by must be day, week or month")
    if kind == "near":
        from watchfloor.monitor.kinds import locate

        try:
            locate(str(params["place"]))
        except WatchfloorError as error:
            raise RuleError(f"rule {name!r}: {error}") from None
    return Rule(name, kind, severity, str(data.get("description") or ""), params)


def load_rules(path: Path) -> list[Rule]:
    """Rules from a TOML file of ``[[rule]]`` tables, or a YAML file (``.yaml``/``.yml``) with a ``rule:``
    list of mappings (or a bare list)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RuleError(f"cannot read rules file {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise RuleError(f"rules file {path} is not UTF-8 text: {error.reason}") from error
    data = _yaml_rules(path, text) if path.suffix.lower() in (".yaml", ".yml") else _toml_rules(path, text)
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        raise RuleError(f"rules file {path}: write each rule as a [[rule]] table (TOML) or a rule: list item (YAML)")
    for table in tables:
        if not isinstance(table, dict):
            raise RuleError(f"rules file {path}: each rule is a table of name, kind, severity...; got {table!r}")
    return [make_rule(table) for table in tables]


def _toml_rules(path: Path, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RuleError(f"rules file {path} is not valid TOML: {error}") from error


def _yaml_rules(path: Path, text: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise RuleError(f"rules file {path} is not valid YAML: {error}") from error
    if data is None:
        return {}
    if isinstance(data, list):
        return {"rule": data}
    if not isinstance(data, dict):
        raise RuleError(f"rules file {path}: expected a rule: list, got {type(data).__name__}")
    return data


def evaluate(rule: Rule, extraction: Extraction, ledger: Ledger, store: WatchStore) -> list[AlertRow]:
    """The alerts (not yet stored) ``rule`` raises on a stored extraction; each names its triggering fact."""
    from watchfloor.correlate.tracks import claim_track_keys, track_groups

    document = extraction.document
    if rule.kind == "first_mention":
        return _first_mentions(rule, extraction, store)
    if rule.kind == "event":
        return _events(rule, extraction)
    if rule.kind == "near":
        return kinds.events_near(rule, extraction)
    if rule.kind == "first_place":
        return kinds.first_places(rule, extraction, store)
    if rule.kind == "dyad_rise":
        return kinds.dyad_rise(rule, extraction, ledger)
    if document.id in ledger.copies():
        return []  # a wire copy's figures are its original's
    keys = claim_track_keys(extraction)
    groups = track_groups(ledger)  # a figure whose clause omits part of its key is on the track it fits
    countries = {actor.id: actor.country for actor in extraction.actors}
    matching: list[tuple[Claim, str]] = []
    for claim in extraction.claims:
        key = keys.get(claim.id)
        key = groups.get(key, key) if key is not None else None
        if key is not None and _claim_matches(rule.params, claim, key, countries):
            matching.append((claim, key))
    if rule.kind == "contradiction":
        return kinds.contradictions(rule, extraction, ledger, matching)
    found = []
    for claim, key in matching:
        denied = claim.factuality.polarity == "negative"
        if rule.kind == "denial" and denied:
            found.append(_claim_alert(rule, document.id, claim, key, "denied"))
        elif rule.kind == "new_figure" and not denied:
            found.append(_claim_alert(rule, document.id, claim, key, "new figure"))
        elif rule.kind == "revision" and not denied:
            change = _revision(ledger, key, document.id, claim)
            if change is not None and change[0] > float(rule.params.get("percent", DEFAULT_REVISION_PERCENT)):
                found.append(_claim_alert(rule, document.id, claim, key, f"revised {change[0]:.0f}% from {change[1]}"))
    return found


def _claim_matches(params: dict[str, Any], claim: Claim, key: str, countries: dict[str, str | None]) -> bool:
    from watchfloor.gazetteer import unit_class

    if params.get("track") and not key.startswith(params["track"]):
        return False
    actor = params.get("actor")
    if actor and actor not in (claim.subject, countries.get(claim.subject or "")):
        return False
    unit = params.get("unit")
    return not unit or unit_class(unit) == unit_class(claim.quantity.unit)


def _claim_alert(rule: Rule, document_id: str, claim: Claim, key: str, what: str, fact: str = "claim") -> AlertRow:
    from watchfloor.correlate.tracks import figure_text

    quantity = claim.quantity
    figure = figure_text({"value": quantity.value, "low": quantity.low, "high": quantity.high, "bound": quantity.bound})
    who = claim.attribution.speaker if claim.attribution else "the outlet"
    return _alert(
        rule,
        f"{fact}:{document_id}:{claim.span[0]}-{claim.span[1]}",
        document_id,
        [claim.span],
        f"{what}: {figure} {quantity.unit or ''} on {key} ({who})",
    )


def _revision(ledger: Ledger, key: str, document_id: str, claim: Claim) -> tuple[float, str] | None:
    """How far (percent, and from what) this claim moves its source's previous figure on the track."""
    from watchfloor.correlate.tracks import figure_text, interval, load_track
    from watchfloor.store.rows import ultimate_source

    entries = load_track(ledger, key).entries
    for index, entry in enumerate(entries):
        if entry["document_id"] != document_id or entry["span_start"] != claim.span[0]:
            continue
        if not entry["marks"].get("revises"):
            return None
        source = ultimate_source(entry)
        earlier = [e for e in entries[:index] if ultimate_source(e) == source and e.get("polarity") != "negative"]
        if not earlier:
            return None
        old, new = _middle(interval(earlier[-1])), _middle(interval(entry))
        return (abs(new - old) / old * 100 if old else math.inf), figure_text(earlier[-1])
    return None


def _middle(bounds: tuple[float, float]) -> float:
    low, high = bounds
    return low if math.isinf(high) else (low + high) / 2


def _events(rule: Rule, extraction: Extraction) -> list[AlertRow]:
    countries = {actor.id: actor.country for actor in extraction.actors}
    params, found = rule.params, []
    for event in extraction.events:
        if params.get("types") and event.type not in params["types"]:
            continue
        if not _actor_in(event.source, params.get("sources"), countries):
            continue
        if not _actor_in(event.target, params.get("targets"), countries):
            continue
        span = event.trigger.span
        doer = event.source or "an unnamed party"
        message = f"{event.type} by {doer} against {event.target or '?'}: {event.trigger.text!r}"
        found.append(
            _alert(
                rule,
                f"event:{extraction.document.id}:{span[0]}-{span[1]}",
                extraction.document.id,
                [span, event.sentence],
                message,
            )
        )
    return found


def _actor_in(actor: str | None, wanted: list[str] | None, countries: dict[str, str | None]) -> bool:
    return not wanted or bool(actor and (actor in wanted or countries.get(actor) in wanted))


def _first_mentions(rule: Rule, extraction: Extraction, store: WatchStore) -> list[AlertRow]:
    wanted = rule.params.get("actors") or []
    found = []
    for actor in extraction.actors:
        names = [name for name in (actor.id, actor.country) if name and (not wanted or name in wanted)]
        for name in names[:1]:
            if store.actor_known_elsewhere(name, extraction.document.id):
                continue
            spans = [list(span) for span in actor.mentions[:5]]
            found.append(
                _alert(rule, f"actor:{name}", extraction.document.id, spans, f"first mention of {name} ({actor.name})")
            )
    return found


def _alert(rule: Rule, fact: str, document_id: str, spans: list[Any], message: str) -> AlertRow:
    return {
        "rule": rule.name,
        "severity": rule.severity,
        "fact": fact,
        "document_id": document_id,
        "spans": [list(span) for span in spans],
        "message": message,
    }
