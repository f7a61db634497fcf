"""The REST API: the ledger's records as JSON under ``/api``, with the CLI's filters and a cursor to page on.

Every listing answers ``{"items": [...], "next": CURSOR or null}``; pass ``cursor=CURSOR`` for the next page.
Bad filter values answer 400 ``{"error": message, "valid": [...]}``; unknown ids 404.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from watchfloor.errors import WatchfloorError
from watchfloor.formats import (
    ALERT_COLUMNS,
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    EXPORT_KINDS,
    export_rows,
    geojson_collection,
    write_csv,
)
from watchfloor.web.guard import ApiError


def _check_read(request: Request) -> None:
    request.app.state.guard.check_read(request)


router = APIRouter(prefix="/api", dependencies=[Depends(_check_read)])

MAX_LIMIT = 1000
CERTAINTIES = ["certain", "probable", "possible", "unknown"]
Limit = Query(100, ge=1, le=MAX_LIMIT, description="Items per page.")
Cursor = Query(None, description="The `next` of the previous page.")


def _ledger(request: Request) -> Any:
    return request.app.state.ledger


# -- paging and filters --


def _offset(cursor: str | None) -> int:
    """The position an opaque cursor stands for (base64 of a small JSON object)."""
    if not cursor:
        return 0
    try:
        offset = json.loads(base64.urlsafe_b64decode(cursor.encode()))["offset"]
    except Exception:  # any garbage: one clear answer
        raise ApiError(400, f"cursor {cursor!r} is not one this API gave; pass the `next` of a page") from None
    if not isinstance(offset, int) or offset < 0:
        raise ApiError(400, f"cursor {cursor!r} is not one this API gave; pass the `next` of a page")
    return offset


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def page(fetch: Callable[[int], list[Any]], cursor: str | None, limit: int) -> dict[str, Any]:
    """One page of a listing: ``fetch(n)`` gives its first ``n`` rows (one more than the page shows, to know
    whether there is a next page)."""
    offset = _offset(cursor)
    rows = fetch(offset + limit + 1)[offset:]
    return {"items": rows[:limit], "next": _cursor(offset + limit) if len(rows) > limit else None}


def _actor(value: str | None) -> str | None:
    """An actor filter as the CLI takes it (``gazetteer.find_actor``); 400 with the state ids if unknown."""
    if not value:
        return None
    from watchfloor.gazetteer import find_actor, states

    try:
        return find_actor(value)
    except WatchfloorError as error:
        raise ApiError(400, str(error), sorted(states())) from error


def _event_type(value: str | None) -> str | None:
    if not value:
        return None
    from watchfloor.errors import UnknownValueError
    from watchfloor.gazetteer import find_event_type

    try:
        return find_event_type(value)
    except UnknownValueError as error:
        raise ApiError(400, str(error), error.valid) from error


def _day(value: str | None, name: str) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ApiError(400, f"{name}={value!r} is not a date; use YYYY-MM-DD", ["YYYY-MM-DD"]) from None


def _choice(value: str | None, name: str, valid: list[str]) -> str | None:
    if value and value not in valid:
        raise ApiError(400, f"{name}={value!r} is not one of {', '.join(valid)}", valid)
    return value or None


def _pick(rows: list[dict[str, Any]], columns: list[str]) -> list[dict[str, Any]]:
    return [{column: row.get(column) for column in columns} for row in rows]


def _chosen(filters: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in filters.items() if value}


# -- reads --


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """The ledger's dialect and its record counts."""
    ledger = _ledger(request)
    return {"ok": True, "dialect": ledger.dialect, "counts": ledger.counts()}


@router.get("/documents")
def documents(request: Request, limit: int = Limit, cursor: str | None = Cursor) -> dict[str, Any]:
    """Stored documents, newest first, without their text, with their claim and event counts."""
    ledger = _ledger(request)
    offset = _offset(cursor)
    rows = ledger.document_list(offset, limit + 1)
    return {"items": rows[:limit], "next": _cursor(offset + limit) if len(rows) > limit else None}


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str) -> dict[str, Any]:
    """One document's text and every fact of its latest extraction with its span and the quoted text."""
    ledger = _ledger(request)
    found = ledger.documents({document_id}).get(document_id)
    if found is None or document_id in ledger.deleted():
        raise ApiError(404, f"no document {document_id!r} in the ledger (or deleted); see /api/documents")
    text = found["text"]
    claims = _pick(ledger.claims(document=document_id, limit=None), [*CLAIM_COLUMNS, "lat", "lon"])
    events = _pick(ledger.events(document=document_id), [*EVENT_COLUMNS, "lat", "lon"])
    for claim in claims:
        claim["quote"] = text[claim["span_start"] : claim["span_end"]]
    for event in events:
        event["quote"] = text[event["trigger_start"] : event["trigger_end"]]
    places = [row for row in ledger.places() if row["document_id"] == document_id]
    place_columns = ["name", "country", "geonameid", "precision", "lat", "lon", "mentions"]
    return {**found, "claims": claims, "events": events, "places": _pick(places, place_columns)}


@router.get("/claims")
def claims(
    request: Request,
    actor: str | None = Query(None, description="Whose figures: an actor id, country code or known name."),
    source: str | None = Query(None, description="Who states them."),
    unit: str | None = Query(None, description="Unit, e.g. troops; its whole class."),
    measure: str | None = None,
    place: str | None = Query(None, description="Place name (substring)."),
    certainty: str | None = Query(None, description=" | ".join(CERTAINTIES)),
    since: str | None = Query(None, description="YYYY-MM-DD"),
    until: str | None = Query(None, description="YYYY-MM-DD"),
    limit: int = Limit,
    cursor: str | None = Cursor,
) -> dict[str, Any]:
    """Stored claims, newest documents first, filtered as `watchfloor claims` filters."""
    filters = _chosen(
        {
            "actor": _actor(actor),
            "source": _actor(source),
            "unit": unit,
            "measure": measure,
            "place": place,
            "certainty": _choice(certainty, "certainty", CERTAINTIES),
            "since": _day(since, "since"),
            "until": _day(until, "until"),
        }
    )
    ledger = _ledger(request)
    listed = page(lambda n: ledger.claims(limit=n, **filters), cursor, limit)
    return {**listed, "items": _pick(listed["items"], [*CLAIM_COLUMNS, "lat", "lon"])}


@router.get("/events")
def events(
    request: Request,
    actor: str | None = Query(None, description="Either party."),
    source: str | None = Query(None, description="Who acted."),
    target: str | None = Query(None, description="Whom it was done to."),
    type: str | None = Query(None, description="PLOVER event type in any case, e.g. AID."),
    place: str | None = None,
    since: str | None = Query(None, description="YYYY-MM-DD"),
    until: str | None = Query(None, description="YYYY-MM-DD"),
    limit: int = Limit,
    cursor: str | None = Cursor,
) -> dict[str, Any]:
    """Stored events, oldest documents first, wire copies left out, filtered as `watchfloor events` filters."""
    filters = _chosen(
        {
            "actor": _actor(actor),
            "source": _actor(source),
            "target": _actor(target),
            "type": _event_type(type),
            "place": place,
            "since": _day(since, "since"),
            "until": _day(until, "until"),
        }
    )
    ledger = _ledger(request)
    listed = page(lambda n: ledger.events(limit=n, **filters), cursor, limit)
    return {**listed, "items": _pick(listed["items"], [*EVENT_COLUMNS, "lat", "lon"])}


@router.get("/tracks")
def tracks(request: Request, actor: str | None = None, limit: int = Limit, cursor: str | None = Cursor) -> Any:
    """Claim tracks by size, as `watchfloor tracks` lists them."""
    from watchfloor.correlate.tracks import summarize_tracks

    filters = _chosen({"actor": _actor(actor)})
    rows = summarize_tracks(_ledger(request), **filters)
    return page(lambda n: rows[:n], cursor, limit)


@router.get("/track/{key:path}")
def track(
    request: Request,
    key: str,
    limit: int = Query(100, ge=1, le=MAX_LIMIT, description="The newest N figures, marked as in the whole track."),
) -> dict[str, Any]:
    """One track's newest entries in order, each with its figure, marks and span (a unique key prefix will
    do); ``total`` is how many figures the whole track holds."""
    from watchfloor.correlate.tracks import entry_row, find_track

    try:
        chosen = find_track(_ledger(request), key, limit)
    except WatchfloorError as error:
        raise ApiError(404, str(error), getattr(error, "valid", None)) from error
    entries = [{**entry_row(entry), "marks": entry["marks"]} for entry in chosen.entries]
    return {"track": chosen.key, "total": chosen.total, "entries": entries}


@router.get("/contradictions")
def contradictions(request: Request, limit: int = Limit, cursor: str | None = Cursor) -> dict[str, Any]:
    """Tracks where independent sources' latest figures disagree, and denials."""
    from watchfloor.correlate.tracks import contradictions as find
    from watchfloor.correlate.tracks import load_tracks

    rows = find(load_tracks(_ledger(request)))
    return page(lambda n: rows[:n], cursor, limit)


@router.get("/dyad")
def dyad(
    request: Request,
    first: str = Query(description="Who acted: an actor id, country code or known name."),
    second: str = Query(description="Whom to."),
    by: Literal["day", "week", "month"] = "week",
    examples: int = Query(3, ge=0, le=MAX_LIMIT, description="Events given per period (all are counted)."),
) -> dict[str, Any]:
    """What FIRST did to SECOND per period: events by PLOVER quad class, a weighted score and the period's
    first events."""
    from watchfloor.correlate.dyads import load_dyad

    pair = (_actor(first), _actor(second))
    points = load_dyad(_ledger(request), pair[0] or "", pair[1] or "", by, examples)
    return {"first": pair[0], "second": pair[1], "by": by, "points": points}


@router.get("/search")
def search(request: Request, q: str = Query(min_length=1), limit: int = Limit, cursor: str | None = Cursor) -> Any:
    """Full-text search over stored articles, best first, with a snippet ([brackets] round the matches)."""
    ledger = _ledger(request)
    return page(lambda n: ledger.search(q, n), cursor, limit)


@router.get("/brief", response_model=None)
def brief(
    request: Request,
    format: Literal["md", "html"] = "md",
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> Response:
    """The situation report of `watchfloor brief`, as Markdown or as HTML (article text escaped)."""
    from watchfloor.report import to_html, write_brief

    text = write_brief(_ledger(request), actor=_actor(actor), since=_day(since, "since"), until=_day(until, "until"))
    if format == "md":
        return Response(text, media_type="text/markdown; charset=utf-8")
    return HTMLResponse(to_html(text))  # `watchfloor brief --format html`: article text escaped


@router.get("/export.csv", response_model=None)
def export_csv(request: Request, kind: str = Query("claims", description=" | ".join(EXPORT_KINDS))) -> Response:
    """Every stored claim, event or place as CSV, with coordinates, as `watchfloor export KIND --format csv`."""
    rows, columns = export_rows(_ledger(request), _choice(kind, "kind", list(EXPORT_KINDS)) or "claims")
    buffer = io.StringIO()
    write_csv(buffer, rows, columns)
    headers = {"Content-Disposition": f'attachment; filename="watchfloor-{kind}.csv"'}
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/export.geojson", response_model=None)
def export_geojson(request: Request, kind: str = Query("events", description=" | ".join(EXPORT_KINDS))) -> Response:
    """Every stored claim, event or place with a resolved place as one GeoJSON FeatureCollection of points."""
    rows, columns = export_rows(_ledger(request), _choice(kind, "kind", list(EXPORT_KINDS)) or "events")
    collection, _left_out = geojson_collection(rows, columns)
    body = json.dumps(collection, ensure_ascii=False, default=str)
    return Response(body, media_type="application/geo+json")


@router.get("/alerts")
def alerts(
    request: Request,
    unseen: bool = False,
    since: str | None = Query(None, description="DATE or DATE THH:MM (UTC)"),
    limit: int = Limit,
    cursor: str | None = Cursor,
) -> dict[str, Any]:
    """Alerts raised by the watch rules, oldest first, as `watchfloor alerts` lists them."""
    from watchfloor.store.watch import WatchStore

    moment = None
    if since:
        try:
            moment = datetime.fromisoformat(since)
        except ValueError:
            raise ApiError(400, f"since={since!r} is not a date or time", ["YYYY-MM-DD", "YYYY-MM-DDTHH:MM"]) from None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    rows = WatchStore(_ledger(request)).alerts(unseen=unseen, since=moment)
    listed = page(lambda n: rows[:n], cursor, limit)
    return {**listed, "items": _pick(listed["items"], ALERT_COLUMNS)}


def json_error(error: ApiError) -> JSONResponse:
    """The JSON body every API error has."""
    return JSONResponse({"error": error.message, "valid": error.valid}, error.status, headers=error.headers)
