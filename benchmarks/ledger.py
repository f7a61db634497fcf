"""The ledger's costs: ingest throughput against extraction alone, and query latency on a million claims.

    python benchmarks/ledger.py [--documents 200] [--claims 1000000] [--db sqlite:///PATH | postgresql://...]

(1) Extracts the bundled and evaluation articles (repeated, each copy made unique, to --documents) with the
pipeline alone, then extracts and ingests the same articles into an empty ledger, and prints articles/s of
both and their ratio (goal >= 0.9). (2) Fills a second ledger with --claims generated claims (20 per
document, with events), then times `claims` (by actor and unit), `track` (one track by key) and `dyad`
(one pair) queries: median and p95 over 50 runs each (goal p95 < 50 ms on SQLite), and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

CLAIMS_PER_DOCUMENT = 20
EVENTS_PER_DOCUMENT = 4
STATES = ["RUS", "UKR", "PRK", "KOR", "USA", "CHN", "ISR", "IRN", "SDN", "TWN"]
UNITS = ["troops", "killed", "wounded", "displaced", "drones", "missiles", "usd", "percent"]
TYPES = ["AID", "ASSAULT", "FIGHT", "DISAPPROVE", "CONSULT", "SANCTION", "REJECT", "AGREE"]


def ingest_ratio(documents: int) -> tuple[float, float]:
    from throughput import corpus

    from watchfloor.config import Settings
    from watchfloor.correlate.copies import signature
    from watchfloor.nlp import load_pipeline
    from watchfloor.pipeline import extract_documents, ingest_items
    from watchfloor.read.text import make_document
    from watchfloor.store.ledger import Ledger

    settings = Settings()
    load_pipeline(settings.model)
    signature("warm up the MinHash library")  # one-time imports are not per-article costs
    texts = corpus(documents)
    docs = [make_document(text, f"bench:{n}", max_chars=settings.max_chars) for n, text in enumerate(texts)]
    extract_runs, ingest_runs = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(2):  # alternate and keep the best of each: the machine is shared and noisy
            start = time.perf_counter()
            for _ in extract_documents(docs, settings):
                pass
            extract_runs.append(time.perf_counter() - start)
            ledger = Ledger(f"sqlite:///{Path(folder) / f'ingest{run}.sqlite'}")
            start = time.perf_counter()
            outcomes = [result.outcome for result in ingest_items(docs, settings, ledger)]
            ingest_runs.append(time.perf_counter() - start)
            assert outcomes.count("added") == len(docs), outcomes[:3]
    return len(docs) / min(extract_runs), len(docs) / min(ingest_runs)


def fill(url: str, claims_total: int) -> tuple[str, float]:
    """A ledger of generated documents, claims and events; returns one track key and the seconds taken."""
    from sqlalchemy import insert

    from watchfloor.correlate.tracks import track_key
    from watchfloor.store import schema
    from watchfloor.store.ledger import Ledger

    ledger = Ledger(url)
    rng = random.Random(7)
    now = datetime.now(UTC)
    start = time.perf_counter()
    document_count = claims_total // CLAIMS_PER_DOCUMENT
    batch = 2000
    key = ""
    for first in range(0, document_count, batch):
        numbers = range(first, min(document_count, first + batch))
        documents = [
            {
                "id": f"sha256:{n:064x}",
                "title": f"Story {n}",
                "published": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "text": f"Generated story {n}.",
                "ingested_at": now,
                "source": "bench",
            }
            for n in numbers
        ]
        extractions = [
            {
                "id": n + 1,
                "document_id": f"sha256:{n:064x}",
                "version": 1,
                "extractor": "bench",
                "created_at": now,
                "actor_count": 0,
                "claim_count": CLAIMS_PER_DOCUMENT,
                "event_count": EVENTS_PER_DOCUMENT,
            }
            for n in numbers
        ]
        claims, events = [], []
        for n in numbers:
            for c in range(CLAIMS_PER_DOCUMENT):
                subject, target, unit = rng.choice(STATES), rng.choice(STATES), rng.choice(UNITS)
                row_key = track_key(unit, subject, target, None, "deploy")
                key = key or row_key
                claims.append(
                    {
                        "extraction_id": n + 1,
                        "claim_id": f"c{c}",
                        "value": rng.randint(1, 20000),
                        "bound": "~",
                        "approximate": True,
                        "unit": unit,
                        "subject": subject,
                        "subject_country": subject,
                        "target": target,
                        "track_key": row_key,
                        "source": rng.choice(STATES),
                        "source_country": rng.choice(STATES),
                        "certainty": "certain",
                        "polarity": "positive",
                        "span_start": c * 10,
                        "document_date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                        "span_end": c * 10 + 5,
                        "sentence_start": 0,
                        "sentence_end": 200,
                    }
                )
            for e in range(EVENTS_PER_DOCUMENT):
                events.append(
                    {
                        "extraction_id": n + 1,
                        "event_id": f"e{e}",
                        "type": rng.choice(TYPES),
                        "trigger": "x",
                        "trigger_start": 0,
                        "trigger_end": 1,
                        "sentence_start": 0,
                        "sentence_end": 10,
                        "source": rng.choice(STATES),
                        "source_country": rng.choice(STATES),
                        "target_country": rng.choice(STATES),
                        "certainty": "certain",
                        "polarity": "positive",
                    }
                )
        with ledger.engine.begin() as connection:
            connection.execute(insert(schema.documents), documents)
            connection.execute(insert(schema.extractions), extractions)
            connection.execute(insert(schema.claims), claims)
            connection.execute(insert(schema.events), events)
    return key, time.perf_counter() - start


def latency(function: object, runs: int = 50) -> tuple[float, float]:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--db", help="ledger URL for the query benchmark (default: a temporary SQLite file)")
    args = parser.parse_args()
    extract_rate, ingest_rate = ingest_ratio(args.documents)
    print(f"extract alone        {extract_rate:8.1f} articles/s")
    print(f"extract + ingest     {ingest_rate:8.1f} articles/s")
    print(f"ratio ingest/extract {ingest_rate / extract_rate:8.2f}   (goal >= 0.9)")
    from watchfloor.correlate.dyads import dyad_series
    from watchfloor.correlate.tracks import load_track
    from watchfloor.store.ledger import Ledger

    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'million.sqlite'}"
        key, seconds = fill(url, args.claims)
        ledger = Ledger(url)
        print(f"generated {args.claims:,} claims in {seconds:.0f} s ({ledger.dialect})")
        for name, query in (
            ("claims --actor PRK --unit troops", lambda: ledger.claims(actor="PRK", unit="troops", limit=100)),
            ("track KEY", lambda: load_track(ledger, key)),
            ("dyad PRK RUS", lambda: dyad_series(ledger.events(source="PRK", target="RUS"), "PRK", "RUS", "month")),
        ):
            median, p95 = latency(query)
            print(f"{name:34} median {median:7.1f} ms   p95 {p95:7.1f} ms   (goal p95 < 50 ms)")
    print(f"peak memory          {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:8.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
