"""Extractions as the JSON output contract of ``watchfloor extract`` (see the schema in data/)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from watchfloor.model import Actor, Extraction, Place, TimeExpression


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
        "claims": list(extraction.claims),
        "events": list(extraction.events),
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


@lru_cache(maxsize=1)
def contract_schema() -> dict[str, Any]:
    """The JSON Schema of one extract output object."""
    text = resources.files("watchfloor.data").joinpath("extract.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
