"""The dashboard: server-rendered HTML pages of the ledger."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> str:
    counts = request.app.state.ledger.counts()
    return (
        "<!doctype html><title>watchfloor</title><h1>watchfloor</h1><p>"
        + ", ".join(f"{value} {name}" for name, value in counts.items())
        + "</p>"
    )
