"""The watch-rule kinds that look beyond one claim: a new contradiction on a track, an event near a place,
a first mention of a place, and a sudden rise in a dyad's conflict score. Each returns unstored alerts."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from watchfloor.errors import WatchfloorError
from watchfloor.store.rows import AlertRow

if TYPE_CHECKING:
    from watchfloor.model import Claim, Extraction
    from watchfloor.monitor.rules import Rule
    from watchfloor.store.ledger import Ledger
    from watchfloor.store.watch import WatchStore

EARTH_RADIUS_KM = 6371.0088  # the mean Earth radius (IUGG), as haversine distances usually take it
DEFAULT_KM = 50.0
DEFAULT_PERIODS = 4  # a month of weeks: enough to smooth one quiet or busy week
DEFAULT_DROP = 5.0  # a score five below its recent mean is about two more attacks (-2.5 each) than usual


def haversine_km(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    step = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(step))


def locate(text: str) -> tuple[float, float]:
    """A place as (lat, lon): written "lat,lon", or a name found in our regions table, else the most populous
    GeoNames city of that name (the index the place resolver uses)."""
    from watchfloor import gazetteer
    from watchfloor.config import Settings
    from watchfloor.resolve.geonames import normalize, open_index

    lat, comma, lon = text.partition(",")
    if comma:
        try:
            point = float(lat), float(lon)
        except ValueError:
            pass
        else:
            if -90 <= point[0] <= 90 and -180 <= point[1] <= 180:
                return point
            raise WatchfloorError(f"{text!r}: latitude must be within -90..90 and longitude within -180..180")
    key = normalize(text)
    for region in gazetteer.regions():
        if key in {normalize(name) for name in (region.name, *region.aliases)}:
            return region.lat, region.lon
    cities = open_index(Settings().cache_dir).find(text)
    if not cities:
        raise WatchfloorError(f"place {text!r} not found; give a known place name or lat,lon, e.g. 49.99,36.23")
    return cities[0].lat, cities[0].lon


def contradictions(
    rule: Rule, extraction: Extraction, ledger: Ledger, found: list[tuple[Claim, str]]
) -> list[AlertRow]:
    """A claim of this document that an independent source's latest figure on its track contradicts."""
    from watchfloor.correlate.tracks import load_track
    from watchfloor.monitor.rules import _claim_alert

    alerts = []
    for claim, key in found:
        for entry in load_track(ledger, key).entries:
            if entry["document_id"] != extraction.document.id or entry["span_start"] != claim.span[0]:
                continue
            others = entry["marks"].get("contradicted_by") or []
            if others:
                what = f"contradicts {', '.join(others)}"
                alerts.append(_claim_alert(rule, extraction.document.id, claim, key, what, "contradiction"))
    return alerts


def events_near(rule: Rule, extraction: Extraction) -> list[AlertRow]:
    """Events (of the rule's ``types``, if any) whose resolved place lies within ``km`` of the rule's place."""
    from watchfloor.monitor.rules import _alert

    center = locate(rule.params["place"])
    limit = float(rule.params.get("km", DEFAULT_KM))
    points = {place.name: (place.lat, place.lon) for place in extraction.places}
    alerts = []
    for event in extraction.events:
        if event.place not in points or (rule.params.get("types") and event.type not in rule.params["types"]):
            continue
        distance = haversine_km(center, points[event.place])
        if distance <= limit:
            span, document_id = event.trigger.span, extraction.document.id
            message = f"{event.type} at {event.place}, {distance:.0f} km from {rule.params['place']}"
            alerts.append(_alert(rule, f"event:{document_id}:{span[0]}-{span[1]}", document_id, [span], message))
    return alerts


def first_places(rule: Rule, extraction: Extraction, store: WatchStore) -> list[AlertRow]:
    """The first document ever to name a place (one of ``places`` if given), by name or GeoNames id."""
    from watchfloor.monitor.rules import _alert

    wanted = {name.casefold() for name in rule.params.get("places") or []}
    alerts = []
    for place in extraction.places:
        if wanted and place.name.casefold() not in wanted:
            continue
        if store.place_known_elsewhere(place.name, place.geonameid, extraction.document.id):
            continue
        spans = [list(span) for span in place.mentions[:5]]
        fact = f"place:{place.geonameid or place.name.casefold()}"
        alerts.append(_alert(rule, fact, extraction.document.id, spans, f"first mention of {place.name}"))
    return alerts


def dyad_rise(rule: Rule, extraction: Extraction, ledger: Ledger) -> list[AlertRow]:
    """The dyad's latest period scores more than ``drop`` below the mean of its previous ``periods`` periods
    (conflict weighs negative, so a fall in score is a rise in conflict). Raised once per period."""
    from watchfloor.monitor.rules import _alert

    first, second = rule.params["first"], rule.params["second"]
    countries = {actor.id: actor.country for actor in extraction.actors}
    sides = {(countries.get(e.source or "") or e.source, countries.get(e.target or "") or e.target): e
             for e in extraction.events}  # fmt: skip
    event = sides.get((first, second))
    if event is None:
        return []  # this document adds nothing to the dyad: the rise, if any, was raised by another
    from watchfloor.correlate.dyads import load_dyad

    # only this dyad is counted (in SQL, by source and target), not the whole ledger read
    points = load_dyad(ledger, first, second, rule.params.get("by", "week"), examples=0)
    periods = int(rule.params.get("periods", DEFAULT_PERIODS))
    change = score_drop(points, periods)
    if change is None or change[0] <= float(rule.params.get("drop", DEFAULT_DROP)):
        return []
    latest = points[-1]
    spans = [list(event.trigger.span), list(event.sentence)]
    message = (
        f"{first}->{second} score {latest['score']:g} in {latest['period']}, {change[0]:.1f} below {change[1]:.1f}"
    )
    return [_alert(rule, f"dyad:{first}>{second}:{latest['period']}", extraction.document.id, spans, message)]


def score_drop(points: list[Any], periods: int) -> tuple[float, float] | None:
    """How far the latest point's score falls below the mean of up to ``periods`` points before it (and that
    mean); None with no earlier point."""
    if len(points) < 2:
        return None
    earlier = [point["score"] for point in points[-1 - periods : -1]]
    mean = sum(earlier) / len(earlier)
    return mean - points[-1]["score"], mean
