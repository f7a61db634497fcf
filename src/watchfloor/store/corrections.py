"""Analysts' corrections: a document deleted, a fact rejected, a field set by hand, each with who, when and why.

A correction is anchored on its document and the fact's span (a claim's figure, an event's trigger), never
on the fact's id: ids are ordinals of one extraction ("c3"), and a newer extractor renumbers them, while the
span of the figure it corrects stays where it is in the text. So a correction survives a re-ingest with a
newer extractor, and ingest never overwrites it. Readers see corrected rows (``apply``): a rejected fact is
left out, a set field holds the analyst's value, and every corrected row lists its corrections.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import and_, insert, select
from sqlalchemy.engine import Connection

from watchfloor import gazetteer
from watchfloor.errors import WatchfloorError
from watchfloor.store.schema import claims, corrections, documents, events, extractions

# what an analyst may set, by kind of fact; actor fields take any actor id or known name
CLAIM_FIELDS = ("value", "low", "high", "unit", "subject", "source", "target", "place", "certainty", "polarity")
EVENT_FIELDS = ("type", "source", "target", "place", "certainty", "polarity")
ACTOR_FIELDS = ("subject", "source", "target")
KEY_FIELDS = ("unit", "subject", "target")  # the fields a claim's track key is made of
NUMBER_FIELDS = ("value", "low", "high")
CERTAINTIES = ("certain", "probable", "possible", "unknown")
POLARITIES = ("positive", "negative")

Row = TypeVar("Row")


class CorrectionError(WatchfloorError):
    """A correction that cannot be made: an unknown document or fact, a field that cannot be set, a bad value."""


def find_document(connection: Connection, wanted: str) -> str:
    """The stored document a user means: its id, or a prefix of it ("sha256:" may be left out) naming one."""
    prefix = wanted if wanted.startswith("sha256:") else "sha256:" + wanted
    found = connection.execute(select(documents.c.id).where(documents.c.id.startswith(prefix)).limit(2)).all()
    if len(found) != 1:
        problem = "no stored document" if not found else "more than one stored document"
        raise CorrectionError(f"{problem} has an id starting {wanted!r}: see `watchfloor claims` for ids")
    return str(found[0][0])


def parse_fact(fact: str) -> tuple[str, str, str]:
    """ "DOCUMENT_ID:c3" as (document id or prefix, "claim" or "event", "c3")."""
    document, _, local = fact.rpartition(":")
    kind = {"c": "claim", "e": "event"}.get(local[:1])
    if not document or kind is None or not local[1:].isdigit():
        raise CorrectionError(
            f"cannot read the fact id {fact!r}: write DOCUMENT_ID:cN for a claim or DOCUMENT_ID:eN for an event"
            " (the document_id and claim_id / event_id columns of `watchfloor claims` and `watchfloor events`)"
        )
    return document, kind, local


def fact_span(connection: Connection, document_id: str, kind: str, local: str) -> tuple[int, int]:
    """The span of fact ``local`` in the document's latest extraction."""
    table, id_column, start, end = (
        (claims, claims.c.claim_id, claims.c.span_start, claims.c.span_end)
        if kind == "claim"
        else (events, events.c.event_id, events.c.trigger_start, events.c.trigger_end)
    )
    row = connection.execute(
        select(start, end)
        .join(extractions, and_(extractions.c.id == table.c.extraction_id, extractions.c.latest.is_(True)))
        .where(extractions.c.document_id == document_id, id_column == local)
    ).first()
    if row is None:
        raise CorrectionError(f"document {document_id[:19]} has no {kind} {local} in its latest extraction")
    return int(row[0]), int(row[1])


def checked_value(kind: str, field: str, value: str) -> str:
    """The value to store for ``field``, checked: a number, a known actor id, one of the allowed words."""
    allowed = CLAIM_FIELDS if kind == "claim" else EVENT_FIELDS
    if field not in allowed:
        raise CorrectionError(f"a {kind}'s {field!r} cannot be set: give one of {', '.join(allowed)}")
    if field in ACTOR_FIELDS:
        return gazetteer.find_actor(value)
    if field in NUMBER_FIELDS:
        try:
            float(value.replace(",", ""))
        except ValueError:
            raise CorrectionError(f"{field} must be a number, not {value!r}") from None
        return value.replace(",", "")
    choices = {"certainty": CERTAINTIES, "polarity": POLARITIES}.get(field)
    if field == "type":
        choices = tuple(sorted(row[0] for row in gazetteer.read_rows("plover_quads.tsv")))
        value = value.upper()
    if choices is not None and value not in choices:
        raise CorrectionError(f"{field} must be one of {', '.join(choices)}, not {value!r}")
    return value


def record(connection: Connection, **values: Any) -> None:
    connection.execute(insert(corrections).values(**values))


def delete_document(connection: Connection, document_id: str, author: str, reason: str | None, now: datetime) -> None:
    """Take a document and its facts out of every reader's view; its versions stay in the version table."""
    record(connection, document_id=document_id, kind="document", reject=True, author=author, reason=reason,
           created_at=now)  # fmt: skip
    from watchfloor.store.queries import retire

    retire(connection, document_id)


def deleted_documents(connection: Connection) -> set[str]:
    query = select(corrections.c.document_id).where(corrections.c.kind == "document", corrections.c.reject.is_(True))
    return {str(row[0]) for row in connection.execute(query)}


# Above this many documents, ``for_documents`` first checks that any correction of the kind exists (most
# ledgers have few or none) before sending every document id in one IN list.
FEW_DOCUMENTS = 50


def any_correction(connection: Connection, kind: str) -> bool:
    """Whether any correction of ``kind`` ("claim", "event", "document") is recorded."""
    query = select(corrections.c.id).where(corrections.c.kind == kind).limit(1)
    return connection.execute(query).first() is not None


def for_documents(connection: Connection, kind: str, document_ids: Iterable[str]) -> list[dict[str, Any]]:
    """The corrections of ``kind`` ("claim" or "event") on these documents, oldest first."""
    ids = sorted(set(document_ids))
    if not ids:
        return []
    # many rows read (a dyad, a track): first ask whether any such correction exists
    if len(ids) > FEW_DOCUMENTS and not any_correction(connection, kind):
        return []
    query = (
        select(corrections)
        .where(corrections.c.kind == kind, corrections.c.document_id.in_(ids))
        .order_by(corrections.c.id)
    )
    return [dict(row._mapping) for row in connection.execute(query)]


def apply(rows: Sequence[Row], found: list[dict[str, Any]], kind: str, *, keep_rejected: bool = False) -> list[Row]:
    """The rows as the analysts corrected them: rejected facts left out (or kept, marked, with
    ``keep_rejected``), set fields replaced (an actor's country with it), each corrected row's ``corrections``
    listing who changed what, when and why. Later corrections of one field win."""
    if not found:
        return list(rows)
    start, end = ("span_start", "span_end") if kind == "claim" else ("trigger_start", "trigger_end")
    by_fact: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for correction in found:
        anchor = (correction["document_id"], correction["span_start"], correction["span_end"])
        by_fact.setdefault(anchor, []).append(correction)
    kept: list[Row] = []
    for row in rows:
        fact = cast(dict[str, Any], row)
        mine = by_fact.get((fact["document_id"], fact.get(start), fact.get(end)))
        if not mine:
            kept.append(row)
            continue
        corrected = dict(fact)
        corrected["corrections"] = [_described(c) for c in mine]
        for correction in mine:
            if correction["reject"]:
                corrected["rejected"] = True
            elif correction["field"]:
                _set(corrected, correction["field"], correction["value"])
        if keep_rejected or not corrected.get("rejected"):
            kept.append(cast(Row, corrected))
    return kept


def _set(row: dict[str, Any], field: str, value: str) -> None:
    if field in NUMBER_FIELDS:
        row[field] = float(value)
        return
    row[field] = value
    if field in ACTOR_FIELDS:
        state = value.split("-")[0].upper()
        row[f"{field}_country"] = state if state in gazetteer.states() else None
    if field in KEY_FIELDS and row.get("track_key"):
        parts = [*str(row["track_key"]).split("|"), "", "", "", ""][:4]
        index = {"unit": 0, "subject": 1, "target": 3}[field]
        parts[index] = gazetteer.unit_class(value) if field == "unit" else row.get(f"{field}_country") or value
        row["track_key"] = "|".join(parts)


def _described(correction: dict[str, Any]) -> dict[str, Any]:
    made = correction["created_at"]
    return {
        "change": "reject" if correction["reject"] else f"{correction['field']}={correction['value']}",
        "by": correction["author"],
        "at": made.isoformat() if hasattr(made, "isoformat") else str(made),
        "why": correction["reason"],
    }
