"""The shapes of the rows the ledger returns: stored claims and events with their document's fields.

Readers (correlate, report, the CLI) index them by column name; these types let mypy check those names.
Rows from narrower queries (a track reads only the columns it needs) hold a subset, hence ``total=False``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypedDict


class Marks(TypedDict, total=False):
    """What a track says of one figure: its ultimate source and how it stands against the others."""

    source: str
    corroborated_by: list[str]
    contradicted_by: list[str]
    denial: bool
    revises: str
    differs_same_day: str


class ClaimRow(TypedDict, total=False):
    """A stored claim (``schema.claims``) of a document's latest extraction, with the document's fields."""

    id: int
    extraction_id: int
    claim_id: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    approximate: bool
    unit: str | None
    per: str | None
    unit_text: str | None
    change: str | None
    measure: str | None
    subject: str | None
    subject_country: str | None
    place: str | None
    target: str | None
    track_key: str | None
    chain_countries: list[str | None] | None
    document_date: str | None
    time_start: str | None
    time_end: str | None
    time_text: str | None
    time_basis: str | None
    speaker: str | None
    source: str | None
    source_country: str | None
    cue: str | None
    chain: list[str] | None
    certainty: str
    polarity: str
    cues: list[str]
    context: str | None
    span_start: int
    span_end: int
    sentence_start: int
    sentence_end: int
    document_id: str
    published: str | None
    latest_date: str | None
    title: str | None
    outlet: str | None
    url: str | None
    ingested_at: object
    lat: float | None
    lon: float | None
    marks: Marks
    _interval: tuple[float, float]  # the figure's interval, cached by correlate.tracks


class EventRow(TypedDict, total=False):
    """A stored event (``schema.events``) of a document's latest extraction, with the document's fields."""

    id: int
    extraction_id: int
    event_id: str
    type: str
    mode: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    source: str | None
    source_country: str | None
    target: str | None
    target_country: str | None
    place: str | None
    time_start: str | None
    time_end: str | None
    speaker: str | None
    attributed: str | None
    certainty: str
    polarity: str
    context: str | None
    document_id: str
    published: str | None
    latest_date: str | None
    title: str | None
    outlet: str | None
    url: str | None
    ingested_at: object
    lat: float | None
    lon: float | None


class SourceRow(TypedDict, total=False):
    """A watched source (``schema.sources``): what to poll, how often, and how its last poll went."""

    id: int
    url: str
    kind: str
    every: int
    outlet: str | None
    added_at: datetime
    next_poll: datetime
    last_poll: datetime | None
    etag: str | None
    last_modified: str | None
    status: str | None
    error: str | None
    failures: int


class AlertRow(TypedDict, total=False):
    """An alert (``schema.alerts``): the rule, the fact that triggered it with its spans, and when; before it is
    stored it has no id, time or seen flag."""

    id: int
    rule: str
    severity: str
    fact: str
    document_id: str
    spans: list[list[int]]
    message: str
    raised_at: datetime
    seen: bool


class RuleRow(TypedDict, total=False):
    """A stored watch rule (``schema.rules``): its kind, severity, description and filters."""

    name: str
    kind: str
    severity: str
    description: str
    params: dict[str, object]
    added_at: datetime


# the rule of independence lives here, beside the rows, so the store's summary tables (``store.summaries``)
# count sources as ``correlate.tracks`` does without the store importing correlate
def ultimate_source(row: ClaimRow) -> str:
    """Who a figure ultimately comes from, at state level; the outlet for its own voice."""
    chain = row.get("chain") or []
    countries = row.get("chain_countries") or []
    if chain:
        return str(countries[-1] if countries and countries[-1] else chain[-1])
    if row.get("source"):
        return str(row.get("source_country") or row["source"])
    return "outlet:" + str(row.get("outlet") or row.get("document_id"))


def event_day(event: Mapping[str, Any]) -> str | None:
    """The day an event happened as the ledger reads it: its stated time, else its document's date (what
    ``events.day`` keeps, and dyads and the brief's event groups count by)."""
    day: str | None = event.get("time_start") or event.get("published") or event.get("latest_date")
    return day
