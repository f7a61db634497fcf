"""The REST API: the ledger's records as JSON under ``/api``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

router = APIRouter(prefix="/api")


@router.get("/health")
def health(request: Request) -> dict[str, Any]:
    """The ledger's dialect and its record counts."""
    ledger = request.app.state.ledger
    return {"ok": True, "dialect": ledger.dialect, "counts": ledger.counts()}
