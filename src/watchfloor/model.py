"""The records watchfloor passes between stages: frozen dataclasses, no behaviour beyond conversion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One article as stored: its text (which every span indexes) and what is known about it."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str = "-"


@dataclass(frozen=True)
class Skip:
    """An input that produced no document, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Actor:
    """A state, organ, person, international organisation or armed group, with every mention's span."""

    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    mentions: tuple[Span, ...] = ()
    affiliation: str | None = None


@dataclass(frozen=True)
class Place:
    """A place below country level, resolved to coordinates with an honest precision."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    precision: str
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression and the interval it denotes; start/end are None when unresolvable."""

    text: str
    span: Span
    start: str | None
    end: str | None
    grain: str


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document, in the shape of the output contract."""

    document: Document
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    events: tuple[dict[str, Any], ...] = ()
    latest_date: str | None = None
