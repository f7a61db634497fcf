"""The API's docs page at ``/docs``, rendered on the server from the OpenAPI schema: no script, no CDN."""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()

STYLE = (
    "body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
    "code{background:#f3f3f3;padding:0 .2em}.method{font-weight:bold;text-transform:uppercase;width:4rem;"
    "display:inline-block}section{border-top:1px solid #ddd;padding:.5rem 0}td{padding:0 .6rem 0 0}"
)


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """Every operation of ``/openapi.json``: method, path, summary, description and parameters."""
    schema = request.app.openapi()
    parts = [f"<h1>{escape(schema['info']['title'])} API {escape(schema['info']['version'])}</h1>"]
    parts.append('<p>The machine-readable schema: <a href="/openapi.json">/openapi.json</a>.</p>')
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            parts.append(_operation(path, method, operation))
    page = f'<!doctype html><html><head><meta charset="utf-8"><title>watchfloor API</title><style>{STYLE}</style>'
    return HTMLResponse(page + f"</head><body>{''.join(parts)}</body></html>")


def _operation(path: str, method: str, operation: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
        f"<td>{'required' if p.get('required') else ''}</td><td>{escape(p.get('description') or '')}</td></tr>"
        for p in operation.get("parameters", [])
    )
    table = f"<table>{rows}</table>" if rows else ""
    description = escape(operation.get("description") or "").replace("\n\n", "<br>")
    return (
        f'<section id="{escape(operation.get("operationId", path))}"><h3><span class="method">{escape(method)}</span>'
        f" <code>{escape(path)}</code></h3><p>{description}</p>{table}</section>"
    )
