"""Extraction on Dask workers (``watchfloor.cluster``) and several ingests on one ledger at once: the same
ledger as one process, nothing lost when a worker dies, memory flat in the number of inputs, and concurrent
ingests that meet each other's documents report "unchanged" instead of failing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.model import Document, Skip
from watchfloor.store.ledger import Ledger

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

COUNTRIES = ["Russia", "Ukraine", "North Korea", "China", "Israel", "Iran", "Sudan", "Poland"]
PLACES = ["Kursk", "Kharkiv", "Gaza", "Khartoum", "Donetsk", "Odesa", "Rafah", "Tehran"]


def generated_text(number: int) -> str:
    """A short, distinct news item (its numbers come from ``number``, so every text has its own id)."""
    country = COUNTRIES[number % len(COUNTRIES)]
    place = PLACES[(number // len(COUNTRIES)) % len(PLACES)]
    return (
        f"Officials in {country} said on Monday that {1000 + number} troops had been sent to {place}.\n"
        f"At least {number % 90 + 3} people were killed there last week, the ministry said."
    )


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"article-{number:05d}.txt").write_text(generated_text(number), encoding="utf-8")
    return folder


def run_ingest(*args: str) -> subprocess.CompletedProcess[str]:
    """``watchfloor ingest`` in its own process, as a user (or a cron job) starts it."""
    command = [sys.executable, "-m", "watchfloor", "ingest", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=ROOT, check=False)


def ledger_rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every stored row of the fact tables, ids included, without the wall-clock columns."""
    from sqlalchemy import select

    from watchfloor.store import schema

    ledger = Ledger(url)
    tables = [schema.documents, schema.extractions, schema.actors, schema.places, schema.claims, schema.events]
    tables += [schema.copies]
    rows = {}
    with ledger.engine.connect() as connection:
        for table in tables:
            columns = [column for column in table.columns if column.name not in ("ingested_at", "created_at")]
            found = connection.execute(select(*columns)).all()
            rows[table.name] = sorted((tuple(row) for row in found), key=repr)
    return rows


@pytest.fixture(scope="module")
def single_ledger(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The samples ingested by one plain process: what every other way of ingesting must equal."""
    url = f"sqlite:///{tmp_path_factory.mktemp('single') / 'ledger.sqlite'}"
    result = run_ingest(str(SAMPLES), "--db", url)
    assert result.returncode == 0, result.stderr
    return url


def test_two_workers_give_the_ledger_of_one_process(single_ledger: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'workers.sqlite'}"
    result = run_ingest(str(SAMPLES), "--db", url, "--workers", "2")
    assert result.returncode == 0, result.stderr
    expected, found = ledger_rows(single_ledger), ledger_rows(url)
    assert found["documents"], "the samples gave no documents"
    assert found["claims"] and found["events"], "the samples gave no facts"
    for table, rows in expected.items():
        assert found[table] == rows, f"{table} differs between --workers 2 and one process"


def test_unordered_workers_store_the_same_facts(single_ledger: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'unordered.sqlite'}"
    result = run_ingest(str(SAMPLES), "--db", url, "--workers", "2", "--unordered")
    assert result.returncode == 0, result.stderr
    assert Ledger(url).counts() == Ledger(single_ledger).counts()
    assert ledger_rows(url)["documents"] == ledger_rows(single_ledger)["documents"]


def test_an_existing_cluster_given_by_its_scheduler_address(single_ledger: str, tmp_path: Path) -> None:
    from watchfloor.cluster import cluster_client

    url = f"sqlite:///{tmp_path / 'scheduler.sqlite'}"
    with cluster_client(workers=1) as client:
        result = run_ingest(str(SAMPLES), "--db", url, "--scheduler", client.scheduler.address)
        ran_there = client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.task_prefixes))
    assert result.returncode == 0, result.stderr
    assert ran_there, "no task ran on the given cluster"
    assert ledger_rows(url) == ledger_rows(single_ledger)


@pytest.mark.parametrize(
    ("options", "message", "code"),
    [
        (["--scheduler", "tcp://127.0.0.1:1"], "cannot use the Dask cluster tcp://127.0.0.1:1", 1),
        (["--workers", "2", "--scheduler", "tcp://127.0.0.1:1"], "not both", 2),
        (["--workers", "0"], "--workers", 2),
    ],
)
def test_a_cluster_that_cannot_be_used_is_a_clear_error(options: list[str], message: str, code: int, tmp_path) -> None:
    result = run_ingest(str(SAMPLES), "--db", str(tmp_path / "ledger.sqlite"), *options)
    assert result.returncode == code
    assert message in result.stderr and "Traceback" not in result.stderr


def test_a_killed_worker_loses_no_document(tmp_path: Path) -> None:
    from watchfloor.cluster import cluster_client, extract_on_cluster, worker_pids
    from watchfloor.pipeline import ingest_items
    from watchfloor.read import read_paths

    count = 48
    folder = write_articles(tmp_path / "articles", count)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite'}")
    settings = Settings()
    killed: list[int] = []
    outcomes: list[object] = []
    with cluster_client(workers=2) as client:
        before = worker_pids(client)
        items = read_paths([str(folder)], max_bytes=settings.max_bytes, max_chars=settings.max_chars, published=None)
        extract = lambda new: extract_on_cluster(new, settings, client)  # noqa: E731
        for result in ingest_items(items, settings, ledger, extract=extract):
            outcomes.append(result)
            if not killed:  # the first result is back: the other batches are queued or running on both workers
                pid = next(iter(before.values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
        after = worker_pids(client)
    assert killed and killed[0] not in after.values(), "the worker was not killed"
    assert not [item for item in outcomes if isinstance(item, Skip)]
    assert ledger.counts()["documents"] == count
    assert ledger.counts()["extractions"] == count
    assert not ledger.check()


def test_streaming_keeps_a_bounded_window_and_flat_memory(tmp_path: Path) -> None:
    """400 generated articles through 2 workers: the inputs read ahead of the results stay within the bound,
    and the client's resident memory grows by less than a ceiling between the first results and the last.
    (5,000 articles with the same ceiling run in benchmarks/scale.py; here a smaller count keeps the test short.)"""
    from watchfloor.cluster import BUFFER_PER_WORKER, TASK_SIZE, cluster_client, extract_on_cluster
    from watchfloor.read import read_paths

    count = 400
    folder = write_articles(tmp_path / "articles", count)
    settings = Settings()
    pulled = 0

    def counted(items):
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    ahead: list[int] = []
    memory: list[int] = []
    extracted = 0
    with cluster_client(workers=2) as client:
        items = read_paths([str(folder)], max_bytes=settings.max_bytes, max_chars=settings.max_chars, published=None)
        for result in extract_on_cluster(counted(items), settings, client):
            extracted += 1
            assert not isinstance(result, Skip), result
            ahead.append(pulled - extracted)
            if extracted % 50 == 0:
                memory.append(resident_bytes())
    assert extracted == count
    window = BUFFER_PER_WORKER * 2 * TASK_SIZE  # batches running or finished and waiting for the input order
    assert max(ahead) <= window, f"{max(ahead)} inputs read ahead of the results; the bound is {window}"
    growth = memory[-1] - memory[0]
    assert growth < 40_000_000, f"the client grew by {growth / 1e6:.0f} MB over {count} articles"


def resident_bytes() -> int:
    """This process's resident memory now (VmRSS of /proc/self/status)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS in /proc/self/status")


def test_a_batch_of_documents_and_skips_keeps_its_order(tmp_path: Path) -> None:
    """Skips (unreadable inputs) come out where they went in, between documents extracted on the workers."""
    from watchfloor.cluster import cluster_client, extract_on_cluster
    from watchfloor.read.text import make_document

    settings = Settings()
    items: list[Document | Skip] = []
    for number in range(20):
        if number % 7 == 3:
            items.append(Skip(f"bad-{number}", "not an article"))
        else:
            items.append(make_document(generated_text(number), f"doc-{number}", max_chars=settings.max_chars))
    with cluster_client(workers=2) as client:
        results = list(extract_on_cluster(items, settings, client, ordered=True))
    sources = [item.source if isinstance(item, Skip) else item.document.source for item in results]
    assert sources == [item.source for item in items]


def concurrent_ingests(url: str, copies: int) -> list[subprocess.CompletedProcess[str]]:
    """``copies`` ingests of the samples into one ledger, started together."""
    command = [sys.executable, "-m", "watchfloor", "ingest", str(SAMPLES), "--db", url]
    running = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)]
    running += [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for _ in range(copies - 1)
    ]
    results = []
    for process in running:
        out, err = process.communicate(timeout=600)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results


def check_concurrent(results: list[subprocess.CompletedProcess[str]], url: str, single_ledger: str) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr and "Error" not in result.stderr, result.stderr
    assert Ledger(url).counts() == Ledger(single_ledger).counts()
    assert not Ledger(url).check()


def test_three_concurrent_ingests_into_one_sqlite_ledger(single_ledger: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite'}"  # a new file: the three also race to create the schema
    check_concurrent(concurrent_ingests(url, 3), url, single_ledger)


def test_two_concurrent_ingests_into_one_postgresql_ledger(single_ledger: str) -> None:
    url = os.environ.get("WATCHFLOOR_TEST_PG")
    if not url:
        pytest.skip("WATCHFLOOR_TEST_PG is not set: run scripts/start-postgres.sh (CI does) to test PostgreSQL")
    Ledger(url).downgrade("base")  # an empty database: the two also race to create the schema
    check_concurrent(concurrent_ingests(url, 2), url, single_ledger)
