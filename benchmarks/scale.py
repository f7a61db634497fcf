"""Scale benchmarks for issue 17, one section each (run one, or all):

    python benchmarks/scale.py extraction [--documents 240] [--stream 5000] [--pg postgresql://...]
    python benchmarks/scale.py ratio [--documents 240]      # part (1) only: the 1 vs 2 workers ratio

extraction: (1) throughput of extraction on a Dask LocalCluster of 1 and of 2 worker processes over the same
inputs (the sample and evaluation articles repeated, each copy made unique by a numbered first line), as
documents/s and words/s, and their ratio (goal >= 1.7 on 2 cores); the model is loaded on the workers before
the clock starts. (2) `watchfloor ingest` into PostgreSQL (--pg, else WATCHFLOOR_TEST_PG) by 2 concurrent
writers, each its own half of the inputs, against 1 writer with all of them. (3) a streaming ingest of
--stream short articles with --workers 2 into SQLite, against one a tenth its size: the client's peak memory
must not grow with the inputs. Every run is its own process; each process's peak resident memory (VmHWM) is
printed, the workers' included, and for (1) the share of the wall time the workers spent computing (Dask's
task stream: a low share means they waited on the client, not that extraction is slow) and the client's CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- extraction (the ingest half of #17) -----


def base_texts() -> list[str]:
    """The bundled articles' texts: the samples and the evaluation articles."""
    from watchfloor.model import Document
    from watchfloor.read import read_paths

    sources = [ROOT / "samples", ROOT / "tests" / "eval" / "articles"]
    items = read_paths([str(path) for path in sources], max_bytes=20_000_000, max_chars=300_000)
    return [item.text for item in items if isinstance(item, Document)]


def write_corpus(folder: Path, count: int, chars: int | None = None) -> int:
    """``count`` distinct article files in ``folder`` (the bundled articles repeated, cut to ``chars`` when
    given); returns their words."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base_texts()
    words = 0
    for number in range(count):
        text = f"Copy {number}.\n{base[number % len(base)][:chars]}"
        words += len(text.split())
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")
    return words


def peak_bytes(pid: int | str = "self") -> int:
    """A process's peak resident memory so far (VmHWM of /proc/PID/status), 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def cpu_seconds() -> float:
    """This process's CPU time so far (user and system)."""
    times = os.times()
    return times.user + times.system


def extraction_run(folder: str, workers: int) -> dict[str, Any]:
    """In this process: extract every file of ``folder`` on a LocalCluster of ``workers``; seconds taken
    (model already loaded on the workers) and each process's peak memory."""
    from distributed import get_task_stream

    from watchfloor.cluster import cluster_client, extract_on_cluster, warm_up
    from watchfloor.config import Settings
    from watchfloor.model import Skip
    from watchfloor.read import read_paths

    settings = Settings()
    with cluster_client(workers=workers) as client:
        warm_up(client, settings)
        cpu_before = sum(client.run(cpu_seconds).values())
        client_before = cpu_seconds()
        start = time.perf_counter()
        items = read_paths([folder], max_bytes=settings.max_bytes, max_chars=settings.max_chars)
        results = [0, 0]
        with get_task_stream(client) as stream:
            for result in extract_on_cluster(items, settings, client):
                results[isinstance(result, Skip)] += 1
        seconds = time.perf_counter() - start
        cpu = sum(client.run(cpu_seconds).values()) - cpu_before
        worker_peaks = sorted(client.run(peak_bytes).values())
    return {"seconds": seconds, "extracted": results[0], "skipped": results[1], "worker_cpu": cpu,
            "client_cpu": cpu_seconds() - client_before, "busy": busy_seconds(stream.data),
            "client_peak": peak_bytes(), "worker_peaks": worker_peaks}  # fmt: skip


def busy_seconds(tasks: list[dict[str, Any]]) -> dict[str, float]:
    """Seconds the workers spent computing batches, moving data and (de)serializing them, from Dask's task
    stream: what a worker was not idle for."""
    busy: dict[str, float] = {}
    for task in tasks:
        for part in task.get("startstops", ()):
            action = part["action"] if isinstance(part, dict) else part[0]
            begin, end = (part["start"], part["stop"]) if isinstance(part, dict) else (part[1], part[2])
            busy[action] = busy.get(action, 0.0) + end - begin
    return busy


def measure_extraction(folder: Path, workers: int) -> dict[str, Any]:
    """``extraction_run`` in a fresh process (so its memory is its own)."""
    command = [sys.executable, __file__, "_extraction-run", str(folder), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=3600)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def timed_ingests(jobs: list[list[str]]) -> tuple[float, list[int], list[str]]:
    """Run the ``watchfloor ingest`` argument lists at once; wall seconds, each one's peak memory (polled),
    and each one's stdout summary. Raises when one fails."""
    start = time.perf_counter()
    running = [
        subprocess.Popen([sys.executable, "-m", "watchfloor", "ingest", *job], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for job in jobs
    ]  # fmt: skip
    peaks = [0] * len(running)
    while any(process.poll() is None for process in running):
        peaks = [max(peak, peak_bytes(process.pid)) for peak, process in zip(peaks, running, strict=True)]
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    summaries = []
    for process in running:
        out, err = process.communicate()
        if process.returncode != 0 or "Traceback" in err:
            raise SystemExit(f"ingest failed ({process.returncode}):\n{err[-2000:]}")
        summaries.append(out.strip())
    return seconds, peaks, summaries


def pg_writers(folder: Path, url: str, count: int) -> None:
    """1 writer with all the files against 2 concurrent writers with half each, into an emptied PostgreSQL."""
    from watchfloor.store.ledger import Ledger

    files = sorted(str(path) for path in folder.iterdir())
    halves = [files[: len(files) // 2], files[len(files) // 2 :]]
    for label, jobs in (("1 writer ", [files]), ("2 writers", halves)):
        Ledger(url).downgrade("base")
        seconds, peaks, _ = timed_ingests([[*job, "--db", url] for job in jobs])
        counts = Ledger(url).counts()
        print(f"  PostgreSQL, {label}: {count / seconds:6.1f} docs/s ({seconds:.1f} s), documents stored "
              f"{counts['documents']}/{count}, peak memory {', '.join(mb(peak) for peak in peaks)}")  # fmt: skip


def streaming(count: int, workdir: Path) -> None:
    """Client peak memory of ``ingest --workers 2`` on ``count`` short articles against a tenth as many."""
    for size in (max(1, count // 10), count):
        folder = workdir / f"stream-{size}"
        write_corpus(folder, size, chars=600)
        url = f"sqlite:///{workdir / f'stream-{size}.sqlite'}"
        seconds, peaks, summaries = timed_ingests([[str(folder), "--db", url, "--workers", "2"]])
        print(f"  streaming {size:5d} short articles, 2 workers: {size / seconds:6.1f} docs/s, "
              f"client peak {mb(peaks[0])}; {summaries[0]}")  # fmt: skip


def mb(size: int) -> str:
    return f"{size / 1e6:.0f} MB"


def extraction_section(documents: int, stream: int, pg: str | None, *, ratio_only: bool = False) -> None:
    print(f"extraction: {documents} articles, on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "corpus"
        words = write_corpus(folder, documents)
        rates, cpu_rates = {}, {}
        for workers in (1, 2):
            run = measure_extraction(folder, workers)
            rates[workers] = run["extracted"] / run["seconds"]
            print(f"  Dask, {workers} worker(s): {rates[workers]:6.1f} docs/s, {words / run['seconds']:7.0f} words/s "
                  f"({run['seconds']:.1f} s, {run['skipped']} skipped); peak memory client {mb(run['client_peak'])}, "
                  f"workers {', '.join(mb(peak) for peak in run['worker_peaks'])}")  # fmt: skip
            cpu_rates[workers] = run["extracted"] / run["worker_cpu"]
            # a worker is busy while it computes a batch; the rest of the wall time it waits for work
            computing = run["busy"].get("compute", 0.0)
            other = ", ".join(f"{k} {v:.2f} s" for k, v in run["busy"].items() if k != "compute") or "none"
            print(f"    workers busy {computing / (workers * run['seconds']):.0%} of the wall time "
                  f"(compute {computing:.1f} s; other {other}); client CPU {run['client_cpu']:.1f} s")  # fmt: skip
        print(f"  ratio 2 workers / 1 worker: {rates[2] / rates[1]:.2f} (goal >= 1.7)")
        # on a machine other jobs share, wall time undercounts; docs per worker CPU-second says whether a second
        # worker costs more CPU per document (2 x this ratio is the speed-up two free cores would give)
        load = os.getloadavg()[0]
        print(f"  docs per worker CPU-second: 1 worker {cpu_rates[1]:.1f}, 2 workers {cpu_rates[2]:.1f}; "
              f"2 x their ratio {2 * cpu_rates[2] / cpu_rates[1]:.2f}; load average {load:.1f}")  # fmt: skip
        if ratio_only:
            return
        if pg:
            pg_writers(folder, pg, documents)
        else:
            print("  PostgreSQL writers: skipped (give --pg URL or set WATCHFLOOR_TEST_PG)")
        if stream:
            streaming(stream, Path(work))


# ---------------------------------------------------------------------------------------- entry point -----


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "_extraction-run":  # a measured run in its own process
        print(json.dumps(extraction_run(sys.argv[2], int(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("section", choices=["extraction", "ratio", "all"], help="ratio: the 1 vs 2 workers part only")
    parser.add_argument("--documents", type=int, default=240, help="articles for the throughput runs")
    parser.add_argument("--stream", type=int, default=5000, help="short articles for the streaming run (0: none)")
    parser.add_argument("--pg", default=os.environ.get("WATCHFLOOR_TEST_PG"), help="PostgreSQL URL (emptied!)")
    args = parser.parse_args()
    if args.section in ("extraction", "all"):
        extraction_section(args.documents, args.stream, args.pg)
    elif args.section == "ratio":
        extraction_section(args.documents, 0, None, ratio_only=True)


if __name__ == "__main__":
    main()
