"""Summary tables of the tracks (``schema.track_latest``, ``schema.track_speakers``), kept in the ingest
transaction, so `contradictions`, `tracks` and the brief read one row per track key and source instead of
every claim. A new document adds to them; a new version of a document recomputes the track keys it touches
(its old claims stop counting); ``rebuild`` recomputes everything (migration 0010, and tests comparing the
maintained tables with a recomputation)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, func, insert, select

from watchfloor.store.rows import ultimate_source
from watchfloor.store.schema import claims, copies, documents, extractions, track_latest, track_speakers

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

KEY_BATCH = 50  # track keys recomputed per query (a batch's claims are held in memory)


def _claim_rows(connection: Connection, condition: Any) -> list[dict[str, Any]]:
    """Latest, non-copy claims with a track key matching ``condition``, with what the summaries need."""
    query = (
        select(
            claims.c.track_key,
            claims.c.extraction_id,
            claims.c.claim_id,
            claims.c.span_start,
            claims.c.document_date,
            claims.c.chain,
            claims.c.chain_countries,
            claims.c.source,
            claims.c.source_country,
            extractions.c.document_id,
            documents.c.outlet,
            documents.c.ingested_at,
        )
        .join(extractions, and_(extractions.c.id == claims.c.extraction_id, extractions.c.latest.is_(True)))
        .join(documents, documents.c.id == extractions.c.document_id)
        .where(
            claims.c.track_key.is_not(None),
            claims.c.track_key != "",
            condition,
            ~extractions.c.document_id.in_(select(copies.c.document_id)),
        )
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def order_key(date: Any, ingested_at: Any, extraction_id: int, span_start: int) -> tuple[bool, str, str, int, int]:
    """The documents' order of a claim (``queries.chronological_key`` from its parts)."""
    return (date is None, date or "", str(ingested_at or ""), extraction_id, span_start)


def _latest_rows(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """track_latest rows of claim rows: per (key, ultimate source), the latest claim and the first's order."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        order = order_key(row["document_date"], row["ingested_at"], row["extraction_id"], row["span_start"])
        pair = (row["track_key"], ultimate_source(row))  # type: ignore[arg-type]
        current = found.get(pair)
        if current is None:
            found[pair] = current = {
                "track_key": pair[0],
                "source": pair[1],
                "_latest": order,
                "_first": order,
                **_latest_columns(row),
                **_first_columns(row),
            }
            continue
        if order > current["_latest"]:
            current.update(_latest=order, **_latest_columns(row))
        if order < current["_first"]:
            current.update(_first=order, **_first_columns(row))
    return found


def _latest_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    names = ("extraction_id", "claim_id", "document_date", "ingested_at", "span_start")
    return {name: row[name] for name in names}


def _first_columns(row: Mapping[str, Any]) -> dict[str, Any]:
    names = ("document_date", "ingested_at", "extraction_id", "span_start")
    return {f"first_{name}": row[name] for name in names}


def _speaker_rows(rows: Iterable[Mapping[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """track_speakers rows of claim rows (the speaker as ``queries.track_summaries`` counts it)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        speaker = row["source_country"] or row["source"] or "outlet"
        pair = (row["track_key"], speaker)
        current = found.setdefault(
            pair, {"track_key": pair[0], "speaker": speaker, "figures": 0, "first": None, "last": None}
        )
        current["figures"] += 1
        date = row["document_date"]
        if date is not None:
            current["first"] = date if current["first"] is None else min(current["first"], date)
            current["last"] = date if current["last"] is None else max(current["last"], date)
    return found


def _write(connection: Connection, latest: Mapping[Any, dict[str, Any]], speakers: Mapping[Any, Any]) -> None:
    if latest:
        values = [{k: v for k, v in row.items() if not k.startswith("_")} for row in latest.values()]
        connection.execute(insert(track_latest), values)
    if speakers:
        connection.execute(insert(track_speakers), list(speakers.values()))


def refresh(connection: Connection, keys: Iterable[str]) -> None:
    """Recompute the summaries of these track keys from the claims (after a new version of a document)."""
    ordered = sorted({key for key in keys if key})
    for start in range(0, len(ordered), KEY_BATCH):
        batch = ordered[start : start + KEY_BATCH]
        connection.execute(delete(track_latest).where(track_latest.c.track_key.in_(batch)))
        connection.execute(delete(track_speakers).where(track_speakers.c.track_key.in_(batch)))
        rows = _claim_rows(connection, claims.c.track_key.in_(batch))
        _write(connection, _latest_rows(rows), _speaker_rows(rows))


def add_extraction(connection: Connection, extraction_id: int) -> None:
    """Fold a new document's claims into the summaries (nothing for a wire copy: its claims never count)."""
    rows = _claim_rows(connection, claims.c.extraction_id == extraction_id)
    if not rows:
        return
    keys = sorted({row["track_key"] for row in rows})
    latest = _latest_rows(rows)
    speakers = _speaker_rows(rows)
    stored = connection.execute(select(track_latest).where(track_latest.c.track_key.in_(keys)))
    for old in stored:
        pair = (old.track_key, old.source)
        new = latest.get(pair)
        if new is None:
            continue
        old_latest = order_key(old.document_date, old.ingested_at, old.extraction_id, old.span_start)
        old_first = order_key(
            old.first_document_date, old.first_ingested_at, old.first_extraction_id, old.first_span_start
        )
        if old_latest > new["_latest"]:
            new.update({name: getattr(old, name) for name in _latest_columns(new)})
        if old_first < new["_first"]:
            new.update({name: getattr(old, name) for name in _first_columns(new)})
    for old in connection.execute(select(track_speakers).where(track_speakers.c.track_key.in_(keys))):
        new = speakers.get((old.track_key, old.speaker))
        if new is None:
            continue
        new["figures"] += old.figures
        new["first"] = min(filter(None, [new["first"], old.first]), default=None)
        new["last"] = max(filter(None, [new["last"], old.last]), default=None)
    for table, pairs, column in (
        (track_latest, latest, track_latest.c.source),
        (track_speakers, speakers, track_speakers.c.speaker),
    ):
        for key, second in pairs:
            connection.execute(delete(table).where(table.c.track_key == key, column == second))
    _write(connection, latest, speakers)


def document_keys(connection: Connection, document_id: str) -> set[str]:
    """The track keys of a document's claims in every stored version (what a new version may change)."""
    query = (
        select(claims.c.track_key)
        .distinct()
        .join(extractions, extractions.c.id == claims.c.extraction_id)
        .where(extractions.c.document_id == document_id, claims.c.track_key.is_not(None))
    )
    return {str(key) for key in connection.execute(query).scalars()}


def rebuild(connection: Connection) -> None:
    """Both summaries recomputed from every claim (migration 0010 backfills with it)."""
    connection.execute(delete(track_latest))
    connection.execute(delete(track_speakers))
    keys = connection.execute(select(claims.c.track_key).distinct().where(claims.c.track_key.is_not(None)))
    refresh(connection, [str(key) for key in keys.scalars()])


def snapshot(connection: Connection) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Both tables' rows, sorted (tests compare the maintained tables with ``rebuild``)."""
    latest = connection.execute(select(track_latest).order_by(track_latest.c.track_key, track_latest.c.source))
    speakers = connection.execute(select(track_speakers).order_by(track_speakers.c.track_key, track_speakers.c.speaker))
    return [tuple(row) for row in latest], [tuple(row) for row in speakers]


def stored_keys(connection: Connection) -> list[str]:
    """The distinct track keys of the latest claims, wire copies left out, from the summary."""
    query = select(track_latest.c.track_key).distinct().order_by(track_latest.c.track_key)
    return [str(key) for key in connection.execute(query).scalars()]


def latest_claims(connection: Connection) -> list[dict[str, Any]]:
    """Each track key x source's latest claim with the columns a track needs, and its first claim's order
    (``_first``), for ``correlate.tracks.latest_tracks``."""
    from watchfloor.store.queries import track_selection

    query = (
        select(
            *track_selection(),
            track_latest.c.first_document_date,
            track_latest.c.first_ingested_at,
            track_latest.c.first_extraction_id,
            track_latest.c.first_span_start,
        )
        .select_from(track_latest)
        .join(
            claims,
            and_(claims.c.extraction_id == track_latest.c.extraction_id, claims.c.claim_id == track_latest.c.claim_id),
        )
        .join(extractions, extractions.c.id == claims.c.extraction_id)
        .join(documents, documents.c.id == extractions.c.document_id)
    )
    rows = []
    for row in connection.execute(query).mappings():
        item = dict(row)
        item["_first"] = order_key(
            item.pop("first_document_date"),
            item.pop("first_ingested_at"),
            item.pop("first_extraction_id"),
            item.pop("first_span_start"),
        )
        rows.append(item)
    return rows


def speaker_summaries(connection: Connection, groups: Mapping[str, str], limit: int) -> list[dict[str, Any]]:
    """``queries.track_summaries`` without filters, from track_speakers: figures, distinct speakers, first and
    last dates per track (stored keys joined by ``groups``), by size."""
    tracks: dict[str, dict[str, Any]] = {}
    speakers: dict[str, set[str]] = {}
    query = select(track_speakers).order_by(track_speakers.c.track_key, track_speakers.c.speaker)
    for row in connection.execute(query):
        track = groups.get(row.track_key, row.track_key)
        item = tracks.setdefault(track, {"track": track, "figures": 0, "sources": 0, "first": None, "last": None})
        item["figures"] += row.figures
        speakers.setdefault(track, set()).add(row.speaker)
        item["first"] = min(filter(None, [item["first"], row.first]), default=None)
        item["last"] = max(filter(None, [item["last"], row.last]), default=None)
    for track, item in tracks.items():
        item["sources"] = len(speakers[track])
    return sorted(tracks.values(), key=lambda item: (-item["figures"], item["track"]))[:limit]


def count(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(track_latest)).scalar_one())
