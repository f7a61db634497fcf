"""The pipeline: read -> analyze -> extract -> resolve, one document at a time over a batched spaCy stream."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from watchfloor.config import Settings
from watchfloor.extract.attribution import make_attributor
from watchfloor.extract.claims import find_claims
from watchfloor.extract.events import find_events
from watchfloor.model import Document, Extraction, Skip
from watchfloor.nlp import load_pipeline
from watchfloor.resolve.actors import add_local_officials, resolve_actors
from watchfloor.resolve.geonames import open_index
from watchfloor.resolve.places import resolve_places, state_compounds
from watchfloor.resolve.times import find_times, latest_date

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Documents handed to spaCy at once; larger batches gain nothing on two cores and hold more memory.
BATCH_SIZE = 16


def extract_documents(items: Iterable[Document | Skip], settings: Settings) -> Iterator[Extraction | Skip]:
    """Analyse every document and yield its extraction; Skips pass through in their place."""
    nlp = load_pipeline(settings.model)
    # Skips ride along as empty texts (free to analyse) so results come out in input order.
    pairs = ((item.text if isinstance(item, Document) else "", item) for item in items)
    stream = nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE)
    for doc, item in stream:
        if isinstance(item, Skip):
            yield item
            continue
        try:
            yield extract_from_doc(doc, item, settings)
        except Exception as error:  # one bad document must not stop the others; say which and why
            yield Skip(item.source, f"extraction failed ({type(error).__name__}: {error}); please report this")


def extract_from_doc(doc: Doc, document: Document, settings: Settings) -> Extraction:
    """Everything watchfloor resolves from one analysed document."""
    compounds = state_compounds(doc, open_index(settings.cache_dir))
    actors = resolve_actors(doc, [(span.start_char, span.end_char) for span in compounds])
    countries = {actor.country for actor in actors if actor.country}
    places = resolve_places(doc, countries, settings.cache_dir)
    actors = add_local_officials(doc, actors, places)
    times = find_times(document.text, document.published)
    latest = None if document.published else latest_date(times)  # only dates stated outright resolve
    attributor = make_attributor(doc, actors, places)
    claims = find_claims(doc, actors, places, times, document.published, attributor)
    events = find_events(doc, actors, places, times, document.published, latest, attributor)
    return Extraction(
        document=document,
        actors=tuple(actors),
        places=tuple(places),
        times=tuple(times),
        claims=tuple(claims),
        events=tuple(events),
        latest_date=latest,
    )


def extract_text(text: str, settings: Settings | None = None, *, published: str | None = None) -> Extraction:
    """Extract from one string: the library's shortest path (``watchfloor.extract_text("...")``)."""
    from watchfloor.read.text import make_document

    settings = settings or Settings()
    document = make_document(text, "<text>", max_chars=settings.max_chars, published=published)
    result = next(extract_documents([document], settings))
    assert isinstance(result, Extraction)
    return result


def extractor_name(settings: Settings) -> str:
    """Which code and model produced an extraction: a new one adds a version in the ledger."""
    from watchfloor import __version__

    nlp = load_pipeline(settings.model)
    return f"watchfloor {__version__}; {nlp.meta.get('name', settings.model)} {nlp.meta.get('version', '')}".strip()


def ingest_items(
    items: Iterable[Document | Skip],
    settings: Settings,
    ledger: Any,
    *,
    after: Callable[[Extraction, Any], object] | None = None,
    extract: Callable[[Iterable[Document | Skip]], Iterator[Extraction | Skip]] | None = None,
    extractor: str | None = None,
    recheck_stored: bool = False,
    batch: int = 1,
) -> Iterator[Any]:
    """Extract and store every document with its track keys and copy link (``correlate.links``); yields each
    IngestResult or Skip. A document the ledger already holds from this extractor (its id is the hash of its
    text) is not extracted again: it is "unchanged" at once. Documents are stored ``batch`` to a transaction,
    in their order (the last batch when the input ends); a document that cannot be stored is a Skip with
    its reason, never its batch. ``after(extraction, result)`` runs on each extraction once it is committed
    (or found stored already), before it is yielded: watch rules raise their alerts there. ``extract`` turns
    the new items into results in their order (default: ``extract_documents`` in this process;
    ``cluster.extract_on_cluster`` on Dask workers); storing stays here, in the caller's process, the one
    writer. ``extractor`` is the name that extraction records (default: ``extractor_name``, which loads the
    model here). With ``recheck_stored`` a stored document is extracted again so that ``after`` sees it: the
    monitor, which re-fetches only entries it did not record, uses it after a crash between a document's
    commit and its alerts (alerts are idempotent)."""
    from watchfloor.correlate.links import Linker

    extractor = extractor or extractor_name(settings)
    linker = Linker(ledger)
    known: list[Any] = []
    pending: list[Extraction | Skip] = []  # in input order: a Skip waits for the documents before it
    extract = extract or (lambda new: extract_documents(new, settings))
    for result in extract(_new_items(items, ledger, None if recheck_stored else extractor, known)):
        yield from _drain(known)
        pending.append(result)
        if sum(isinstance(item, Extraction) for item in pending) >= max(1, batch):
            yield from _store(pending, linker, extractor, after)
            pending = []
    yield from _store(pending, linker, extractor, after)
    yield from _drain(known)


def _store(pending: list[Extraction | Skip], linker: Any, extractor: str, after: Any) -> Iterator[Any]:
    """Store the extractions among ``pending`` as one batch and yield every item's outcome in order."""
    from watchfloor.errors import WatchfloorError

    extractions = [item for item in pending if isinstance(item, Extraction)]
    if len(extractions) == 1:
        try:
            outcomes: list[Any] = [linker.ingest(extractions[0], extractor)]
        except WatchfloorError:
            raise
        except Exception as error:  # the document's transaction was rolled back; say so and go on
            outcomes = [error]
    else:
        outcomes = linker.ingest_batch(extractions, extractor) if extractions else []
    stored = iter(zip(extractions, outcomes, strict=True))
    for item in pending:
        if isinstance(item, Skip):
            yield item
            continue
        extraction, outcome = next(stored)
        if isinstance(outcome, WatchfloorError):
            raise outcome
        if isinstance(outcome, Exception):
            yield Skip(extraction.document.source, f"could not be stored ({type(outcome).__name__}: {outcome})")
            continue
        if after is not None:
            after(extraction, outcome)
        yield outcome


def _new_items(
    items: Iterable[Document | Skip], ledger: Any, extractor: str | None, known: list[Any]
) -> Iterator[Document | Skip]:
    """The items that need extracting; each document already stored by ``extractor`` goes to ``known`` as
    its "unchanged" IngestResult instead (with no ``extractor``, every item is extracted)."""
    from watchfloor.store.ledger import IngestResult

    for item in items:
        if isinstance(item, Document) and extractor is not None:
            versions = ledger.versions(item.id)
            if extractor in versions:
                known.append(IngestResult(item.id, "unchanged", versions[extractor]))
                continue
        yield item


def _drain(results: list[Any]) -> Iterator[Any]:
    while results:
        yield results.pop(0)
