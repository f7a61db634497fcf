"""The ledger's monitoring tables: sources and the entries they gave, watch rules, and alerts. The only code
that reads or writes them; it shares the Ledger's engine."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from watchfloor.store.rows import AlertRow, RuleRow, SourceRow
from watchfloor.store.schema import (
    actors,
    alerts,
    deliveries,
    extractions,
    places,
    rules,
    source_entries,
    sources,
)

if TYPE_CHECKING:
    from watchfloor.store.ledger import Ledger

# A failing source is retried after its interval doubled per consecutive failure, at most this much later.
MAX_BACKOFF = timedelta(hours=6)


def now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; they were stored in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class WatchStore:
    """Sources, entries, rules and alerts of one ledger."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.engine = ledger.engine

    # -- sources --

    def add_source(self, url: str, kind: str, every: int, outlet: str | None) -> SourceRow:
        """Add a source, due at once; an existing URL keeps its state and gets the new kind, interval, outlet."""
        moment = now()
        with self.engine.begin() as connection:
            found = connection.execute(select(sources.c.id).where(sources.c.url == url)).scalar()
            values = {"kind": kind, "every": every, "outlet": outlet}
            if found is None:
                connection.execute(insert(sources).values(url=url, added_at=moment, next_poll=moment, **values))
            else:
                connection.execute(update(sources).where(sources.c.id == found).values(**values))
        source = self.source(url)
        assert source is not None
        return source

    def source(self, url_or_id: str) -> SourceRow | None:
        condition = sources.c.url == url_or_id
        if url_or_id.isdigit():
            condition = or_(condition, sources.c.id == int(url_or_id))
        with self.engine.connect() as connection:
            row = connection.execute(select(sources).where(condition)).first()
        return _source_row(row._mapping) if row else None

    def sources(self) -> list[SourceRow]:
        with self.engine.connect() as connection:
            return [_source_row(row._mapping) for row in connection.execute(select(sources).order_by(sources.c.id))]

    def remove_source(self, url_or_id: str) -> bool:
        """Remove a source and its entries' records (the documents it gave stay in the ledger)."""
        source = self.source(url_or_id)
        if source is None:
            return False
        with self.engine.begin() as connection:
            connection.execute(delete(source_entries).where(source_entries.c.source_id == source["id"]))
            connection.execute(delete(sources).where(sources.c.id == source["id"]))
        return True

    def due_sources(self, moment: datetime) -> list[SourceRow]:
        return [source for source in self.sources() if source["next_poll"] <= moment]

    def record_poll(self, source: SourceRow, status: str, error: str | None = None, **validators: Any) -> None:
        """Record a poll's outcome and schedule the next: after the interval, or backed off after failures."""
        moment = now()
        failures = source["failures"] + 1 if error else 0
        every = timedelta(seconds=source["every"])
        wait = min(every * 2 ** min(failures - 1, 10), max(MAX_BACKOFF, every)) if error else every
        values: dict[str, Any] = {"last_poll": moment, "next_poll": moment + wait, "status": status}
        values |= {"error": error, "failures": failures, **validators}
        with self.engine.begin() as connection:
            connection.execute(update(sources).where(sources.c.id == source["id"]).values(**values))

    # -- entries --

    def seen_entries(self, source_id: int) -> set[str]:
        with self.engine.connect() as connection:
            query = select(source_entries.c.entry).where(source_entries.c.source_id == source_id)
            return {row[0] for row in connection.execute(query)}

    def record_entry(self, source_id: int, entry: str, document_id: str | None, outcome: str) -> None:
        """Mark an entry done, in its own transaction (a killed monitor resumes after the last one)."""
        row = {"source_id": source_id, "entry": entry[:500], "document_id": document_id, "outcome": outcome}
        with self.engine.begin() as connection:
            try:
                with connection.begin_nested():
                    connection.execute(insert(source_entries).values(seen_at=now(), **row))
            except IntegrityError:
                pass  # done already (a restart re-read it)

    # -- rules --

    def add_rule(self, rule: RuleRow) -> None:
        """Store a rule (``name``, ``kind``, ``severity``, ``description``, ``params``), replacing one so named."""
        with self.engine.begin() as connection:
            connection.execute(delete(rules).where(rules.c.name == rule["name"]))
            connection.execute(insert(rules).values(added_at=now(), **rule))

    def rules(self) -> list[RuleRow]:
        with self.engine.connect() as connection:
            return [
                cast(RuleRow, dict(row._mapping)) for row in connection.execute(select(rules).order_by(rules.c.name))
            ]

    def remove_rule(self, name: str) -> bool:
        with self.engine.begin() as connection:
            return bool(connection.execute(delete(rules).where(rules.c.name == name)).rowcount)

    # -- alerts --

    def raise_alert(self, alert: AlertRow, sinks: Iterable[str] = ()) -> AlertRow | None:
        """Store an alert with an undelivered outbox row per sink, in one transaction (a monitor killed
        before delivering retries on restart); None when this rule already fired on this fact."""
        with self.engine.begin() as connection:
            try:
                with connection.begin_nested():
                    result = connection.execute(insert(alerts).values(raised_at=now(), seen=False, **alert))
            except IntegrityError:
                return None
            key = result.inserted_primary_key
            assert key is not None
            for sink in dict.fromkeys(sinks):
                connection.execute(insert(deliveries).values(alert_id=key[0], sink=sink, delivered=False, attempts=0))
            row = connection.execute(select(alerts).where(alerts.c.id == key[0])).first()
        assert row is not None
        return _alert_row(row._mapping)

    def undelivered(self, sinks: Iterable[str]) -> list[tuple[str, AlertRow]]:
        """(sink, alert) of every alert not yet delivered to one of ``sinks``, oldest first."""
        query = (
            select(deliveries.c.sink, alerts)
            .join(alerts, alerts.c.id == deliveries.c.alert_id)
            .where(and_(deliveries.c.sink.in_(list(sinks)), deliveries.c.delivered.is_(False)))
            .order_by(alerts.c.id, deliveries.c.sink)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [(row.sink, _alert_row({k: v for k, v in row._mapping.items() if k != "sink"})) for row in rows]

    def record_delivery(self, alert_id: int, sink: str, error: str | None = None) -> None:
        """Count an attempt to deliver an alert to a sink: delivered when there was no error."""
        values: dict[str, Any] = {"attempts": deliveries.c.attempts + 1, "error": error}
        if error is None:
            values |= {"delivered": True, "delivered_at": now()}
        condition = and_(deliveries.c.alert_id == alert_id, deliveries.c.sink == sink)
        with self.engine.begin() as connection:
            connection.execute(update(deliveries).where(condition).values(**values))

    def deliveries(self, alert_id: int) -> list[dict[str, Any]]:
        query = select(deliveries).where(deliveries.c.alert_id == alert_id).order_by(deliveries.c.sink)
        with self.engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(query)]

    def alerts(self, *, unseen: bool = False, since: datetime | None = None) -> list[AlertRow]:
        query = select(alerts).order_by(alerts.c.id)
        if unseen:
            query = query.where(alerts.c.seen.is_(False))
        if since is not None:
            query = query.where(alerts.c.raised_at >= since)
        with self.engine.connect() as connection:
            return [_alert_row(row._mapping) for row in connection.execute(query)]

    def mark_seen(self, ids: Iterable[int]) -> None:
        with self.engine.begin() as connection:
            connection.execute(update(alerts).where(alerts.c.id.in_(list(ids))).values(seen=True))

    def actor_known_elsewhere(self, actor: str, document_id: str) -> bool:
        """Whether an actor (id, or country code for its state and organs) appears in another document."""
        match = actors.c.country == actor if len(actor) == 3 and actor.isupper() else actors.c.actor_id == actor
        query = (
            select(actors.c.actor_id)
            .join(extractions, extractions.c.id == actors.c.extraction_id)
            .where(and_(match, extractions.c.document_id != document_id))
            .limit(1)
        )
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None

    def place_known_elsewhere(self, name: str, geonameid: int | None, document_id: str) -> bool:
        """Whether a place (by GeoNames id when it has one, else by name) appears in another document."""
        match = places.c.geonameid == geonameid if geonameid else func.lower(places.c.name) == name.lower()
        query = (
            select(places.c.name)
            .join(extractions, extractions.c.id == places.c.extraction_id)
            .where(and_(match, extractions.c.document_id != document_id))
            .limit(1)
        )
        with self.engine.connect() as connection:
            return connection.execute(query).first() is not None


def _source_row(mapping: Any) -> SourceRow:
    row = dict(mapping)
    for key in ("added_at", "next_poll", "last_poll"):
        if row.get(key) is not None:
            row[key] = _aware(row[key])
    return cast(SourceRow, row)


def _alert_row(mapping: Any) -> AlertRow:
    row = dict(mapping)
    row["raised_at"] = _aware(row["raised_at"])
    return cast(AlertRow, row)
