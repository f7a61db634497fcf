"""Fixtures of the monitoring tests: the local HTTP site, a fetcher with small timeouts, and a ledger on a
temporary SQLite file and on PostgreSQL (``WATCHFLOOR_TEST_PG``; the tests use their own database on that
server, ``WATCHFLOOR_TEST_PG_DB`` or watchfloor_monitor, so they never collide with the store tests')."""

from __future__ import annotations

import os
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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path: Path) -> str:
    """A ledger URL, emptied: a new SQLite file, or the monitoring tests' PostgreSQL database downgraded."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    server = os.environ.get("WATCHFLOOR_TEST_PG")
    if not server:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    url = _own_database(server, os.environ.get("WATCHFLOOR_TEST_PG_DB", "watchfloor_monitor"))
    Ledger(url).downgrade("base")  # every test starts from an empty database
    return url


def _own_database(server: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``server``, created when absent."""
    from sqlalchemy import create_engine, make_url, text
    from sqlalchemy.exc import ProgrammingError

    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        found = connection.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first()
        if found is None:
            try:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
            except ProgrammingError:  # the test role may not create databases
                pytest.skip(f"no database {name}: create it, e.g. su postgres -c 'createdb -O watchfloor {name}'")
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def ledger(db_url: str) -> Ledger:
    return Ledger(db_url)
