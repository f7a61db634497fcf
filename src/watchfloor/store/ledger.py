"""The Ledger: the only code that talks to the database. Ingest is one transaction per document, or per batch."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, TypedDict, TypeVar

from watchfloor.errors import WatchfloorError
from watchfloor.model import Extraction
from watchfloor.store import corrections, queries, summaries
from watchfloor.store.rows import ClaimRow, EventRow, event_day

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


# A document's transaction is run again after a unique-constraint race this many times at most: the second
# run sees the winner's commit, so two suffice; a third covers a new version racing another new version.
INGEST_ATTEMPTS = 3


class StoreError(WatchfloorError):
    """The ledger cannot be opened or written (bad URL, unreachable server, schema too new)."""


@dataclass(frozen=True)
class IngestResult:
    """What ingesting one extraction did: "added" (a new document), "new version" or "unchanged"."""

    document_id: str
    outcome: str
    version: int


@dataclass(frozen=True)
class Links:
    """What relates a document to others, computed by ``correlate.links`` and only stored here: claim id ->
    track key, and for a new document its MinHash signature and the (stored id, similarity) it copies."""

    track_keys: Mapping[str, str | None]
    signature: bytes | None = None
    original: tuple[str, float] | None = None


T = TypeVar("T")


class Records(list[T]):
    """A list of rows (dicts) that turns into a pandas DataFrame with ``to_frame()`` (pandas is optional:
    ``pip install 'watchfloor[frames]'``)."""

    def to_frame(self) -> Any:
        try:
            import pandas
        except ImportError:
            raise WatchfloorError("to_frame() needs pandas: pip install 'watchfloor[frames]'") from None
        return pandas.DataFrame(list(self))


def database_url(location: str) -> str:
    """A database URL for a ledger location: a URL as it is, a plain file path as ``sqlite:///ABSOLUTE_PATH``."""
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser().absolute()}"


class Ledger:
    """A ledger at a database URL (``sqlite:///path`` or ``postgresql://...``) or a file path (SQLite),
    migrated to the newest schema."""

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine, event

        url = database_url(url)
        self.url = url
        self._memo: dict[str, tuple[Any, Any]] = {}
        try:
            if url.startswith("sqlite:///"):
                Path(url.removeprefix("sqlite:///")).expanduser().parent.mkdir(parents=True, exist_ok=True)
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
            self.engine: Engine = create_engine(url, future=True)
        except Exception as error:  # a malformed URL or a missing driver: say which
            raise StoreError(f"cannot open ledger {self.url!r}: {error}") from error
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.upgrade()

    @classmethod
    def open(cls, url: str) -> Self:
        """The ledger at ``url`` (a database URL or a file path), created or migrated as needed: the Python
        API's front door (``Ledger.open("ledger.sqlite").claims(actor="PRK").to_frame()``)."""
        return cls(url)

    @property
    def dialect(self) -> str:
        return str(self.engine.dialect.name)

    def upgrade(self, revision: str = "head") -> None:
        """Bring the schema to ``revision`` with Alembic (an empty database gets every migration)."""
        self._migrate("upgrade", revision)

    def downgrade(self, revision: str = "base") -> None:
        """Take the schema back to ``revision`` ("base" drops every table: for tests and tear-downs)."""
        self._migrate("downgrade", revision)

    def schema_revision(self) -> str | None:
        from sqlalchemy import text

        with self.engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def _migrate(self, direction: str, revision: str) -> None:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(resources.files("watchfloor.store").joinpath("migrations")))
        try:
            with self.engine.connect() as connection, _foreign_keys_off(connection), connection.begin():
                _lock_for_migration(connection)
                config.attributes["connection"] = connection
                getattr(command, direction)(config, revision)
        except Exception as error:
            raise StoreError(f"cannot migrate ledger {self.url!r}: {error}") from error

    def ingest(
        self,
        extraction: Extraction,
        extractor: str,
        *,
        track_keys: Mapping[str, str | None] | None = None,
        signature: bytes | None = None,
        original: tuple[str, float] | None = None,
    ) -> IngestResult:
        """Store one extraction, all or nothing. The same text by the same extractor is a no-op; a newer
        extractor adds a version and keeps the old one; a document an analyst deleted stays deleted.

        What relates the document to others is computed by ``correlate`` and only stored here: ``track_keys``
        (claim id -> track key; claims not in it get none), and for a new document its MinHash ``signature``
        and the ``original`` (stored document id, similarity) it is a copy of (``correlate.links`` gives all
        three).

        Several processes may ingest into one ledger at once: when another stores the same document first, the
        unique constraints (documents.id, extractions' document and extractor, document and version) reject
        this transaction, which is then rolled back and run again on what is now committed: the same extractor
        gives "unchanged", another a next version. Never a duplicate, never an error for the race."""
        from sqlalchemy.exc import IntegrityError

        for attempt in range(INGEST_ATTEMPTS):
            try:
                return self._ingest_once(extraction, extractor, track_keys, signature, original)
            except IntegrityError:
                if attempt + 1 == INGEST_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    def _ingest_once(
        self,
        extraction: Extraction,
        extractor: str,
        track_keys: Mapping[str, str | None] | None,
        signature: bytes | None,
        original: tuple[str, float] | None,
    ) -> IngestResult:
        with self.engine.begin() as connection:
            return _store(connection, extraction, extractor, Links(track_keys or {}, signature, original))

    def ingest_batch(self, batch: Sequence[tuple[Extraction, str, Links]]) -> list[IngestResult]:
        """Store several extractions in one transaction, in their order, each as ``ingest`` would (a text twice
        in one batch is "unchanged" the second time). All or nothing: on any error the whole batch is rolled
        back and the error raised, so the caller can store its documents one by one and skip only the one that
        fails (``correlate.links.Linker.ingest_batch``). Committing once for many documents spares the
        writer a transaction, a commit and the reads that open each one."""
        with self.engine.begin() as connection:
            return [_store(connection, extraction, extractor, links) for extraction, extractor, links in batch]

    def versions(self, document_id: str) -> dict[str, int]:
        """The extractor -> version map of a document's stored extractions (empty for a new document)."""
        with self.engine.connect() as connection:
            return queries.versions(connection, document_id)

    def stored_ids(self, document_ids: set[str]) -> set[str]:
        """Which of these documents the ledger holds."""
        with self.engine.connect() as connection:
            return queries.stored_ids(connection, document_ids)

    def signatures(self) -> list[tuple[str, bytes]]:
        """Every stored document's MinHash signature, for ``correlate.copies.CopyFinder``."""
        with self.engine.connect() as connection:
            return queries.all_signatures(connection)

    def signatures_since(self, extraction_id: int) -> tuple[list[tuple[str, bytes]], int]:
        """The signatures stored since extraction ``extraction_id`` and the newest extraction id
        (``queries.signatures_since``): a copy finder catching up with other processes' documents."""
        with self.engine.connect() as connection:
            return queries.signatures_since(connection, extraction_id)

    def copies(self) -> set[str]:
        """Ids of stored documents that are copies of an earlier one."""
        with self.engine.connect() as connection:
            return queries.copy_ids(connection)

    def track_summaries(self, **filters: Any) -> list[dict[str, Any]]:
        """Tracks by size without loading them: from the summary table without filters, else grouped in SQL
        (``queries.track_summaries``)."""
        with self.engine.connect() as connection:
            if not filters.get("actor") and not filters.get("since"):
                return summaries.speaker_summaries(connection, filters.get("groups") or {}, filters.get("limit", 100))
            return queries.track_summaries(connection, **filters)

    def memo(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, cached until the next ingest: the ledger is append-only, so the newest extraction id
        (an index lookup) tells whether anything was stored since (the track groups cost a second to
        recompute on a large ledger, and every `track`, `tracks` and brief needs them)."""
        from sqlalchemy import func, select

        from watchfloor.store.schema import corrections as corrections_table
        from watchfloor.store.schema import extractions

        with self.engine.connect() as connection:  # an analyst's deletion changes what is stored, too
            stamp = (
                connection.execute(select(func.max(extractions.c.id))).scalar(),
                connection.execute(select(func.max(corrections_table.c.id))).scalar(),
            )
        cached = self._memo.get(name)
        if cached is None or cached[0] != stamp:
            cached = self._memo[name] = (stamp, compute())
        return cached[1]

    def latest_claims(self) -> list[dict[str, Any]]:
        """Each stored track key x source's latest claim (``summaries.latest_claims``)."""
        with self.engine.connect() as connection:
            return summaries.latest_claims(connection)

    def rebuild_summaries(self) -> None:
        """Recompute the summary tables from every claim (after a bulk load that bypassed ``ingest``)."""
        with self.engine.begin() as connection:
            summaries.rebuild(connection)

    def track_claims(self, *keys: str) -> list[ClaimRow]:
        """The latest claims stored under any of ``keys``, wire copies left out, from an indexed query (no need
        to load every claim); ``correlate.tracks.load_track`` orders and marks them."""
        with self.engine.connect() as connection:
            return self._corrected(connection, queries.select_track(connection, keys), "claim")

    def track_newest(self, key: str, offset: int, limit: int) -> list[ClaimRow]:
        """``limit`` claims of one stored track key from ``offset``, newest first, as the analysts corrected
        them (``queries.select_track_newest``)."""
        with self.engine.connect() as connection:
            return self._corrected(connection, queries.select_track_newest(connection, key, offset, limit), "claim")

    def track_count(self, keys: Sequence[str], since: str | None, until: str | None) -> int:
        """The figures under ``keys`` published between ``since`` and ``until`` (``queries.count_track``)."""
        with self.engine.connect() as connection:
            return queries.count_track(connection, keys, (since, until))

    def track_denials(self, keys: Sequence[str], since: str | None = None, until: str | None = None) -> list[ClaimRow]:
        """The denials under ``keys`` published between ``since`` and ``until``, corrected, in order."""
        with self.engine.connect() as connection:
            found = queries.select_track(connection, keys, denials=True, published=(since, until))
            return self._corrected(connection, found, "claim")

    def track_size(self, keys: Sequence[str]) -> tuple[int, dict[str, tuple[Any, ...]]]:
        """The figures under ``keys`` and each ultimate source's first figure's order (``queries.track_size``)."""
        with self.engine.connect() as connection:
            return queries.track_size(connection, keys)

    def track_keys(self) -> list[str]:
        """The distinct stored track keys (``correlate.tracks.canonical_keys`` groups them into tracks)."""
        with self.engine.connect() as connection:
            return summaries.stored_keys(connection)

    def place_countries(self) -> dict[str, str]:
        """Each stored place name's country."""
        with self.engine.connect() as connection:
            return queries.place_countries(connection)

    def events(self, **filters: Any) -> Records[EventRow]:
        """Events of the latest version of every document, wire copies left out, filtered (see
        ``queries.select_events``)."""
        with self.engine.connect() as connection:
            return Records(self._corrected(connection, queries.select_events(connection, **filters), "event"))

    def dyad_counts(
        self, first: str, second: str, types: Sequence[str], examples: int
    ) -> tuple[list[dict[str, Any]], list[EventRow], list[EventRow]]:
        """What ``correlate.dyads.load_dyad`` needs of the dyad first -> second (acts of ``types``): its counted
        events per day, type and certainty, counted in SQL (``queries.dyad_days``); the first ``examples`` of
        each day; and, read whole and corrected, the events of documents with an analyst's event correction."""
        with self.engine.connect() as connection:
            days = queries.dyad_days(connection, first, second, types)
            sample = queries.dyad_examples(connection, first, second, types, examples) if examples else []
            return days, sample, self._corrected_events(connection, sides=(first, second))

    def busiest_pairs(self, limit: int = 20) -> list[tuple[str, str, int]]:
        """The dyads with the most events (``queries.busiest_pairs``)."""
        with self.engine.connect() as connection:
            return queries.busiest_pairs(connection, limit)

    def event_pairs(self) -> list[dict[str, Any]]:
        """The distinct kinds of act between sides (``queries.event_pairs``), as the analysts corrected them:
        enough for ``correlate.dyads.alignment`` without loading every event."""
        with self.engine.connect() as connection:
            rows = queries.event_pairs(connection)
            changed = connection.execute(queries.event_corrected_documents().distinct()).scalars().all()
            for document in changed:
                found = queries.select_events(connection, document=str(document))
                rows += [
                    {name: row.get(name) for name in queries.PAIR_COLUMNS}
                    for row in self._corrected(connection, found, "event")
                ]
        return rows

    def event_groups(
        self,
        key: Callable[[Mapping[str, Any]], Hashable],
        top: int,
        contexts: tuple[bool, Sequence[str]] | None = None,
        reports: int | None = None,
        **filters: Any,
    ) -> tuple[list[EventGroup], int, int]:
        """The events ``events(contexts=contexts, **filters)`` gives, grouped by ``key`` of their
        ``queries.EVENT_GROUP_COLUMNS``: the ``top`` largest groups, ties in the order their first events
        come, each with its first ``reports`` events (all with None) in the documents' order, its size, the
        first and last days of its acts and its certainties; and how many events and groups there are."""
        return self.event_sections(key, top, {"": contexts}, reports, **filters)[""]

    def event_sections(
        self,
        key: Callable[[Mapping[str, Any]], Hashable],
        top: int,
        sections: Mapping[str, tuple[bool, Sequence[str]] | None],
        reports: int | None = None,
        **filters: Any,
    ) -> dict[str, tuple[list[EventGroup], int, int]]:
        """``event_groups`` of each section (a name and its ``contexts`` filter) from one count over the
        events in SQL; only the top groups' first events are read (and every event of documents an analyst
        corrected, which are few)."""
        with self.engine.connect() as connection:
            counted = queries.count_event_groups(connection, **filters)
            fixed = self._corrected_events(connection, **filters)
            found = {}
            for name, contexts in sections.items():

                def inside(row: Mapping[str, Any], contexts: Any = contexts) -> bool:
                    return contexts is None or (row.get("context") in contexts[1]) == contexts[0]

                mine = [row for row in counted if inside(row)]
                found[name] = self._ranked_groups(
                    connection,
                    key,
                    (top, reports),
                    mine,
                    [e for e in fixed if inside(e)],
                    {**filters, "contexts": contexts},
                )
        return found

    def _ranked_groups(
        self,
        connection: Any,
        key: Callable[[Mapping[str, Any]], Hashable],
        sizes: tuple[int, int | None],
        counted: list[dict[str, Any]],
        fixed: list[EventRow],
        filters: dict[str, Any],
    ) -> tuple[list[EventGroup], int, int]:
        top = sizes[0]
        stats: dict[Hashable, EventGroup] = {}
        parts: dict[Hashable, list[dict[str, Any]]] = {}
        for row in counted:
            group = key(row)
            _count_into(stats.setdefault(group, _empty_group()), row["reports"], row["first"], row["last"], row)
            part = {name: row[name] for name in queries.EVENT_GROUP_COLUMNS}
            if part not in parts.setdefault(group, []):
                parts[group].append(part)
        corrected: dict[Hashable, list[EventRow]] = {}
        for event in fixed:
            group = key(event)
            day = event_day(event)
            _count_into(stats.setdefault(group, _empty_group()), 1, day, day, event)
            corrected.setdefault(group, []).append(event)
        ranked = sorted(stats, key=lambda group: -stats[group]["reports"])
        least = stats[ranked[top - 1]]["reports"] if len(ranked) > top else 0
        candidates = [group for group in ranked if stats[group]["reports"] >= least]
        members = self._group_members(connection, candidates, parts, corrected, sizes, filters)
        order = {group: (-stats[group]["reports"], queries.event_order_key(members[group][0])) for group in candidates}
        chosen = sorted(candidates, key=order.__getitem__)[:top]
        total = sum(item["reports"] for item in stats.values())
        return [_finished(stats[group], members[group]) for group in chosen], total, len(stats)

    def _group_members(
        self,
        connection: Any,
        groups: list[Hashable],
        parts: dict[Hashable, list[dict[str, Any]]],
        corrected: dict[Hashable, list[EventRow]],
        sizes: tuple[int, int | None],
        filters: dict[str, Any],
    ) -> dict[Hashable, list[EventRow]]:
        """Each group's first ``sizes[1]`` events (all with None) in the documents' order, with the columns a
        brief shows: one query per group, or one for all events when ties make the candidates many (groups of
        one or two events)."""
        top, reports = sizes
        found: dict[Hashable, list[EventRow]] = {group: list(corrected.get(group, [])) for group in groups}
        columns = BRIEF_EVENT_COLUMNS
        if len(groups) > GROUP_QUERIES_PER_GROUP * top:
            owner = {tuple(part.values()): group for group in groups for part in parts.get(group, [])}
            for event in queries.select_events(connection, corrected=False, columns=columns, **filters):
                group = owner.get(tuple(event.get(name) for name in queries.EVENT_GROUP_COLUMNS))
                if group is not None:
                    found[group].append(event)
        else:
            for group in groups:
                if parts.get(group):
                    found[group] += queries.select_events(
                        connection, corrected=False, groups=parts[group], columns=columns, limit=reports, **filters
                    )
        for group in groups:
            if corrected.get(group) and parts.get(group):  # two lists in the documents' order: merge them
                found[group].sort(key=queries.event_order_key)
            found[group] = found[group][:reports]
        return found

    def places(self) -> list[dict[str, Any]]:
        """Places of the latest version of every document, wire copies left out (``queries.select_places``)."""
        with self.engine.connect() as connection:
            return queries.select_places(connection)

    def document_list(self, offset: int = 0, limit: int = 100) -> list[dict[str, Any]]:
        """Stored documents without their text, newest first, with how many claims and events each has."""
        with self.engine.connect() as connection:
            return queries.list_documents(connection, offset, limit)

    def deleted(self) -> set[str]:
        """The ids of the documents an analyst deleted (``delete``)."""
        with self.engine.connect() as connection:
            return corrections.deleted_documents(connection)

    def documents(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        """The stored documents of ``ids`` with their text (ids not stored are left out)."""
        with self.engine.connect() as connection:
            return queries.document_texts(connection, ids)

    def document_facts(self, document_id: str) -> dict[str, list[dict[str, Any]]]:
        """Claims, events, places and actors of one document's latest extraction (``queries.document_facts``)."""
        with self.engine.connect() as connection:
            return queries.document_facts(connection, document_id)

    def claims(self, **filters: Any) -> Records[ClaimRow]:
        """Claims of the latest version of every document, filtered (see ``queries.select_claims``)."""
        with self.engine.connect() as connection:
            return Records(self._corrected(connection, queries.select_claims(connection, **filters), "claim"))

    def _corrected_events(self, connection: Any, **filters: Any) -> list[EventRow]:
        """The events (``queries.select_events`` filters) of documents with an analyst's event correction, as
        corrected: what the counts made in SQL over the other documents leave out (none without corrections)."""
        if not corrections.any_correction(connection, "event"):
            return []
        return self._corrected(connection, queries.select_events(connection, corrected=True, **filters), "event")

    def _corrected(self, connection: Any, rows: list[Any], kind: str) -> list[Any]:
        found = corrections.for_documents(connection, kind, (row["document_id"] for row in rows))
        return corrections.apply(rows, found, kind)

    def delete(self, document: str, *, author: str, reason: str | None = None) -> str:
        """Delete a stored document (an id or a prefix naming one) and its facts from every reader's view, as
        an analyst's correction: its versions stay in the version table and a re-ingest does not bring it
        back. Returns the document's id."""
        with self.engine.begin() as connection:
            document_id = corrections.find_document(connection, document)
            keys = summaries.document_keys(connection, document_id)
            corrections.delete_document(connection, document_id, author, reason, _now())
            summaries.refresh(connection, keys)  # its figures leave the tracks' summaries too
        return document_id

    def correct(
        self, fact: str, *, author: str, field: str | None = None, value: str | None = None,
        reject: bool = False, reason: str | None = None,
    ) -> tuple[str, str, tuple[int, int]]:  # fmt: skip
        """Record an analyst's correction of a claim or an event ("DOCUMENT_ID:c3", the id a prefix): set
        ``field`` to ``value`` or ``reject`` it. Anchored on the fact's span, it holds for every later
        extraction of the document. Returns (document id, kind, span)."""
        wanted, kind, local = corrections.parse_fact(fact)
        if reject == (field is not None):
            raise corrections.CorrectionError("give either a field to set or a rejection, not both or neither")
        with self.engine.begin() as connection:
            document_id = corrections.find_document(connection, wanted)
            start, end = corrections.fact_span(connection, document_id, kind, local)
            checked = None if field is None else corrections.checked_value(kind, field, value or "")
            before = summaries.document_keys(connection, document_id) if kind == "claim" else set()
            corrections.record(
                connection, document_id=document_id, kind=kind, span_start=start, span_end=end, field=field,
                value=checked, reject=reject, author=author, reason=reason, created_at=_now(),
            )  # fmt: skip
            if kind == "claim":  # the tracks' summaries count the figure as corrected from now on
                summaries.refresh(connection, before | summaries.document_keys(connection, document_id))
        return document_id, kind, (start, end)

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Documents matching a full-text query, best first."""
        with self.engine.connect() as connection:
            return queries.search_documents(connection, self.dialect, text, limit)

    def check(self) -> list[str]:
        """Problems with the stored data (empty when consistent): every extraction whole, every document
        with at least one extraction."""
        with self.engine.connect() as connection:
            return queries.consistency_problems(connection)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return queries.table_counts(connection)


# Ties at the top of the brief's event groups can make many groups candidates; past this many candidates
# per shown group, one query reads every event instead of one query per group.
GROUP_QUERIES_PER_GROUP = 4
# What the brief reads of each event it cites (besides its document's id and dates).
BRIEF_EVENT_COLUMNS = (*queries.EVENT_GROUP_COLUMNS, "event_id", "certainty", "trigger_start", "trigger_end")


class EventGroup(TypedDict):
    """One group of events (``Ledger.event_groups``): its first events in the documents' order, how many it
    holds, the first and last days of the acts (their time, else their document's date) and their
    certainties (surest first)."""

    events: list[EventRow]
    reports: int
    first: str | None
    last: str | None
    certainties: list[str]


CERTAINTY_ORDER = ("certain", "probable", "possible", "unknown")


def _empty_group() -> EventGroup:
    return EventGroup(events=[], reports=0, first=None, last=None, certainties=[])


def _count_into(group: EventGroup, reports: int, first: str | None, last: str | None, row: Mapping[str, Any]) -> None:
    group["reports"] += reports
    group["first"] = min(filter(None, [group["first"], first]), default=None)
    group["last"] = max(filter(None, [group["last"], last]), default=None)
    if row.get("certainty") and row["certainty"] not in group["certainties"]:
        group["certainties"].append(row["certainty"])


def _finished(group: EventGroup, members: list[EventRow]) -> EventGroup:
    known = {name: index for index, name in enumerate(CERTAINTY_ORDER)}
    certainties = sorted(group["certainties"], key=lambda name: (known.get(name, len(known)), name))
    return {**group, "events": members, "certainties": certainties}


def group_events(
    events: list[EventRow], key: Callable[[Mapping[str, Any]], Hashable], top: int, reports: int | None = None
) -> tuple[list[EventGroup], int, int]:
    """``Ledger.event_groups`` over events in hand (in the documents' order): what it computes in SQL, done
    in Python (the reference its tests compare with)."""
    groups: dict[Hashable, list[EventRow]] = {}
    for event in events:
        groups.setdefault(key(event), []).append(event)
    ranked = sorted(groups.values(), key=len, reverse=True)  # stable: the first reported first among equals
    found = []
    for members in ranked[:top]:
        group = _empty_group()
        for event in members:
            day = event_day(event)
            _count_into(group, 1, day, day, event)
        found.append(_finished(group, members[:reports]))
    return found, len(events), len(groups)


def _now() -> datetime:
    return datetime.now(UTC)


def _store(connection: Any, extraction: Extraction, extractor: str, links: Links) -> IngestResult:
    """One extraction stored on an open transaction (``Ledger.ingest``'s rules), its summaries kept."""
    document = extraction.document
    versions = queries.versions(connection, document.id)
    if versions and document.id in corrections.deleted_documents(connection):
        return IngestResult(document.id, "deleted", max(versions.values()))
    if extractor in versions:
        return IngestResult(document.id, "unchanged", versions[extractor])
    stored_at = queries.ingested_at(connection, document.id) if versions else _now()
    if not versions:
        queries.insert_document(connection, extraction, stored_at)
        if links.original is not None:
            queries.insert_copy(connection, document.id, links.original[0], links.original[1])
        if links.signature is not None:
            queries.insert_signature(connection, document.id, links.signature)
    version = max(versions.values(), default=0) + 1
    if versions:
        queries.supersede(connection, document.id)
    extraction_id = queries.insert_extraction(connection, extraction, extractor, version, _now())
    queries.insert_facts(connection, extraction_id, extraction, links.track_keys, stored_at)
    if versions:  # the old version's claims stop counting: recompute the tracks either version touches
        summaries.refresh(connection, summaries.document_keys(connection, document.id))
    else:
        summaries.add_extraction(connection, extraction_id)
    return IngestResult(document.id, "new version" if versions else "added", version)


@contextmanager
def _foreign_keys_off(connection: Any) -> Iterator[None]:
    """SQLite's foreign keys off while migrations run: a migration that alters a table SQLite cannot alter in
    place copies it to a new table and drops the old one, which the rows of other tables still reference
    (without this, downgrading a ledger that holds documents fails). A no-op elsewhere; the pragma only
    takes effect outside a transaction, so it is set before the migration's and reset after it."""
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
    connection.commit()
    try:
        yield
    finally:
        connection.rollback()
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()


# Any fixed number: the key of the PostgreSQL advisory lock migrations hold (b"wfmigr" as an integer).
MIGRATION_LOCK = 0x77666D69677200


def _lock_for_migration(connection: Any) -> None:
    """One process migrates at a time; the others wait, then find the schema new and do nothing (without it,
    two ingests starting on an empty database both create the tables and one fails)."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
    elif connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock now, held to the commit


# How long a SQLite write waits for another process's transaction: a document's is a few milliseconds, but
# on a loaded two-core machine several writers each extracting can queue for seconds.
SQLITE_BUSY_MS = 60_000


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer; a killed writer loses nothing
    cursor.execute("PRAGMA synchronous=NORMAL")  # in WAL mode: no fsync per commit, still never corrupt
    # a writer waits for another's commit (several ingests, the dashboard and `monitor` share one file)
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
    cursor.close()
