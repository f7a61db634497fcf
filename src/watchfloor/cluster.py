"""Extraction on a Dask distributed cluster: batches of documents go to worker processes (each loads the
spaCy model once, ``nlp.load_pipeline`` being cached per process) and come back to the caller, who stays the
only writer. At most a bounded window of batches is in flight, so memory stays flat in the number of inputs."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from watchfloor.config import Settings
from watchfloor.errors import WatchfloorError
from watchfloor.model import Document, Extraction, Skip

# Documents per task: enough for spaCy's batching and to hide the ~1 ms a task costs, few enough that a batch
# lost with its worker is little work to redo.
TASK_SIZE = 8
# Batches in flight per worker: one running, one queued so a worker never waits on the client.
WINDOW_PER_WORKER = 2
# Finished batches held for the input order behind a slow one, per worker: the window keeps workers busy
# while an early batch is still running; this bounds the memory that holds.
BUFFER_PER_WORKER = 8
# A short text that takes every lazily loaded table on first use (the place index, gazetteers, lexicons):
# extracted on each worker before any batch, so those loads are not paid inside the first batches.
WARM_UP_TEXT = (
    "KYIV (Wire) - Russia launched 40 drones at Odesa on Monday, Ukraine's air force said, "
    "and about 1,500 North Korean troops were sent to Kursk, according to the NIS."
)
# How long to try reaching a --scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"
# A batch whose worker died is run again on another this many times (Dask's own retry), then split.
RETRIES = 2


@contextmanager
def cluster_client(workers: int | None = None, scheduler: str | None = None) -> Iterator[Any]:
    """A Dask client on the cluster at ``scheduler`` (``tcp://HOST:PORT``), or on a new LocalCluster of
    ``workers`` processes with one thread each (spaCy holds the GIL; threads would not run in parallel)."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler, timeout=CONNECT_TIMEOUT) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers or 1, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def worker_pids(client: Any) -> dict[str, int]:
    """Each worker's address and process id (to watch or stop one)."""
    return dict(client.run(os.getpid))


def warm_up(client: Any, settings: Settings) -> str:
    """Load the model on every worker now (so the first batches do not all wait on it at once) and return
    the extractor name the ledger records; the client need not load the model itself."""
    names = set(client.run(_worker_extractor, settings).values())
    if len(names) != 1:
        raise WatchfloorError(f"the cluster's workers run different extractors: {sorted(names)}")
    return str(names.pop())


def _worker_extractor(settings: Settings) -> str:
    from watchfloor.pipeline import extract_text, extractor_name

    extract_text(WARM_UP_TEXT, settings, published="2025-01-13")
    return extractor_name(settings)


def extract_batch(documents: list[Document], settings: Settings) -> list[Extraction | Skip]:
    """Runs on a worker: the extraction of each document, or its Skip with the reason it failed."""
    from watchfloor.pipeline import extract_documents

    return list(extract_documents(documents, settings))


def extract_on_cluster(
    items: Iterable[Document | Skip], settings: Settings, client: Any, *, ordered: bool = True
) -> Iterator[Extraction | Skip]:
    """Extract every document on the cluster; Skips pass through. In input order when ``ordered``, else as
    batches finish. A batch that fails as a whole (its worker died ``RETRIES + 1`` times) is split and each
    document run alone, so only a document that itself kills workers is skipped, with the reason."""
    from distributed import as_completed

    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window, buffered = WINDOW_PER_WORKER * workers, BUFFER_PER_WORKER * workers
    batches = _batches(iter(items))
    running = as_completed()
    inputs: dict[Any, tuple[int, list[Document | Skip]]] = {}
    done: dict[int, list[Extraction | Skip]] = {}
    submitted = finished = yielded = 0

    def submit_next() -> bool:
        """Another batch to the cluster while fewer than ``window`` run and fewer than ``buffered`` wait to
        be yielded (in order, finished batches wait for a slower earlier one: counting those as in flight
        would leave the workers idle)."""
        nonlocal submitted
        if submitted - finished >= window or submitted - yielded >= buffered:
            return False
        batch = next(batches, None)
        if batch is None:
            return False
        documents = [item for item in batch if isinstance(item, Document)]
        future = client.submit(extract_batch, documents, settings, retries=RETRIES, pure=False)
        inputs[future] = (submitted, batch)
        running.add(future)
        submitted += 1
        return True

    while submit_next():
        pass
    for future in running:
        finished += 1
        number, batch = inputs.pop(future)
        documents = [item for item in batch if isinstance(item, Document)]
        done[number] = _merge(batch, _results(future, documents, client, settings))
        future.release()
        ready = sorted(done) if not ordered else _ready_in_order(done, yielded)
        for key in ready:
            yield from done.pop(key)
            yielded += 1
        while submit_next():
            pass


def _ready_in_order(done: dict[int, list[Extraction | Skip]], first: int) -> list[int]:
    ready: list[int] = []
    while first + len(ready) in done:
        ready.append(first + len(ready))
    return ready


def _batches(items: Iterator[Document | Skip]) -> Iterator[list[Document | Skip]]:
    while batch := list(islice(items, TASK_SIZE)):
        yield batch


def _results(future: Any, documents: list[Document], client: Any, settings: Settings) -> list[Extraction | Skip]:
    """A batch's results; when the batch failed as a whole, each document's run on its own."""
    try:
        return list(future.result())
    except Exception as error:  # the worker died (KilledWorker) or the task could not run
        if len(documents) <= 1:
            return [
                Skip(document.source, f"extraction failed on the cluster ({_describe(error)})")
                for document in documents
            ]
        return [result for document in documents for result in _alone(document, client, settings)]


def _alone(document: Document, client: Any, settings: Settings) -> list[Extraction | Skip]:
    future = client.submit(extract_batch, [document], settings, retries=RETRIES, pure=False)
    try:
        return list(future.result())
    except Exception as error:
        return [Skip(document.source, f"extraction failed on the cluster ({_describe(error)})")]


def _merge(batch: list[Document | Skip], results: list[Extraction | Skip]) -> list[Extraction | Skip]:
    """The batch's items in their order: its Skips where they were, each document's result in its place."""
    extracted = iter(results)
    return [item if isinstance(item, Skip) else next(extracted) for item in batch]


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"
