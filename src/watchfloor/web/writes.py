"""The API's write endpoints: ingest an article or a JSONL batch, correct a fact, delete a document (bearer token).

Corrections and deletes are those of `watchfloor correct` and `watchfloor delete`. Ingest goes through the same
pipeline as `watchfloor ingest` (extract, link copies, store, then the stored watch rules raise alerts)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from watchfloor.errors import InputError, WatchfloorError
from watchfloor.web.guard import ApiError, read_body

router = APIRouter(prefix="/api")

# spaCy and the copy linker are not made for concurrent ingests: one at a time per process.
INGEST_LOCK = threading.Lock()

ARTICLE_SCHEMA = {
    "type": "object",
    "properties": {
        "text": {"type": "string", "description": "The article's text (or give html)."},
        "html": {"type": "string", "description": "The article page's HTML; its main text is extracted."},
        "url": {"type": "string"},
        "title": {"type": "string"},
        "date": {"type": "string", "description": "Publication date, YYYY-MM-DD."},
        "outlet": {"type": "string"},
    },
}
JSON_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": ARTICLE_SCHEMA}}}}
JSONL_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/x-ndjson": {"schema": {"type": "string", "description": "One article a line."}}},
    }
}


async def _body(request: Request) -> bytes:
    request.app.state.guard.check_write(request)
    return await read_body(request, request.app.state.max_request)


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ApiError(400, f"the body is not UTF-8 ({error.reason} at byte {error.start})") from error


def _document(record: Any, settings: Any) -> Any:
    """The Document of a posted article object; InputError for anything that is not one."""
    from watchfloor.read.html import read_html
    from watchfloor.read.text import make_document, normalize_date

    if not isinstance(record, dict):
        raise InputError("request", "the body must be a JSON object with 'text' or 'html'")
    fields = {key: record.get(key) for key in ("text", "html", "url", "title", "date", "outlet")}
    for key, value in fields.items():
        if value is not None and not isinstance(value, str):
            raise InputError("request", f"field {key!r} must be a string")
    published = normalize_date(fields["date"], "request") if fields["date"] else None
    if fields["text"]:
        return make_document(
            fields["text"], "request", max_chars=settings.max_chars, published=published,
            title=fields["title"], url=fields["url"], outlet=fields["outlet"],
        )  # fmt: skip
    if fields["html"]:
        document = read_html(fields["html"], "request", max_chars=settings.max_chars, published=published)
        given: dict[str, Any] = {key: fields[key] for key in ("title", "url", "outlet") if fields[key]}
        return replace(document, **given)
    raise InputError("request", "no 'text' or 'html' string field (optional: url, title, date, outlet)")


def ingest(request: Request, items: Iterable[Any]) -> list[dict[str, Any]]:
    """Ingest documents (and Skips) as `watchfloor ingest` does; one result row each."""
    from watchfloor.model import Skip
    from watchfloor.pipeline import ingest_items

    ledger = request.app.state.ledger
    rows: list[dict[str, Any]] = []
    with INGEST_LOCK:
        for result in ingest_items(items, request.app.state.settings, ledger, after=_alerter(ledger)):
            if isinstance(result, Skip):
                rows.append({"source": result.source, "outcome": "skipped", "reason": result.reason})
            else:
                rows.append({"document_id": result.document_id, "outcome": result.outcome, "version": result.version})
    return rows


def _alerter(ledger: Any) -> Any:
    """The stored watch rules as an Alerter that only stores its alerts (read them at /api/alerts)."""
    from watchfloor.monitor.alerts import Alerter, all_rules
    from watchfloor.store.watch import WatchStore

    store = WatchStore(ledger)
    rules = all_rules(store, ())
    return Alerter(ledger, store, rules, [], lambda _line: None) if rules else None


@router.post("/documents", status_code=201, openapi_extra=JSON_BODY)
async def post_document(request: Request) -> JSONResponse:
    """Ingest one article (JSON: text or html, and optional url, title, date, outlet). 201 when added,
    200 when the ledger already held it; needs the token."""
    body = await _body(request)
    settings = request.app.state.settings
    try:
        document = _document(_json_object(body), settings)
    except InputError as error:
        raise ApiError(400, error.reason) from error
    rows = await run_in_threadpool(ingest, request, [document])
    result = rows[0]
    if result["outcome"] == "skipped":
        raise ApiError(400, result["reason"])
    return JSONResponse(result, 201 if result["outcome"] == "added" else 200)


@router.post("/ingest", openapi_extra=JSONL_BODY)
async def post_ingest(request: Request) -> dict[str, Any]:
    """Ingest a JSONL batch (one article a line: text, and optional title, published, url, outlet), as
    `watchfloor ingest batch.jsonl` does; answers each line's outcome and the counts. Needs the token."""
    from watchfloor.read.jsonl import read_jsonl

    lines = _utf8(await _body(request)).splitlines()
    settings = request.app.state.settings
    try:
        rows = await run_in_threadpool(ingest, request, read_jsonl(lines, "request", max_chars=settings.max_chars))
    except WatchfloorError as error:
        raise ApiError(500, str(error)) from error
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["outcome"]] = counts.get(row["outcome"], 0) + 1
    return {"results": rows, "counts": counts}


CORRECTION_SCHEMA = {
    "type": "object",
    "required": ["fact"],
    "properties": {
        "fact": {"type": "string", "description": "DOCUMENT_ID:cN (a claim) or DOCUMENT_ID:eN (an event)."},
        "field": {"type": "string", "description": "The field to set, e.g. source (with value)."},
        "value": {"type": "string"},
        "reject": {"type": "boolean", "description": "Reject the fact: it is left out everywhere."},
        "author": {"type": "string", "description": "Who corrects (default: api)."},
        "reason": {"type": "string"},
    },
}


@router.post(
    "/corrections",
    status_code=201,
    openapi_extra={"requestBody": {"content": {"application/json": {"schema": CORRECTION_SCHEMA}}}},
)
async def post_correction(request: Request) -> dict[str, Any]:
    """Correct a claim or an event as `watchfloor correct` does: set a field or reject it. Needs the token."""
    record = _json_object(await _body(request))
    strings = {key: record.get(key) for key in ("fact", "field", "value", "author", "reason")}
    if any(value is not None and not isinstance(value, str) for value in strings.values()) or not strings["fact"]:
        raise ApiError(400, "give 'fact' and either 'field' and 'value' or 'reject': true (strings; reject a boolean)")
    try:
        document_id, kind, (start, end) = request.app.state.ledger.correct(
            strings["fact"], author=strings["author"] or "api", field=strings["field"], value=strings["value"],
            reject=record.get("reject") is True, reason=strings["reason"],
        )  # fmt: skip
    except WatchfloorError as error:
        raise ApiError(400, str(error)) from error
    return {"document_id": document_id, "kind": kind, "span_start": start, "span_end": end}


@router.delete("/documents/{document_id}")
async def delete_document(request: Request, document_id: str) -> dict[str, Any]:
    """Delete a document from every listing, as `watchfloor delete` does (kept as a correction). Needs the token."""
    request.app.state.guard.check_write(request)
    try:
        deleted = request.app.state.ledger.delete(
            document_id, author=request.query_params.get("by") or "api", reason=request.query_params.get("why")
        )
    except WatchfloorError as error:
        raise ApiError(404, str(error)) from error
    return {"deleted": deleted}


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        record = json.loads(_utf8(body))
    except json.JSONDecodeError as error:
        raise ApiError(400, f"the body is not JSON ({error.msg} at column {error.colno})") from error
    if not isinstance(record, dict):
        raise ApiError(400, "the body must be a JSON object")
    return record
