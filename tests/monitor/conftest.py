"""Fixtures of the monitoring tests: the local HTTP site, a fetcher with small timeouts, a temporary ledger."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchfloor.monitor.fetch import Fetcher
from watchfloor.store.ledger import Ledger

from .httpsite import Handler, Page, Server, Site


@pytest.fixture
def site() -> Iterator[Site]:
    server = Server(("127.0.0.1", 0), Handler)
    server.site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.site.routes["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.site
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher() -> Fetcher:
    """Small timeouts and limits so the broken cases fail fast."""
    return Fetcher(delay=0.0, timeout=0.5, retries=1, backoff=0.05, max_bytes=1_000_000)


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
