"""One FastAPI app serves the REST API under ``/api`` and the dashboard under ``/``, from one ledger."""

from __future__ import annotations

import hmac
import os
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from watchfloor import __version__
from watchfloor.config import Settings, data_dir
from watchfloor.store.ledger import Ledger
from watchfloor.web.guard import DEFAULT_MAX_REQUEST, ApiError, Guard, SizeLimit, is_loopback, load_token


def create_app(
    db: str, *, host: str = "127.0.0.1", token_file: Path | None = None, max_request: int | None = None
) -> FastAPI:
    """The app for the ledger at ``db`` (a file path or a database URL). Bound to ``host``: reads are open on
    loopback and need the token elsewhere; writes always need it (WATCHFLOOR_TOKEN, else ``token_file``,
    by default the ``token`` file in the data directory, made on first run)."""
    from watchfloor.web import api, docs, pages, writes

    app = FastAPI(title="watchfloor", version=__version__, docs_url=None, redoc_url=None)
    app.state.ledger = Ledger(db)
    app.state.settings = Settings()
    token_file = token_file or data_dir() / "token"
    token = load_token(token_file)
    from_file = not os.environ.get("WATCHFLOOR_TOKEN", "").strip()
    app.state.guard = Guard(token, is_loopback(host), token_file if from_file else None)
    app.state.max_request = max_request or int(os.environ.get("WATCHFLOOR_MAX_REQUEST", DEFAULT_MAX_REQUEST))
    app.add_middleware(SizeLimit, limit=app.state.max_request)
    _add_error_handlers(app)
    _guard_pages(app)
    app.include_router(api.router)
    app.include_router(writes.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    static = resources.files("watchfloor.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


PAGE_COOKIE = "watchfloor_token"


def _guard_pages(app: FastAPI) -> None:
    """Bound beyond loopback, the dashboard and the docs need the token as the API's reads do: a browser
    opens ``/?token=TOKEN`` once and keeps it in an HttpOnly, same-site cookie; without it a page is 401.
    The API checks its own header (``Guard.check_read``); static files hold no ledger data."""
    from fastapi.responses import HTMLResponse

    @app.middleware("http")
    async def pages_need_the_token(request: Request, call_next: Any) -> Any:
        guard = request.app.state.guard
        path = request.url.path
        if guard.reads_open or path.startswith(("/api/", "/static/")):
            return await call_next(request)
        given = request.query_params.get("token") or request.cookies.get(PAGE_COOKIE) or ""
        if not hmac.compare_digest(given.encode(), guard.token.encode()) and not guard.authorized(request):
            page = (
                "<!doctype html><title>watchfloor</title><h1>Token needed</h1><p>This server is bound beyond"
                " loopback: open it once as <code>/?token=TOKEN</code> (WATCHFLOOR_TOKEN or the token file).</p>"
            )
            return HTMLResponse(page, status_code=401)
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie(PAGE_COOKIE, guard.token, httponly=True, samesite="strict")
        return response


def _add_error_handlers(app: FastAPI) -> None:
    """Every API error (paths under /api) as JSON ``{"error": message, "valid": [...]}``."""
    from watchfloor.web.api import json_error

    async def on_api_error(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, ApiError)
        return json_error(error)

    async def on_invalid(_request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        return JSONResponse({"error": problems, "valid": None}, 422)

    async def on_http(request: Request, error: Exception) -> Any:
        assert isinstance(error, HTTPException)
        if not request.url.path.startswith("/api"):  # the dashboard's own errors stay as they are
            return await http_exception_handler(request, error)
        return JSONResponse({"error": str(error.detail), "valid": None}, error.status_code, headers=error.headers)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_invalid)
    app.add_exception_handler(HTTPException, on_http)
