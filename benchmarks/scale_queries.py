"""watchfloor at scale (issue 17). The query section:

    python benchmarks/scale_queries.py queries [--claims 1000000] [--db sqlite:///PATH | postgresql://...]

fills an empty ledger with --claims generated claims (20 a document, 4 events a document; on PostgreSQL by
generate_series in SQL, indexes built after the load, summaries by two SQL statements that equal
``summaries.rebuild`` on these rows; on SQLite executemany in batches of 2,000 documents, summaries by
``rebuild``), then prints the load average, a baseline (one document by its primary key), the p95 of a
filtered claims page, one track, one dyad, `tracks`, `contradictions` and the brief (goals: p95 < 50 ms for
claims, track and dyad; < 1 s for contradictions and the brief), and the peak memory of the process. The
database is emptied first (downgraded to base); with --no-fill the ledger at --db is timed as it is (filled
by an earlier run, or by --fill-only).
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
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
    from watchfloor.gazetteer import unit_class

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
                | {"document_date": date, "ingested_at": now, "unit_class": unit_class(unit)}
            )
        for e in range(EVENTS_PER_DOCUMENT):
            event_type, source, target = rng.choice(TYPES), rng.choice(STATES), rng.choice(STATES)
            batch["events"].append(
                {"extraction_id": n + 1, "event_id": f"e{e}", "type": event_type, "trigger": "x"}
                | {"trigger_start": e * 10, "trigger_end": e * 10 + 1, "sentence_start": 0, "sentence_end": 10}
                # the parties are states, as extraction stores them (a state's id is its country)
                | {"source": source, "source_country": source, "target": target, "target_country": target}
                | {"certainty": "certain", "polarity": "positive", "time_start": date, "day": date, "current": True}
            )
    return batch


def fill(url: str, claims_total: int) -> tuple[float, float]:
    """An empty SQLite ledger filled with generated rows; returns (seconds to insert, seconds to backfill
    the summaries)."""
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
            _executemany(connection, rows)
    inserted = time.perf_counter() - start
    start = time.perf_counter()
    ledger.rebuild_summaries()
    return inserted, time.perf_counter() - start


# PostgreSQL fills itself with generate_series (no row crosses the wire): documents and extractions, then
# claims and events drawn with random() (seeded), in chunks of SQL_CHUNK documents, one transaction each.
SQL_CHUNK = 25_000
SQL_ARRAYS = {"states": STATES, "units": UNITS, "types": TYPES}
SQL_STATEMENTS = (
    """INSERT INTO documents (id, title, published, text, ingested_at, source, outlet)
    SELECT 'sha256:' || lpad(to_hex(n), 64, '0'), 'Story ' || n, {date}, repeat('Generated story ', 20),
           :now, 'bench', 'Outlet ' || (n % 50)
    FROM generate_series(CAST(:first AS int), CAST(:last AS int)) n""",
    """INSERT INTO extractions (id, document_id, version, extractor, created_at, actor_count, claim_count,
                                event_count, latest)
    SELECT n + 1, 'sha256:' || lpad(to_hex(n), 64, '0'), 1, 'bench', :now, 0, :claims, :events, true
    FROM generate_series(CAST(:first AS int), CAST(:last AS int)) n""",
    """INSERT INTO claims (extraction_id, claim_id, value, bound, approximate, unit, unit_class, subject,
                           subject_country, target, track_key, source, source_country, certainty, polarity,
                           span_start, span_end, sentence_start, sentence_end, document_date, ingested_at)
    WITH drawn AS MATERIALIZED (
        SELECT n, c, (:states)[1 + floor(random() * 10)::int] AS subject,
               (:states)[1 + floor(random() * 10)::int] AS target,
               (:units)[1 + floor(random() * 8)::int] AS unit,
               (:states)[1 + floor(random() * 10)::int] AS speaker,
               1 + floor(random() * 20000) AS value
        FROM generate_series(CAST(:first AS int), CAST(:last AS int)) n, generate_series(0, CAST(:claims AS int) - 1) c)
    SELECT n + 1, 'c' || c, value, '~', true, unit, kind, subject, subject, target,
           kind || '|' || subject || '|deploy|' || target, speaker || '-MOD', speaker, 'certain',
           CASE WHEN c = CAST(:claims AS int) - 1 AND n % 97 = 0 THEN 'negative' ELSE 'positive' END,
           c * 10, c * 10 + 5, 0, 200, {date}, :now
    FROM drawn JOIN unit_classes USING (unit)""",
    """INSERT INTO events (extraction_id, event_id, type, trigger, trigger_start, trigger_end, sentence_start,
                           sentence_end, source, source_country, target, target_country, certainty, polarity,
                           time_start, day, current)
    WITH drawn AS MATERIALIZED (
        SELECT n, e, (:types)[1 + floor(random() * 8)::int] AS type,
               (:states)[1 + floor(random() * 10)::int] AS source,
               (:states)[1 + floor(random() * 10)::int] AS target
        FROM generate_series(CAST(:first AS int), CAST(:last AS int)) n,
             generate_series(0, CAST(:events AS int) - 1) e)
    SELECT n + 1, 'e' || e, type, 'x', e * 10, e * 10 + 1, 0, 10, source, source, target, target, 'certain',
           'positive', {date}, {date}, true
    FROM drawn""",
)
SQL_DATE = "'2024-' || lpad((1 + n % 12)::text, 2, '0') || '-' || lpad((1 + n % 28)::text, 2, '0')"
# the summaries of generated claims (no chains, no copies, every document dated and latest: a claim's
# ultimate source and its speaker are its source_country), as ``summaries.rebuild`` computes them
SQL_SUMMARIES = (
    """INSERT INTO track_latest (track_key, source, extraction_id, claim_id, document_date, ingested_at,
                                 span_start, first_document_date, first_ingested_at, first_extraction_id,
                                 first_span_start)
    SELECT l.track_key, l.source_country, l.extraction_id, l.claim_id, l.document_date, l.ingested_at,
           l.span_start, f.document_date, f.ingested_at, f.extraction_id, f.span_start
    FROM (SELECT DISTINCT ON (track_key, source_country) * FROM claims
          ORDER BY track_key, source_country, document_date DESC, ingested_at DESC, extraction_id DESC,
                   span_start DESC) l
    JOIN (SELECT DISTINCT ON (track_key, source_country) * FROM claims
          ORDER BY track_key, source_country, document_date, ingested_at, extraction_id, span_start) f
      USING (track_key, source_country)""",
    """INSERT INTO track_speakers (track_key, speaker, figures, first, last)
    SELECT track_key, source_country, count(*), min(document_date), max(document_date)
    FROM claims GROUP BY track_key, source_country""",
)


def fill_in_sql(url: str, claims_total: int, progress: bool = True) -> tuple[float, float]:
    """``fill`` on PostgreSQL by generate_series, the indexes built after the load; (seconds to insert and
    index, seconds for the summaries)."""
    from sqlalchemy import bindparam, text
    from sqlalchemy.dialects.postgresql import ARRAY
    from sqlalchemy.types import String

    from watchfloor.gazetteer import unit_class
    from watchfloor.store import schema
    from watchfloor.store.ledger import Ledger

    ledger = Ledger(url)
    ledger.downgrade("base")
    ledger.upgrade()
    tables = [schema.documents, schema.extractions, schema.claims, schema.events]
    start = time.perf_counter()
    with ledger.engine.connect() as connection:
        connection.execute(text("SELECT setseed(0.7)"))
        for table in tables:
            for index in table.indexes:
                index.drop(connection)
        connection.execute(text("CREATE TEMP TABLE unit_classes (unit text, kind text) ON COMMIT PRESERVE ROWS"))
        for unit in UNITS:
            connection.execute(text("INSERT INTO unit_classes VALUES (:u, :k)"), {"u": unit, "k": unit_class(unit)})
        documents = claims_total // CLAIMS_PER_DOCUMENT
        arrays = [bindparam(name, type_=ARRAY(String)) for name in SQL_ARRAYS]
        values = {"now": datetime.now(UTC), "claims": CLAIMS_PER_DOCUMENT, "events": EVENTS_PER_DOCUMENT}
        for first in range(0, documents, SQL_CHUNK):
            chunk = {"first": first, "last": min(documents, first + SQL_CHUNK) - 1} | values | SQL_ARRAYS
            for statement in SQL_STATEMENTS:
                used = [array for array in arrays if f"(:{array.key})" in statement]
                connection.execute(text(statement.format(date=SQL_DATE)).bindparams(*used), chunk)
            connection.commit()
            if progress:
                print(f"  {(first + SQL_CHUNK) * CLAIMS_PER_DOCUMENT:,} claims", file=sys.stderr, flush=True)
        connection.execute(text("SET maintenance_work_mem = '512MB'"))
        for table in tables:
            for index in table.indexes:
                index.create(connection)
        connection.execute(text("SELECT setval('extractions_id_seq', (SELECT max(id) FROM extractions))"))
        connection.commit()
    inserted = time.perf_counter() - start
    start = time.perf_counter()
    with ledger.engine.begin() as connection:
        for statement in SQL_SUMMARIES:
            connection.execute(text(statement))
    with ledger.engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    return inserted, time.perf_counter() - start


def _executemany(connection: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
    from sqlalchemy import insert

    from watchfloor.store import schema

    for name, values in rows.items():
        connection.execute(insert(schema.metadata.tables[name]), values)


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


def _claim_count(url: str) -> int:
    from sqlalchemy import func, select

    from watchfloor.store.ledger import Ledger
    from watchfloor.store.schema import claims

    with Ledger(url).engine.connect() as connection:
        return int(connection.execute(select(func.count()).select_from(claims)).scalar_one())


def query_timings(url: str, slow_runs: int = 10) -> Iterator[tuple[str, float, float, float, str]]:
    """(name, median ms, p95 ms, goal ms, size of the answer) of each query on a filled ledger, as each is
    timed."""
    from watchfloor.cli import DYAD_EXAMPLES, TRACK_PAGE
    from watchfloor.correlate.dyads import alignment, load_dyad
    from watchfloor.correlate.tracks import contradictions, latest_tracks, load_track, summarize_tracks
    from watchfloor.report import write_brief
    from watchfloor.store.ledger import Ledger

    ledger = Ledger(url)
    ledger.upgrade()  # a ledger filled by an earlier run gets this version's indexes
    key = "troops|PRK|deploy|RUS"
    rows: Callable[[Any], str] = lambda found: f"{len(found):,} rows"  # noqa: E731
    queries: list[tuple[str, Callable[[], Any], int, float, Callable[[Any], str]]] = [
        # the baseline: one document by its primary key, through the same Ledger (what any read costs here)
        ("baseline: one document by id", lambda: ledger.documents({f"sha256:{12345:064x}"}), 50, 50, rows),
        (
            "claims --actor PRK --unit troops",
            lambda: ledger.claims(actor="PRK", unit="troops", limit=100),
            50,
            50,
            rows,
        ),
        (
            "track " + key,
            lambda: load_track(ledger, key, TRACK_PAGE),
            50,
            50,
            lambda track: f"newest {len(track.entries):,} of {track.total:,} figures",
        ),
        (
            "dyad PRK RUS --by month",
            lambda: load_dyad(ledger, "PRK", "RUS", "month", DYAD_EXAMPLES),
            50,
            50,
            lambda points: f"{sum(sum(point['counts'].values()) for point in points):,} events counted",
        ),
        ("tracks", lambda: summarize_tracks(ledger), slow_runs, 1000, rows),
        ("contradictions", lambda: contradictions(latest_tracks(ledger)), slow_runs, 1000, rows),
        ("brief", lambda: write_brief(ledger), slow_runs, 1000, lambda text: f"{text.count('[^') // 2:,} citations"),
        # what the first `tracks`, `track` or brief after an ingest pays once (then memoised until the next)
        ("track groups, first read after ingest", lambda: _track_groups(ledger), slow_runs, 1000, rows),
        (
            "  of which the alignment (event_pairs)",
            lambda: alignment(ledger.event_pairs()),
            slow_runs,
            1000,
            lambda found: f"{len(found.conflicts):,} conflicts, {len(found.helps):,} helps",
        ),
    ]
    for name, function, runs, goal, size in queries:
        answer = function()  # warm the caches once: the figures are of a running desk, not a cold start
        median, high = p95(function, runs)
        yield name, median, high, goal, size(answer)


def queries_section(url: str | None, claims_total: int, *, refill: bool = True, slow_runs: int = 10) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = url or f"sqlite:///{Path(folder) / 'scale.sqlite'}"
        dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
        if refill:
            inserted, backfill = (fill_in_sql if dialect == "postgresql" else fill)(url, claims_total)
            print(
                f"generated {claims_total:,} claims on {dialect}: insert {inserted:.0f} s, summaries {backfill:.0f} s"
            )
        else:
            print(f"the {dialect} ledger as it is: {_claim_count(url):,} claims")
        print(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())} on {os.cpu_count()} cores")
        for name, median, high, goal, size in query_timings(url, slow_runs):
            verdict = "ok" if high < goal else "SLOW"
            print(
                f"{name:34} median {median:8.1f} ms   p95 {high:8.1f} ms   goal < {goal:.0f} ms  {verdict:4}  ({size})",
                flush=True,
            )
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", choices=["queries"], nargs="?", default="queries")
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="ledger URL (default: a temporary SQLite file); the database is emptied")
    parser.add_argument("--no-fill", action="store_true", help="time the ledger at --db as it is (filled before)")
    parser.add_argument("--runs", type=int, default=10, help="runs of tracks, contradictions and the brief")
    parser.add_argument("--fill-only", action="store_true", help="fill the ledger at --db, time nothing")
    args = parser.parse_args()
    if (args.no_fill or args.fill_only) and not args.db:
        parser.error("--no-fill and --fill-only need --db")
    if args.fill_only:
        print(fill_in_sql(args.db, args.claims) if args.db.startswith("postgresql") else fill(args.db, args.claims))
    elif args.section == "queries":
        queries_section(args.db, args.claims, refill=not args.no_fill, slow_runs=args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
