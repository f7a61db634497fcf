"""The records watchfloor passes between stages: frozen dataclasses, no behaviour beyond conversion."""

from __future__ import annotations

from dataclasses import dataclass

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
    """An input that produced no document, and why. ``ignored`` is a file left out on purpose (a folder's
    file of a type that holds no articles), which is no failure."""

    source: str
    reason: str
    ignored: bool = False


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
class NumberMention:
    """A number as the text states it, with its character span (modifiers and currency included), before it
    is read as a claim: what ``extract.quantities.find_quantities`` returns."""

    span: Span
    value: float | None
    low: float | None
    high: float | None
    bound: str
    approximate: bool
    currency: str | None
    unit: str | None
    vague: bool
    number_span: Span


@dataclass(frozen=True)
class Quantity:
    """A figure's amount as the contract gives it: the value or range, its bound, and what it counts."""

    value: float | None
    low: float | None
    high: float | None
    bound: str
    approximate: bool
    unit: str | None
    per: str | None
    unit_text: str | None
    change: str | None = None  # "increase" / "decrease": a change ("3,000 more"), not a new total


@dataclass(frozen=True)
class StatedTime:
    """When a claim or an event holds, as its clause states it (start/end None for "since the war began").
    `basis` says where a claim's time comes from: its clause ("stated"), the statement reporting it
    ("statement": "said on Monday"), or the publication date ("published"); None where not set (events)."""

    start: str | None
    end: str | None
    text: str
    basis: str | None = None


@dataclass(frozen=True)
class Attribution:
    """Who states a claim or an event: the speaker's words, its actor, the cue and the citation chain."""

    speaker: str
    actor: str | None
    cue: str
    span: Span
    chain: tuple[str, ...]


@dataclass(frozen=True)
class Factuality:
    """How sure the text is of a claim or an event (certain, probable, possible, ...) and whether it is denied."""

    certainty: str
    polarity: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Claim:
    """One figure: what it counts, whose it is, who states it, how sure, when, and where in the text."""

    id: str
    span: Span
    sentence: Span
    quantity: Quantity
    measure: str | None
    target: str | None
    relation: str | None
    subject: str | None
    place: str | None
    time: StatedTime | None
    attribution: Attribution | None
    factuality: Factuality
    context: str | None


@dataclass(frozen=True)
class Trigger:
    """The word that reports an event, and its span."""

    text: str
    span: Span


@dataclass(frozen=True)
class Event:
    """One act, PLOVER-coded: who (source) did what (type, mode) to whom (target), where and when."""

    id: str
    type: str
    mode: str
    trigger: Trigger
    sentence: Span
    source: str | None
    target: str | None
    place: str | None
    time: StatedTime | None
    attribution: Attribution | None
    factuality: Factuality
    context: str | None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document, in the shape of the output contract."""

    document: Document
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    latest_date: str | None = None
