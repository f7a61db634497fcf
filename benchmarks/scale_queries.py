"""watchfloor at scale (issue 17). The query section:

    python benchmarks/scale_queries.py queries [--claims 1000000] [--db sqlite:///PATH | postgresql://...]

fills an empty ledger with --claims generated claims (20 a document, 4 events a document; COPY on
PostgreSQL, executemany in batches of 2,000 documents on SQLite), backfills the summary tables as migration
0010 does, then prints the p95 of a filtered claims page, one track, one dyad, `tracks`, `contradictions`
and the brief (goals: p95 < 50 ms for claims, track and dyad; < 1 s for contradictions and the brief), and
the peak memory of the process. The database must be empty (it is downgraded to base first).
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

CLAIMS_PER_DOCUMENT = 20
EVENTS_PER_DOCUMENT = 4
BATCH = 2000  # documents per insert batch
STATES = ["RUS", "UKR", "PRK", "KOR", "USA", "CHN", "ISR", "IRN", "SDN", "TWN"]
UNITS = ["troops", "killed", "wounded", "displaced", "drones", "missiles", "usd", "percent"]
TYPES = ["AID", "ASSAULT", "FIGHT", "DISAPPROVE", "CONSULT", "SANCTION", "REJECT", "AGREE"]


def generated_batch(numbers: range, rng: random.Random, now: datetime) -> dict[str, list[dict[str, Any]]]:
    """Documents, extractions, claims and events of documents ``numbers`` (dates spread over 2024)."""
    from watchfloor.correlate.tracks import track_key

    batch: dict[str, list[dict[str, Any]]] = {"documents": [], "extractions": [], "claims": [], "events": []}
    for n in numbers:
        date = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        document_id = f"sha256:{n:064x}"
        batch["documents"].append(
            {"id": document_id, "title": f"Story {n}", "published": date, "text": "Generated story " * 20}
            | {"ingested_at": now, "source": "bench", "outlet": f"Outlet {n % 50}"}
        )
        batch["extractions"].append(
            {"id": n + 1, "document_id": document_id, "version": 1, "extractor": "bench", "created_at": now}
            | {"actor_count": 0, "claim_count": CLAIMS_PER_DOCUMENT, "event_count": EVENTS_PER_DOCUMENT}
            | {"latest": True}
        )
        for c in range(CLAIMS_PER_DOCUMENT):
            subject, target, unit = rng.choice(STATES), rng.choice(STATES), rng.choice(UNITS)
            source = rng.choice(STATES)
            batch["claims"].append(
                {"extraction_id": n + 1, "claim_id": f"c{c}", "value": float(rng.randint(1, 20000))}
                | {"bound": "~", "approximate": True, "unit": unit, "subject": subject, "subject_country": subject}
                | {"target": target, "track_key": track_key(unit, subject, target, None, "deploy")}
                | {"source": f"{source}-MOD", "source_country": source, "certainty": "certain"}
                | {"polarity": "negative" if c == 19 and n % 97 == 0 else "positive"}
                | {"span_start": c * 10, "span_end": c * 10 + 5, "sentence_start": 0, "sentence_end": 200}
                | {"document_date": date}
            )
        for e in range(EVENTS_PER_DOCUMENT):
            batch["events"].append(
                {"extraction_id": n + 1, "event_id": f"e{e}", "type": rng.choice(TYPES), "trigger": "x"}
                | {"trigger_start": e * 10, "trigger_end": e * 10 + 1, "sentence_start": 0, "sentence_end": 10}
                | {"source": "x", "source_country": rng.choice(STATES), "target_country": rng.choice(STATES)}
                | {"certainty": "certain", "polarity": "positive", "time_start": date}
            )
    return batch


def fill(url: str, claims_total: int) -> tuple[float, float]:
    """An empty ledger filled with generated rows; returns (seconds to insert, seconds to backfill summaries)."""
    from watchfloor.store.ledger import Ledger

    ledger = Ledger(url)
    ledger.downgrade("base")
    ledger.upgrade()
    rng, now = random.Random(7), datetime.now(UTC)
    start = time.perf_counter()
    documents = claims_total // CLAIMS_PER_DOCUMENT
    for first in range(0, documents, BATCH):
        rows = generated_batch(range(first, min(documents, first + BATCH)), rng, now)
        with ledger.engine.begin() as connection:
            if ledger.dialect == "postgresql":
                _copy(connection, rows)
            else:
                _executemany(connection, rows)
    inserted = time.perf_counter() - start
    if ledger.dialect == "postgresql":
        with ledger.engine.begin() as connection:
            from sqlalchemy import text

            connection.execute(text("SELECT setval('extractions_id_seq', (SELECT max(id) FROM extractions))"))
            connection.execute(text("ANALYZE"))
    start = time.perf_counter()
    ledger.rebuild_summaries()
    return inserted, time.perf_counter() - start


def _executemany(connection: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
    from sqlalchemy import insert

    from watchfloor.store import schema

    for name, values in rows.items():
        connection.execute(insert(schema.metadata.tables[name]), values)


def _copy(connection: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
    """COPY each table's rows (text format) through psycopg: an order of magnitude faster than INSERTs."""
    cursor = connection.connection.driver_connection.cursor()
    for name, values in rows.items():
        columns = list(values[0])
        buffer = io.StringIO()
        for row in values:
            buffer.write("\t".join(_copy_text(row[column]) for column in columns) + "\n")
        with cursor.copy(f"COPY {name} ({', '.join(columns)}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())


def _copy_text(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def p95(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median and 95th percentile in ms over ``runs`` calls."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def _track_groups(ledger: Any) -> dict[str, str]:
    """``correlate.tracks.track_groups`` without its memo: the stored keys grouped with the ledger's alignment."""
    from watchfloor.correlate.dyads import alignment
    from watchfloor.correlate.tracks import canonical_keys

    return canonical_keys(ledger.track_keys(), ledger.place_countries(), alignment(ledger.event_pairs()))


def query_timings(url: str) -> list[tuple[str, float, float, float]]:
    """(name, median ms, p95 ms, goal ms) of each query on a filled ledger."""
    from watchfloor.correlate.dyads import alignment, dyad_series
    from watchfloor.correlate.tracks import contradictions, latest_tracks, load_track, summarize_tracks
    from watchfloor.report import write_brief
    from watchfloor.store.ledger import Ledger

    ledger = Ledger(url)
    key = "troops|PRK|deploy|RUS"
    queries: list[tuple[str, Callable[[], object], int, float]] = [
        ("claims --actor PRK --unit troops", lambda: ledger.claims(actor="PRK", unit="troops", limit=100), 50, 50),
        ("track troops|PRK|deploy|RUS", lambda: load_track(ledger, key), 50, 50),
        (
            "dyad PRK RUS --by month",
            lambda: dyad_series(ledger.events(sides=("PRK", "RUS")), "PRK", "RUS", "month"),
            50,
            50,
        ),
        ("tracks", lambda: summarize_tracks(ledger), 10, 1000),
        ("contradictions", lambda: contradictions(latest_tracks(ledger)), 10, 1000),
        ("brief", lambda: write_brief(ledger), 10, 1000),
        # what the first `tracks`, `track` or brief after an ingest pays once (then memoised until the next)
        ("track groups, first read after ingest", lambda: _track_groups(ledger), 10, 1000),
        ("  of which the alignment (event_pairs)", lambda: alignment(ledger.event_pairs()), 10, 1000),
    ]
    found = []
    for name, function, runs, goal in queries:
        function()  # warm the caches once: the figures are of a running desk, not a cold start
        median, high = p95(function, runs)
        found.append((name, median, high, goal))
    return found


def queries_section(url: str | None, claims_total: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite:///{Path(folder) / 'scale.sqlite'}"
        inserted, backfill = fill(url, claims_total)
        dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
        print(f"generated {claims_total:,} claims on {dialect}: insert {inserted:.0f} s, summaries {backfill:.0f} s")
        for name, median, high, goal in query_timings(url):
            verdict = "ok" if high < goal else "SLOW"
            print(f"{name:34} median {median:8.1f} ms   p95 {high:8.1f} ms   goal < {goal:.0f} ms  {verdict}")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", choices=["queries"], nargs="?", default="queries")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="ledger URL (default: a temporary SQLite file); the database is emptied")
    args = parser.parse_args()
    if args.section == "queries":
        queries_section(args.db, args.claims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
