"""Extractions as the JSON output contract of ``watchfloor extract`` (see the schema in data/)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from watchfloor.model import (
    Actor,
    Attribution,
    Claim,
    Event,
    Extraction,
    Factuality,
    Place,
    StatedTime,
    TimeExpression,
)


def to_contract(extraction: Extraction) -> dict[str, Any]:
    """One document's extraction as the contract's JSON object."""
    document = extraction.document
    return {
        "document": {
            "id": document.id,
            "title": document.title,
            "published": document.published,
            "url": document.url,
            "outlet": document.outlet,
            "source": document.source,
            "latest_date": extraction.latest_date,
            "text": document.text,
        },
        "actors": [_actor(actor) for actor in extraction.actors],
        "places": [_place(place) for place in extraction.places],
        "times": [_time(time) for time in extraction.times],
        "claims": [claim_dict(claim) for claim in extraction.claims],
        "events": [event_dict(event) for event in extraction.events],
    }


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "affiliation": actor.affiliation,
        "mentions": [list(span) for span in actor.mentions],
    }


def _place(place: Place) -> dict[str, Any]:
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
        "precision": place.precision,
        "mentions": [list(span) for span in place.mentions],
    }


def _time(time: TimeExpression) -> dict[str, Any]:
    return {"text": time.text, "span": list(time.span), "start": time.start, "end": time.end, "grain": time.grain}


def claim_dict(claim: Claim) -> dict[str, Any]:
    """One claim as the contract's JSON object."""
    quantity = claim.quantity
    return {
        "id": claim.id,
        "span": list(claim.span),
        "sentence": list(claim.sentence),
        "quantity": {
            "value": quantity.value,
            "low": quantity.low,
            "high": quantity.high,
            "bound": quantity.bound,
            "approximate": quantity.approximate,
            "unit": quantity.unit,
            "per": quantity.per,
            "unit_text": quantity.unit_text,
            "change": quantity.change,
        },
        "measure": claim.measure,
        "target": claim.target,
        "relation": claim.relation,
        "subject": claim.subject,
        "place": claim.place,
        "time": _stated_time(claim.time),
        "attribution": _attribution(claim.attribution),
        "factuality": _factuality(claim.factuality),
        "context": claim.context,
    }


def event_dict(event: Event) -> dict[str, Any]:
    """One event as the contract's JSON object."""
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "trigger": {"text": event.trigger.text, "span": list(event.trigger.span)},
        "sentence": list(event.sentence),
        "source": event.source,
        "target": event.target,
        "place": event.place,
        "time": _stated_time(event.time),
        "attribution": _attribution(event.attribution),
        "factuality": _factuality(event.factuality),
        "context": event.context,
    }


def _stated_time(time: StatedTime | None) -> dict[str, Any] | None:
    if time is None:
        return None
    stated: dict[str, Any] = {"start": time.start, "end": time.end, "text": time.text}
    if time.basis is not None:
        stated["basis"] = time.basis
    return stated


def _attribution(attribution: Attribution | None) -> dict[str, Any] | None:
    if attribution is None:
        return None
    return {
        "speaker": attribution.speaker,
        "actor": attribution.actor,
        "cue": attribution.cue,
        "span": list(attribution.span),
        "chain": list(attribution.chain),
    }


def _factuality(factuality: Factuality) -> dict[str, Any]:
    return {"certainty": factuality.certainty, "polarity": factuality.polarity, "cues": list(factuality.cues)}


@lru_cache(maxsize=1)
def contract_schema() -> dict[str, Any]:
    """The JSON Schema of one extract output object."""
    text = resources.files("watchfloor.data").joinpath("extract.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
