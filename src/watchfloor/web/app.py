"""One FastAPI app serves the REST API under ``/api`` and the dashboard under ``/``, from one ledger."""

from __future__ import annotations

from importlib import resources

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from watchfloor import __version__
from watchfloor.store.ledger import Ledger


def create_app(db: str) -> FastAPI:
    """The app for the ledger at ``db`` (a file path or a database URL)."""
    from watchfloor.web import api, pages

    app = FastAPI(title="watchfloor", version=__version__, docs_url=None, redoc_url=None)
    app.state.ledger = Ledger(db)
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("watchfloor.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app
