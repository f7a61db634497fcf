"""SQL of the ledger, as functions of a connection: inserts of one extraction, selects for the CLI."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, case, func, insert, or_, select, text, union_all

from watchfloor import gazetteer
from watchfloor.model import Claim, Event, Extraction
from watchfloor.store.rows import ClaimRow, EventRow
from watchfloor.store.schema import (
    CLAIMS_CHRONOLOGICAL,
    actors,
    claims,
    copies,
    corrections,
    documents,
    events,
    extractions,
    places,
    signatures,
    track_latest,
    track_speakers,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.sql.elements import ColumnElement


def versions(connection: Connection, document_id: str) -> dict[str, int]:
    """The extractor -> version map of a document's stored extractions."""
    rows = connection.execute(
        select(extractions.c.extractor, extractions.c.version).where(extractions.c.document_id == document_id)
    )
    return {extractor: version for extractor, version in rows}


def stored_ids(connection: Connection, document_ids: set[str]) -> set[str]:
    """Which of these documents the ledger holds (one query for a batch)."""
    if not document_ids:
        return set()
    rows = connection.execute(select(documents.c.id).where(documents.c.id.in_(sorted(document_ids))))
    return {document_id for (document_id,) in rows}


def insert_document(connection: Connection, extraction: Extraction, now: datetime) -> None:
    document = extraction.document
    connection.execute(
        insert(documents).values(
            id=document.id,
            title=document.title,
            published=document.published,
            url=document.url,
            outlet=document.outlet,
            source=document.source,
            latest_date=extraction.latest_date,
            text=document.text,
            ingested_at=now,
        )
    )
    if connection.dialect.name == "sqlite":
        connection.execute(
            text("INSERT INTO documents_fts (id, title, text) VALUES (:id, :title, :text)"),
            {"id": document.id, "title": document.title or "", "text": document.text},
        )


def ingested_at(connection: Connection, document_id: str) -> datetime:
    """When a stored document was first stored."""
    return cast(
        datetime, connection.execute(select(documents.c.ingested_at).where(documents.c.id == document_id)).scalar_one()
    )


def supersede(connection: Connection, document_id: str) -> None:
    """Mark a document's stored extractions as no longer the latest (a newer version is being added)."""
    retire(connection, document_id)


def retire(connection: Connection, document_id: str) -> None:
    """No stored extraction of the document is its latest any more (a newer version comes, or an analyst
    deleted it): its extractions' latest flag and its events' current flag cleared."""
    from sqlalchemy import update

    ids = select(extractions.c.id).where(extractions.c.document_id == document_id)
    connection.execute(update(events).where(events.c.extraction_id.in_(ids)).values(current=False))
    connection.execute(update(extractions).where(extractions.c.document_id == document_id).values(latest=False))


def is_copy(connection: Connection, document_id: str) -> bool:
    return (
        connection.execute(select(copies.c.document_id).where(copies.c.document_id == document_id)).first() is not None
    )


def insert_extraction(
    connection: Connection, extraction: Extraction, extractor: str, version: int, now: datetime
) -> int:
    result = connection.execute(
        insert(extractions).values(
            document_id=extraction.document.id,
            version=version,
            extractor=extractor,
            created_at=now,
            actor_count=len(extraction.actors),
            claim_count=len(extraction.claims),
            event_count=len(extraction.events),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def insert_facts(
    connection: Connection,
    extraction_id: int,
    extraction: Extraction,
    track_keys: Mapping[str, str | None],
    ingested_at: datetime,
) -> None:
    """Actors, places, claims and events of one extraction; ``track_keys`` maps claim ids to their track keys,
    ``ingested_at`` is when the document was first stored (claims keep it for their order)."""
    countries = {a.id: a.country for a in extraction.actors}
    if extraction.actors:
        connection.execute(
            insert(actors),
            [
                {
                    "extraction_id": extraction_id,
                    "actor_id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "country": a.country,
                    "sector": a.sector,
                    "affiliation": a.affiliation,
                    "mentions": [list(m) for m in a.mentions],
                }
                for a in extraction.actors
            ],
        )
    if extraction.places:
        connection.execute(
            insert(places),
            [
                {
                    "extraction_id": extraction_id,
                    "name": p.name,
                    "country": p.country,
                    "lat": p.lat,
                    "lon": p.lon,
                    "geonameid": p.geonameid,
                    "precision": p.precision,
                    "mentions": [list(m) for m in p.mentions],
                }
                for p in extraction.places
            ],
        )
    if extraction.claims:
        date = extraction.document.published or extraction.latest_date
        connection.execute(
            insert(claims),
            [_claim_row(extraction_id, c, countries, date, track_keys) | {"ingested_at": ingested_at}
             for c in extraction.claims],
        )  # fmt: skip
    if extraction.events:
        date = extraction.document.published or extraction.latest_date
        current = not is_copy(connection, extraction.document.id)  # a wire copy's events are the original's
        connection.execute(
            insert(events),
            [_event_row(extraction_id, e, countries) | {"day": (e.time.start if e.time else None) or date}
             | {"current": current} for e in extraction.events],
        )  # fmt: skip


def _claim_row(
    extraction_id: int,
    claim: Claim,
    countries: dict[str, str | None],
    document_date: str | None,
    track_keys: Mapping[str, str | None],
) -> dict[str, Any]:
    quantity, time, attribution = claim.quantity, claim.time, claim.attribution
    return {
        "extraction_id": extraction_id,
        "claim_id": claim.id,
        "value": quantity.value,
        "low": quantity.low,
        "high": quantity.high,
        "bound": quantity.bound,
        "approximate": quantity.approximate,
        "unit": quantity.unit,
        "unit_class": gazetteer.unit_class(quantity.unit) if quantity.unit else None,
        "per": quantity.per,
        "unit_text": quantity.unit_text,
        "change": quantity.change,
        "measure": claim.measure,
        "subject": claim.subject,
        "subject_country": countries.get(claim.subject or ""),
        "place": claim.place,
        "target": claim.target,
        "track_key": track_keys.get(claim.id),
        "chain_countries": [countries.get(link) for link in attribution.chain] if attribution else [],
        "document_date": document_date,
        "time_start": time.start if time else None,
        "time_end": time.end if time else None,
        "time_text": time.text if time else None,
        "time_basis": time.basis if time else None,
        "speaker": attribution.speaker if attribution else None,
        "source": attribution.actor if attribution else None,
        "source_country": countries.get(attribution.actor or "") if attribution else None,
        "cue": attribution.cue if attribution else None,
        "chain": list(attribution.chain) if attribution else None,
        "certainty": claim.factuality.certainty,
        "polarity": claim.factuality.polarity,
        "cues": list(claim.factuality.cues),
        "context": claim.context,
        "span_start": claim.span[0],
        "span_end": claim.span[1],
        "sentence_start": claim.sentence[0],
        "sentence_end": claim.sentence[1],
    }


def _event_row(extraction_id: int, event: Event, countries: dict[str, str | None]) -> dict[str, Any]:
    time, attribution = event.time, event.attribution
    return {
        "extraction_id": extraction_id,
        "event_id": event.id,
        "type": event.type,
        "mode": event.mode,
        "trigger": event.trigger.text,
        "trigger_start": event.trigger.span[0],
        "trigger_end": event.trigger.span[1],
        "sentence_start": event.sentence[0],
        "sentence_end": event.sentence[1],
        "source": event.source,
        "source_country": countries.get(event.source or ""),
        "target": event.target,
        "target_country": countries.get(event.target or ""),
        "place": event.place,
        "time_start": time.start if time else None,
        "time_end": time.end if time else None,
        "speaker": attribution.speaker if attribution else None,
        "attributed": attribution.actor if attribution else None,
        "certainty": event.factuality.certainty,
        "polarity": event.factuality.polarity,
        "context": event.context,
    }


# The one order of documents, the same on SQLite and PostgreSQL (which put NULLs at opposite ends): dated
# documents by date (the publication date, else the latest date the text states), then undated ones last, in
# the order they were ingested; ties by ingest time. ``document_order`` is it in SQL, ``chronological_key``
# in Python (``correlate.tracks.chronological``); a newest-first listing reverses the dates only.
def document_order(date: Any, *, newest_first: bool = False) -> list[Any]:
    """ORDER BY terms of the documents' order for the ``date`` column (see above); needs ``documents`` joined."""
    return [
        date.is_(None),  # false (dated) first on both databases; a plain term, so an index can give it
        date.desc() if newest_first else date.asc(),
        documents.c.ingested_at,
        extractions.c.id,
    ]


def chronological_key(row: Mapping[str, Any]) -> tuple[bool, str, str, int, int]:
    """The documents' order (see ``document_order``) for a row with published, latest_date, ingested_at,
    extraction_id and span_start, oldest first."""
    date = row.get("published") or row.get("latest_date")
    return (date is None, date or "", str(row.get("ingested_at") or ""), row["extraction_id"], row["span_start"])


def event_order_key(row: Mapping[str, Any]) -> tuple[bool, str, Any, int, int]:
    """The documents' order of an event row (what ``select_events`` sorts by), oldest first."""
    date = row.get("published") or row.get("latest_date")
    return (date is None, date or "", row.get("ingested_at"), row["extraction_id"], row["trigger_start"])


def _matches(column_id: Any, column_country: Any, value: str) -> Any:
    """An actor filter: a three-letter country code matches the country column (the state, its organs and its
    people), anything else the id; one indexed column either way."""
    return column_country == value if len(value) == 3 and value.isupper() else column_id == value


def _place_point(extraction_id: Any, place: Any) -> list[Any]:
    """The coordinates (lat, lon) of a fact's place, by name among its extraction's places (the smallest when
    a name has several), as correlated subqueries: looked up for the rows read only, never for every place."""

    def first(column: Any, name: str) -> Any:
        match = and_(places.c.extraction_id == extraction_id, places.c.name == place)
        return select(func.min(column)).where(match).scalar_subquery().label(name)

    return [first(places.c.lat, "lat"), first(places.c.lon, "lon")]


def select_claims(
    connection: Connection,
    *,
    actor: str | None = None,
    unit: str | None = None,
    measure: str | None = None,
    place: str | None = None,
    source: str | None = None,
    certainty: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 1000,
    track: str | None = None,
    document: str | None = None,
) -> list[ClaimRow]:
    """Claims of the latest extraction of each document, newest documents first. ``actor`` and ``source`` match
    an actor id or its country (so "RUS" finds the Russian defence ministry's figures); ``measure`` and
    ``place`` match substrings; ``since``/``until`` bound the claim's time, else the document's date. Each row
    has its place's ``lat`` and ``lon`` (None when the claim names no place the extraction resolved)."""
    query = (
        select(
            *(column for column in claims.c if column.name not in ("ingested_at", "unit_class")),
            extractions.c.document_id,
            documents.c.published,
            documents.c.latest_date,
            documents.c.title,
            documents.c.outlet,
            documents.c.url,
            documents.c.ingested_at,
            *_place_point(claims.c.extraction_id, claims.c.place),
        )
        .join(extractions, and_(extractions.c.id == claims.c.extraction_id, extractions.c.latest.is_(True)))
        .join(documents, documents.c.id == extractions.c.document_id)
    )
    conditions: list[ColumnElement[bool]] = []
    if actor:
        conditions.append(_matches(claims.c.subject, claims.c.subject_country, actor))
    if source:
        conditions.append(_matches(claims.c.source, claims.c.source_country, source))
    if unit:  # by unit class, as tracks group them: "troops" finds "soldiers" too (the class column is indexed)
        conditions.append(claims.c.unit_class == gazetteer.unit_class(unit))
        conditions.append(claims.c.unit.in_(sorted(gazetteer.units_of_class(unit))))
    if track:
        conditions.append(claims.c.track_key == track)
    if document:
        conditions.append(extractions.c.document_id == document)
    if measure:
        conditions.append(claims.c.measure.ilike(f"%{measure}%"))
    if place:
        conditions.append(claims.c.place.ilike(f"%{place}%"))
    if certainty:
        conditions.append(claims.c.certainty == certainty)
    when = func.coalesce(claims.c.time_start, claims.c.document_date)
    if since:
        conditions.append(when >= since)
    if until:
        conditions.append(when <= until)
    if conditions:
        query = query.where(and_(*conditions))
    # the documents' order from the claim's own columns (``schema.CLAIMS_NEWEST_FIRST``), so an index gives it
    newest = [claims.c.document_date.is_(None), claims.c.document_date.desc(), claims.c.ingested_at]
    query = query.order_by(*newest, claims.c.extraction_id, claims.c.span_start).limit(limit)
    return [cast(ClaimRow, dict(row._mapping)) for row in connection.execute(query)]


# Snippets look the same on both databases: the matched words in [brackets], fragments joined by " ... ",
# about a dozen words each (FTS5's snippet() counts tokens, ts_headline words), on one line.
SNIPPET_WORDS = 12
PG_HEADLINE = f'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS}, MinWords=5, MaxFragments=2, FragmentDelimiter=" ... "'


def search_documents(connection: Connection, dialect: str, query_text: str, limit: int) -> list[dict[str, Any]]:
    """Documents matching a query, best first. The query syntax is the same on both databases: words (all
    must occur), "quoted phrases", OR between alternatives, NOT or a leading - before a word left out."""
    terms = parse_search(query_text)
    if not any(op != "not" for op, _ in terms):
        return []
    if dialect == "sqlite":
        rows = connection.execute(
            text(
                "SELECT d.id, d.title, d.published, d.outlet,"
                f" snippet(documents_fts, 2, '[', ']', ' ... ', {SNIPPET_WORDS}) AS snippet"
                " FROM documents_fts JOIN documents d ON d.id = documents_fts.id"
                " WHERE documents_fts MATCH :q"
                " AND d.id NOT IN (SELECT document_id FROM corrections WHERE kind = 'document' AND reject)"
                " ORDER BY rank LIMIT :limit"
            ),
            {"q": fts5_query(terms), "limit": limit},
        )
    else:
        vector = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
        query = "websearch_to_tsquery('english', :q)"
        rows = connection.execute(
            text(
                f"SELECT id, title, published, outlet, ts_headline('english', text, {query}, :options) AS snippet"
                f" FROM documents WHERE {vector} @@ {query}"
                " AND id NOT IN (SELECT document_id FROM corrections WHERE kind = 'document' AND reject)"
                f" ORDER BY ts_rank({vector}, {query}) DESC LIMIT :limit"
            ),
            {"q": websearch_query(terms), "options": PG_HEADLINE, "limit": limit},
        )
    return [{**row._mapping, "snippet": " ".join(str(row.snippet or "").split())} for row in rows]


def parse_search(query_text: str) -> list[tuple[str, str]]:
    """A user's query as (operator, words) terms: "and", "or" (an alternative to the term before) or "not";
    words are letters and digits only, so no input is a syntax error on either database."""
    terms: list[tuple[str, str]] = []
    operator = "and"
    for phrase, word in _SEARCH_TOKEN.findall(query_text):
        if not phrase and word in ("OR", "NOT"):
            operator = "or" if word == "OR" and terms else "not" if word == "NOT" else operator
            continue
        negated = not phrase and word.startswith("-")
        words = " ".join("".join(c if c.isalnum() else " " for c in phrase or word).split())
        if words:
            terms.append(("not" if negated else operator, words))
        operator = "and"
    return terms


_SEARCH_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def fts5_query(terms: list[tuple[str, str]]) -> str:
    """Terms as an FTS5 expression: groups of alternatives ANDed, then each NOT term taken away."""
    groups: list[list[str]] = []
    for operator, words in terms:
        if operator == "or" and groups:
            groups[-1].append(f'"{words}"')
        elif operator != "not":
            groups.append([f'"{words}"'])
    expression = " AND ".join("(" + " OR ".join(group) + ")" for group in groups)
    for operator, words in terms:
        if operator == "not":
            expression = f'({expression}) NOT "{words}"'
    return expression


def websearch_query(terms: list[tuple[str, str]]) -> str:
    """Terms in PostgreSQL's websearch_to_tsquery syntax (the same meaning as ``fts5_query``)."""
    parts = []
    for operator, words in terms:
        quoted = f'"{words}"'  # quoted, so a word "or" is a word, as on SQLite
        parts.append({"and": quoted, "or": f"or {quoted}", "not": f"-{quoted}"}[operator])
    return " ".join(parts)


def consistency_problems(connection: Connection) -> list[str]:
    problems = []
    for table, column in ((actors, "actor_count"), (claims, "claim_count"), (events, "event_count")):
        stored = select(table.c.extraction_id, func.count().label("n")).group_by(table.c.extraction_id).subquery()
        rows = connection.execute(
            select(extractions.c.id, getattr(extractions.c, column), stored.c.n).outerjoin(
                stored, stored.c.extraction_id == extractions.c.id
            )
        )
        for extraction_id, expected, found in rows:
            if expected != (found or 0):
                problems.append(f"extraction {extraction_id}: {table.name} {found or 0} of {expected}")
    orphans = connection.execute(
        select(func.count()).select_from(documents).where(~documents.c.id.in_(select(extractions.c.document_id)))
    ).scalar_one()
    if orphans:
        problems.append(f"{orphans} document(s) without an extraction")
    return problems


def table_counts(connection: Connection) -> dict[str, int]:
    return {
        table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
        for table in (documents, extractions, actors, places, claims, events)
    }


def insert_signature(connection: Connection, document_id: str, minhash: bytes) -> None:
    connection.execute(insert(signatures).values(document_id=document_id, minhash=minhash))


def all_signatures(connection: Connection) -> list[tuple[str, bytes]]:
    return [
        (row[0], bytes(row[1])) for row in connection.execute(select(signatures.c.document_id, signatures.c.minhash))
    ]


def signatures_since(connection: Connection, extraction_id: int) -> tuple[list[tuple[str, bytes]], int]:
    """Signatures of the documents whose first extraction's id is above ``extraction_id`` (what other
    processes stored since), and the newest extraction id now stored."""
    first = and_(extractions.c.document_id == signatures.c.document_id, extractions.c.version == 1)
    query = (
        select(signatures.c.document_id, signatures.c.minhash)
        .join(extractions, first)
        .where(extractions.c.id > extraction_id)
        .order_by(extractions.c.id)
    )
    found = [(row[0], bytes(row[1])) for row in connection.execute(query)]
    newest = connection.execute(select(func.max(extractions.c.id))).scalar()
    return found, int(newest or 0)


def insert_copy(connection: Connection, document_id: str, original_id: str, similarity: float) -> None:
    connection.execute(insert(copies).values(document_id=document_id, original_id=original_id, similarity=similarity))


def copy_ids(connection: Connection) -> set[str]:
    return {row[0] for row in connection.execute(select(copies.c.document_id))}


def select_events(
    connection: Connection,
    *,
    limit: int | None = None,
    newest: bool = False,
    columns: Sequence[str] | None = None,
    **filters: Any,
) -> list[EventRow]:
    """Events of the latest extraction of each document but wire copies, with their document, in the
    documents' order (all of it reversed with ``newest``, the newest ``limit`` kept), filtered as
    ``_event_conditions`` says. Each row has its place's ``lat`` and ``lon`` (None without a resolved place);
    with ``columns``, only those of the event and its document's id and dates (a brief reads thousands)."""
    document_columns = [documents.c.title, documents.c.outlet, documents.c.url]
    chosen = [
        *([events.c[name] for name in (*columns, "extraction_id")] if columns else [events]),
        extractions.c.document_id,
        documents.c.published,
        documents.c.latest_date,
        documents.c.ingested_at,
        *([] if columns else [*document_columns, *_place_point(events.c.extraction_id, events.c.place)]),
    ]
    query = (
        select(*chosen)
        .join(extractions, and_(extractions.c.id == events.c.extraction_id, extractions.c.latest.is_(True)))
        .join(documents, documents.c.id == extractions.c.document_id)
    )
    dated = func.coalesce(documents.c.published, documents.c.latest_date)
    order = [dated.is_(None), dated, documents.c.ingested_at, extractions.c.id]
    order.append(events.c.trigger_start)  # the documents' order (``document_order``), or all of it reversed
    query = query.where(and_(*_event_conditions(**filters)))
    query = query.order_by(*(term.desc() if newest else term.asc() for term in order))
    rows = [cast(EventRow, dict(row)) for row in connection.execute(query.limit(limit)).mappings()]
    return rows[::-1] if newest else rows


# What the brief groups events by (``report``): who, to whom, what, and whether it happened.
EVENT_GROUP_COLUMNS = ("source", "source_country", "target", "target_country", "type", "polarity")


def count_event_groups(
    connection: Connection,
    *,
    party: str | None = None,
    published: tuple[str | None, str | None] = (None, None),
    contexts: tuple[bool, Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """The events ``select_events(corrected=False, ...)`` would give, counted per ``EVENT_GROUP_COLUMNS``,
    context and certainty in SQL (``reports``), with the first and last days of the acts (``events.day``), in
    one pass over the current events (their documents joined only for a ``published`` window)."""
    columns = [events.c[name] for name in (*EVENT_GROUP_COLUMNS, "context", "certainty")]
    dates = [func.min(events.c.day).label("first"), func.max(events.c.day).label("last")]
    query = select(*columns, func.count().label("reports"), *dates).where(
        events.c.current.is_(True), events.c.extraction_id.not_in(_event_corrected_extractions())
    )
    if any(published):
        query = query.join(extractions, extractions.c.id == events.c.extraction_id).join(
            documents, documents.c.id == extractions.c.document_id
        )
    query = query.where(*_event_filters(None, party, published, contexts)).group_by(*columns)
    return [dict(row) for row in connection.execute(query).mappings()]


def _event_conditions(
    *,
    actor: str | None = None,
    source: str | None = None,
    target: str | None = None,
    type: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    document: str | None = None,
    sides: tuple[str, str] | None = None,
    party: str | None = None,
    published: tuple[str | None, str | None] = (None, None),
    contexts: tuple[bool, Sequence[str]] | None = None,
    groups: Sequence[Mapping[str, str | None]] | None = None,
    corrected: bool | None = None,
) -> list[ColumnElement[bool]]:
    """The events' filters. ``actor`` (either party), ``source`` and ``target`` match an actor id or its
        country; ``type`` a PLOVER type in any case; ``place`` a substring; ``since``/``until`` bound the event's
        time, else the document's date; ``sides``, ``party``, ``published`` and ``contexts`` as
        ``_event_filters``; ``groups`` the exact values of some ``EVENT_GROUP_COLUMNS`` (None matching NULL),
    any of them;
        ``corrected`` True only documents with an analyst's event correction, False all others."""
    dated = func.coalesce(documents.c.published, documents.c.latest_date)
    when = func.coalesce(events.c.time_start, dated)
    # wire copies are left out here, before the limit (their events are the original's)
    conditions: list[ColumnElement[bool]] = [~extractions.c.document_id.in_(select(copies.c.document_id))]
    if actor:
        source_side = _matches(events.c.source, events.c.source_country, actor)
        conditions.append(or_(source_side, _matches(events.c.target, events.c.target_country, actor)))
    if source:
        conditions.append(_matches(events.c.source, events.c.source_country, source))
    if target:
        conditions.append(_matches(events.c.target, events.c.target_country, target))
    if type:
        conditions.append(events.c.type == type.upper())
    if document:
        conditions.append(extractions.c.document_id == document)
    if place:
        conditions.append(events.c.place.ilike(f"%{place}%"))
    if since:
        conditions.append(when >= since)
    if until:
        conditions.append(when <= until)
    if groups:
        conditions.append(or_(*(and_(*_same_values(group)) for group in groups)))
    if corrected is not None:
        in_fixed = extractions.c.document_id.in_(event_corrected_documents())
        conditions.append(in_fixed if corrected else ~in_fixed)
    return conditions + _event_filters(sides, party, published, contexts)


# What a dyad counts (``correlate.dyads.counts_in_dyad``): acts that happened (not denied, not background,
# future or hypothetical), on a day (the event's time, else its document's date), of a type with a quad class.
UNCOUNTED_CONTEXTS = ("historical", "future", "hypothetical")


def _event_corrected_extractions() -> Any:
    """The extractions of documents with an analyst's event correction (a subquery)."""
    return select(extractions.c.id).where(extractions.c.document_id.in_(event_corrected_documents()))


def _dyad_events(first: str, second: str, types: Sequence[str]) -> Any:
    """The current events of the dyad first -> second that it counts, of documents no analyst corrected an
    event of (``Ledger.dyad`` reads those corrected), with what ``events_dyad_days`` holds: one SELECT per way
    a side is named (its state, or the actor when it has none), so that each reads the index alone."""
    fixed = _event_corrected_extractions()
    counted = [
        events.c.current.is_(True),
        events.c.polarity != "negative",
        or_(events.c.context.is_(None), events.c.context.not_in(UNCOUNTED_CONTEXTS)),
        events.c.day.is_not(None),
        events.c.type.in_(list(types)),
        events.c.extraction_id.not_in(fixed),
    ]
    columns = [events.c[name] for name in ("day", "type", "certainty", "extraction_id", "trigger_start", "event_id")]
    ways = []
    for source in (events.c.source_country == first, and_(events.c.source_country.is_(None), events.c.source == first)):
        for target in (
            events.c.target_country == second,
            and_(events.c.target_country.is_(None), events.c.target == second),
        ):
            ways.append(select(*columns).where(source, target, *counted))
    return union_all(*ways).subquery("dyad")


def dyad_days(connection: Connection, first: str, second: str, types: Sequence[str]) -> list[dict[str, Any]]:
    """The dyad's counted events per day, type and certainty (``events``), counted in SQL."""
    dyad = _dyad_events(first, second, types)
    query = select(dyad.c.day, dyad.c.type, dyad.c.certainty, func.count().label("events")).group_by(
        dyad.c.day, dyad.c.type, dyad.c.certainty
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def dyad_examples(
    connection: Connection, first: str, second: str, types: Sequence[str], per_day: int
) -> list[EventRow]:
    """The first ``per_day`` counted events of each day of the dyad (by extraction and position: the order
    they were stored in), with their documents (the first few of any period are among them)."""
    dyad = _dyad_events(first, second, types)
    order = [dyad.c.extraction_id, dyad.c.trigger_start, dyad.c.event_id]
    rank = func.row_number().over(partition_by=dyad.c.day, order_by=order).label("rank")
    ranked = select(dyad.c.extraction_id, dyad.c.event_id, rank).subquery("ranked")
    names = (*EVENT_GROUP_COLUMNS, "event_id", "trigger", "certainty", "context", "extraction_id", "trigger_start")
    query = (
        select(
            *(events.c[name] for name in (*names, "trigger_end", "time_start", "day")),
            extractions.c.document_id,
            documents.c.published,
            documents.c.latest_date,
            documents.c.ingested_at,
        )
        .select_from(ranked)
        .join(events, and_(events.c.extraction_id == ranked.c.extraction_id, events.c.event_id == ranked.c.event_id))
        .join(extractions, extractions.c.id == events.c.extraction_id)
        .join(documents, documents.c.id == extractions.c.document_id)
        .where(ranked.c.rank <= per_day)
    )
    return [cast(EventRow, dict(row)) for row in connection.execute(query).mappings()]


def busiest_pairs(connection: Connection, limit: int) -> list[tuple[str, str, int]]:
    """The (source side, target side) pairs with the most current events (latest extractions, no wire
    copies), with their counts, most first (ties by the pair); a side is the state, else the actor."""
    first = func.coalesce(events.c.source_country, events.c.source)
    second = func.coalesce(events.c.target_country, events.c.target)
    query = (
        select(first.label("first"), second.label("second"), func.count().label("events"))
        .where(events.c.current.is_(True), first.is_not(None), second.is_not(None))
        .group_by(first, second)
        .order_by(func.count().desc(), first, second)
        .limit(limit)
    )
    return [(row.first, row.second, row.events) for row in connection.execute(query)]


def _same_values(group: Mapping[str, str | None]) -> list[ColumnElement[bool]]:
    return [events.c[name].is_(None) if value is None else events.c[name] == value for name, value in group.items()]


def event_pairs(connection: Connection) -> list[dict[str, Any]]:
    """Who did what kind of act to whom: the distinct type, sides, polarity and context of the current events,
    for ``correlate.dyads.alignment`` (which decides what counts), read off ``events_groups`` alone. Documents
    with an analyst's event correction are left out: ``Ledger.event_pairs`` reads those corrected."""
    query = (
        select(*(events.c[name] for name in PAIR_COLUMNS))
        .distinct()
        .where(events.c.current.is_(True), events.c.extraction_id.not_in(_event_corrected_extractions()))
    )
    return [dict(row._mapping) for row in connection.execute(query)]


PAIR_COLUMNS = ("type", "source", "source_country", "target", "target_country", "polarity", "context")


def event_corrected_documents() -> Any:
    """The documents with an analyst's event correction (a subquery)."""
    return select(corrections.c.document_id).where(corrections.c.kind == "event")


def _event_filters(
    sides: tuple[str, str] | None,
    party: str | None,
    published: tuple[str | None, str | None],
    contexts: tuple[bool, Sequence[str]] | None,
) -> list[ColumnElement[bool]]:
    """The filters of the dyad and the brief, as ``correlate.dyads.side`` and ``report`` read events:
    ``sides`` (source side, target side: the state, else the actor), ``party`` (either state or the source
    actor), ``published`` (the document's publication date between, undated left out when bounded) and
    ``contexts`` (True and names: only those contexts; False: all but those, NULL kept)."""
    conditions: list[ColumnElement[bool]] = []
    if sides:
        # each side is its state, or its actor when it has none: the four combinations as one OR, so that
        # each branch is a lookup of an index (events_dyad by both states, events_source by both actors)
        either = [
            [country == wanted, and_(country.is_(None), actor == wanted)]
            for country, actor, wanted in (
                (events.c.source_country, events.c.source, sides[0]),
                (events.c.target_country, events.c.target, sides[1]),
            )
        ]
        conditions.append(or_(*(and_(source, target) for source in either[0] for target in either[1])))
    if party:
        conditions.append(
            or_(events.c.source_country == party, events.c.target_country == party, events.c.source == party)
        )
    if published[0]:
        conditions.append(documents.c.published >= published[0])
    if published[1]:
        conditions.append(documents.c.published <= published[1])
    if contexts is not None:
        only, names = contexts
        named = events.c.context.in_(list(names))
        conditions.append(named if only else or_(events.c.context.is_(None), ~named))
    return conditions


def select_places(connection: Connection) -> list[dict[str, Any]]:
    """Places of the latest extraction of each document but wire copies, with their document, in the
    documents' order; ``mentions`` are the [start, end) spans of the place in the document's text."""
    query = (
        select(
            places,
            extractions.c.document_id,
            documents.c.published,
            documents.c.latest_date,
            documents.c.title,
            documents.c.outlet,
            documents.c.url,
            documents.c.ingested_at,
        )
        .join(extractions, and_(extractions.c.id == places.c.extraction_id, extractions.c.latest.is_(True)))
        .join(documents, documents.c.id == extractions.c.document_id)
        .where(~extractions.c.document_id.in_(select(copies.c.document_id)))
    )
    dated = func.coalesce(documents.c.published, documents.c.latest_date)
    query = query.order_by(*document_order(dated), places.c.name)
    return [dict(row._mapping) for row in connection.execute(query)]


def list_documents(connection: Connection, offset: int, limit: int) -> list[dict[str, Any]]:
    """Stored documents without their text, newest first (the documents' order), with their fact counts."""
    latest = and_(extractions.c.document_id == documents.c.id, extractions.c.latest.is_(True))
    counted = {
        "claims": select(func.count()).select_from(claims).where(claims.c.extraction_id == extractions.c.id),
        "events": select(func.count()).select_from(events).where(events.c.extraction_id == extractions.c.id),
    }
    query = (
        select(
            documents.c.id,
            documents.c.title,
            documents.c.outlet,
            documents.c.published,
            documents.c.latest_date,
            documents.c.url,
            documents.c.ingested_at,
            extractions.c.version,
            *(subquery.scalar_subquery().label(name) for name, subquery in counted.items()),
        )
        .join(extractions, latest)
        .order_by(*document_order(func.coalesce(documents.c.published, documents.c.latest_date), newest_first=True))
        .offset(offset)
        .limit(limit)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def document_texts(connection: Connection, ids: set[str]) -> dict[str, dict[str, Any]]:
    rows = connection.execute(
        select(
            documents.c.id,
            documents.c.title,
            documents.c.outlet,
            documents.c.published,
            documents.c.url,
            documents.c.text,
        ).where(documents.c.id.in_(ids))
    )
    return {row.id: dict(row._mapping) for row in rows}


TRACK_COLUMNS = (
    "value",
    "low",
    "high",
    "bound",
    "approximate",
    "unit",
    "change",
    "subject",
    "source",
    "source_country",
    "chain",
    "chain_countries",
    "speaker",
    "certainty",
    "polarity",
    "span_start",
    "span_end",
    "extraction_id",
    "track_key",
)


def track_selection() -> list[Any]:
    """The columns a track reads of a claim and its document (``select_track``, ``summaries.latest_claims``)."""
    return [
        *(claims.c[name] for name in TRACK_COLUMNS),
        extractions.c.document_id,
        documents.c.published,
        documents.c.latest_date,
        documents.c.outlet,
        documents.c.ingested_at,
    ]


def select_track(
    connection: Connection,
    keys: Sequence[str],
    *,
    denials: bool = False,
    published: tuple[str | None, str | None] = (None, None),
) -> list[ClaimRow]:
    """The latest claims stored under any of ``keys`` (one track's stored keys), wire copies left out, with
    only the columns a track needs (a track can hold thousands); with ``denials`` only the denials, with
    ``published`` only those published between (since, until)."""
    query = _track_rows(select(*track_selection()), keys, published)
    if denials:
        query = query.where(claims.c.polarity == "negative")
    dated = func.coalesce(documents.c.published, documents.c.latest_date)
    query = query.order_by(*document_order(dated), claims.c.span_start)
    return [cast(ClaimRow, dict(row)) for row in connection.execute(query).mappings()]


def _track_rows(query: Any, keys: Sequence[str], published: tuple[str | None, str | None]) -> Any:
    """``query`` over the latest claims of ``keys``, wire copies left out, published between (since, until)."""
    query = (
        query.select_from(claims)
        .join(extractions, and_(extractions.c.id == claims.c.extraction_id, extractions.c.latest.is_(True)))
        .join(documents, documents.c.id == extractions.c.document_id)
        .where(claims.c.track_key.in_(list(keys)), ~extractions.c.document_id.in_(select(copies.c.document_id)))
    )
    if published[0]:
        query = query.where(documents.c.published >= published[0])
    if published[1]:
        query = query.where(documents.c.published <= published[1])
    return query


def count_track(connection: Connection, keys: Sequence[str], published: tuple[str | None, str | None]) -> int:
    """How many figures ``select_track`` gives for ``keys`` published between (since, until), figures an
    analyst rejected left out."""
    query = _track_rows(select(func.count()), keys, published).where(~rejected_claim())
    return int(connection.execute(query).scalar_one())


def select_track_newest(connection: Connection, key: str, offset: int, limit: int) -> list[ClaimRow]:
    """The claims of one stored track key, newest first (the documents' order reversed, as
    ``chronological_key`` sorts), ``limit`` of them from ``offset``, latest extractions only, wire copies left
    out: a walk backwards along ``claims_track_order`` that stops after its rows."""
    terms = [claims.c.document_date.is_(None), *(claims.c[name] for name in CLAIMS_CHRONOLOGICAL[1:])]
    query = (
        _track_rows(select(*track_selection()), [key], (None, None))
        .order_by(*(term.desc() for term in terms))
        .offset(offset)
        .limit(limit)
    )
    return [cast(ClaimRow, dict(row)) for row in connection.execute(query).mappings()]


def track_size(connection: Connection, keys: Sequence[str]) -> tuple[int, dict[str, tuple[Any, ...]]]:
    """How many figures the stored keys hold and each ultimate source's first figure's order
    (``summaries.order_key``), from the summary tables."""
    from watchfloor.store.summaries import order_key

    figures = select(func.coalesce(func.sum(track_speakers.c.figures), 0)).where(track_speakers.c.track_key.in_(keys))
    firsts: dict[str, tuple[Any, ...]] = {}
    query = select(track_latest).where(track_latest.c.track_key.in_(keys))
    for row in connection.execute(query):
        order = order_key(row.first_document_date, row.first_ingested_at, row.first_extraction_id, row.first_span_start)
        firsts[row.source] = min(firsts.get(row.source, order), order)
    return int(connection.execute(figures).scalar_one()), firsts


def track_summaries(
    connection: Connection,
    *,
    actor: str | None = None,
    since: str | None = None,
    limit: int = 100,
    groups: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Tracks by size, computed in SQL: figures, the speakers' states, first and last document dates.
    ``groups`` maps stored keys to the track they belong to (others are their own). Wire copies and figures an
    analyst rejected are left out (fields set by hand are not applied here: ``store.summaries`` applies them)."""
    speaker = func.coalesce(claims.c.source_country, claims.c.source, "outlet")
    moved = {stored: track for stored, track in (groups or {}).items() if stored != track}
    track = case(moved, value=claims.c.track_key, else_=claims.c.track_key) if moved else claims.c.track_key
    query = (
        select(
            track.label("track"),
            func.count().label("figures"),
            func.count(speaker.distinct()).label("sources"),
            func.min(claims.c.document_date).label("first"),
            func.max(claims.c.document_date).label("last"),
        )
        .join(extractions, and_(extractions.c.id == claims.c.extraction_id, extractions.c.latest.is_(True)))
        .where(
            claims.c.track_key.is_not(None),
            ~extractions.c.document_id.in_(select(copies.c.document_id)),
            ~rejected_claim(),
        )
        .group_by(track)
        .order_by(func.count().desc(), track)
        .limit(limit)
    )
    if actor:
        query = query.where(_matches(claims.c.subject, claims.c.subject_country, actor))
    if since:
        query = query.where(claims.c.document_date >= since)
    return [dict(row._mapping) for row in connection.execute(query)]


def rejected_claim() -> Any:
    """Whether an analyst rejected the claim of the current row (a correction anchored on its document and
    span, as ``store.corrections`` records it)."""
    return _rejected("claim", claims.c.span_start, claims.c.span_end)


def _rejected(kind: str, start: Any, end: Any) -> Any:
    """Whether an analyst rejected the fact of ``kind`` of the current row whose span is ``start``-``end``
    (an EXISTS over the corrections anchored on the row's document and span)."""
    return (
        select(corrections.c.id)
        .where(
            corrections.c.kind == kind,
            corrections.c.reject.is_(True),
            corrections.c.document_id == extractions.c.document_id,
            corrections.c.span_start == start,
            corrections.c.span_end == end,
        )
        .exists()
    )


def stored_track_keys(connection: Connection) -> list[str]:
    """The distinct track keys of the latest claims, wire copies left out."""
    query = (
        select(claims.c.track_key)
        .distinct()
        .join(extractions, and_(extractions.c.id == claims.c.extraction_id, extractions.c.latest.is_(True)))
        .where(claims.c.track_key.is_not(None), ~extractions.c.document_id.in_(select(copies.c.document_id)))
        .order_by(claims.c.track_key)
    )
    return [str(key) for key in connection.execute(query).scalars()]


def place_countries(connection: Connection) -> dict[str, str]:
    """Each stored place name's country (places without one left out)."""
    query = select(places.c.name, places.c.country).distinct().where(places.c.country.is_not(None))
    return {row.name: row.country for row in connection.execute(query)}


def document_facts(connection: Connection, document_id: str) -> dict[str, list[dict[str, Any]]]:
    """Every fact of a document's latest extraction with its spans: claims, events, places and actors (the
    article page highlights each one where it stands in the text)."""
    latest = select(extractions.c.id).where(extractions.c.document_id == document_id, extractions.c.latest.is_(True))
    facts: dict[str, list[dict[str, Any]]] = {}
    for name, table, order in (
        ("claims", claims, claims.c.span_start),
        ("events", events, events.c.trigger_start),
        ("places", places, places.c.name),
        ("actors", actors, actors.c.actor_id),
    ):
        query = select(table).where(table.c.extraction_id.in_(latest)).order_by(order)
        facts[name] = [dict(row._mapping) for row in connection.execute(query)]
    return facts
