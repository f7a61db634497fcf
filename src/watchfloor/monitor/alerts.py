"""Alerts raised at ingest, and where they go: stdout, a JSONL file, a webhook signed with HMAC-SHA256."""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from watchfloor.monitor.fetch import USER_AGENT
from watchfloor.store.rows import AlertRow

if TYPE_CHECKING:
    from watchfloor.model import Extraction
    from watchfloor.monitor.rules import Rule
    from watchfloor.store.ledger import IngestResult, Ledger
    from watchfloor.store.watch import WatchStore

SIGNATURE_HEADER = "X-Watchfloor-Signature"
WEBHOOK_TIMEOUT = 10.0


class Sink(Protocol):
    @property
    def name(self) -> str:
        """The sink's key in the outbox: "stdout", "jsonl:<path>", "webhook:<url>"."""
        ...

    def deliver(self, alert: AlertRow) -> None: ...


def alert_json(alert: AlertRow) -> str:
    """An alert as one line of JSON (the body every sink sends)."""
    fields = ("id", "rule", "severity", "fact", "document_id", "spans", "message", "raised_at", "seen")
    return json.dumps({key: alert.get(key) for key in fields}, ensure_ascii=False, default=str, sort_keys=True)


def sign(body: bytes, secret: str) -> str:
    """The signature header's value: ``sha256=`` and the hex HMAC-SHA256 of the body under the secret."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def verify(body: bytes, secret: str, header: str) -> bool:
    """Whether a signature header matches the body (for receivers; constant-time)."""
    return hmac.compare_digest(sign(body, secret), header)


@dataclass
class StdoutSink:
    name: str = "stdout"

    def deliver(self, alert: AlertRow) -> None:
        sys.stdout.write(alert_json(alert) + "\n")
        sys.stdout.flush()


@dataclass
class JsonlSink:
    path: Path

    @property
    def name(self) -> str:
        return f"jsonl:{self.path.resolve()}"

    def deliver(self, alert: AlertRow) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as file:
            file.write(alert_json(alert) + "\n")


@dataclass
class WebhookSink:
    """POSTs each alert as JSON; the ``X-Watchfloor-Signature`` header signs the body with the secret."""

    url: str
    secret: str
    timeout: float = WEBHOOK_TIMEOUT

    @property
    def name(self) -> str:
        return f"webhook:{self.url}"

    def deliver(self, alert: AlertRow) -> None:
        body = alert_json(alert).encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: sign(body, self.secret),
        }
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:
            answer.read()


@dataclass
class Alerter:
    """Evaluates the rules on each stored extraction, stores new alerts and hands them to every sink. Each
    alert is stored with an outbox row per sink; a sink that fails is logged, does not stop the others, and
    gets the alert again at the next ``flush`` (the monitor flushes before each poll, ``ingest`` before it
    starts): delivery at least once."""

    ledger: Ledger
    store: WatchStore
    rules: list[Rule]
    sinks: list[Sink]
    log: Callable[[str], None]

    def __call__(self, extraction: Extraction, _result: IngestResult) -> list[AlertRow]:
        from watchfloor.monitor.rules import evaluate

        raised = []
        for rule in self.rules:
            for candidate in evaluate(rule, extraction, self.ledger, self.store):
                alert = self.store.raise_alert(candidate, [sink.name for sink in self.sinks])
                if alert is not None:
                    raised.append(alert)
                    for sink in self.sinks:
                        self._deliver(sink, alert)
        return raised

    def flush(self) -> int:
        """Deliver the alerts earlier attempts could not, to this Alerter's sinks; how many went through."""
        sinks = {sink.name: sink for sink in self.sinks}
        return sum(self._deliver(sinks[name], alert) for name, alert in self.store.undelivered(sinks))

    def _deliver(self, sink: Sink, alert: AlertRow) -> bool:
        try:
            sink.deliver(alert)
        except (OSError, urllib.error.URLError, ValueError) as error:
            self.log(f"alert {alert['id']} not delivered to {sink.name}, will retry: {error}")
            self.store.record_delivery(alert["id"], sink.name, str(error) or type(error).__name__)
            return False
        self.store.record_delivery(alert["id"], sink.name)
        return True


def make_sinks(stdout: bool, jsonl: Path | None, webhook: str | None, secret: str | None) -> list[Sink]:
    sinks: list[Sink] = [StdoutSink()] if stdout else []
    if jsonl is not None:
        sinks.append(JsonlSink(jsonl))
    if webhook:
        sinks.append(WebhookSink(webhook, secret or ""))
    return sinks


def all_rules(store: WatchStore, files: Iterable[Path]) -> list[Rule]:
    """The ledger's rules and those of the files (a file's rule replaces a stored one of the same name)."""
    from watchfloor.monitor.rules import load_rules, make_rule

    rules = {
        row["name"]: make_rule({key: value for key, value in row.items() if key != "added_at"}) for row in store.rules()
    }
    for path in files:
        rules |= {rule.name: rule for rule in load_rules(path)}
    return list(rules.values())
