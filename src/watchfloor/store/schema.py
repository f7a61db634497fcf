"""Tables of the ledger (SQLAlchemy Core). Append-only: an extraction is a version of a document's facts."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(80), primary_key=True),  # "sha256:..." of the text
    Column("title", Text),
    Column("published", String(10)),
    Column("url", Text),
    Column("outlet", Text),
    Column("source", Text),
    Column("latest_date", String(10)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

extractions = Table(
    "extractions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), ForeignKey("documents.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("extractor", String(200), nullable=False),  # watchfloor version and spaCy model
    Column("created_at", DateTime(timezone=True), nullable=False),
    # counts written with the rows, in the same transaction: a reader can check an extraction is whole
    Column("actor_count", Integer, nullable=False),
    Column("claim_count", Integer, nullable=False),
    Column("event_count", Integer, nullable=False),
    # true for the newest version of a document: a flag kept beside the versions (which are never
    # changed) so readers of the latest facts need no GROUP BY over every extraction
    Column("latest", Boolean, nullable=False, server_default="1"),
    UniqueConstraint("document_id", "version"),
    UniqueConstraint("document_id", "extractor"),
)

actors = Table(
    "actors",
    metadata,
    Column("extraction_id", Integer, ForeignKey("extractions.id"), nullable=False, index=True),
    Column("actor_id", String(120), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(3)),
    Column("sector", String(40)),
    Column("affiliation", String(120)),
    Column("mentions", JSON, nullable=False),
)

places = Table(
    "places",
    metadata,
    Column("extraction_id", Integer, ForeignKey("extractions.id"), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("country", String(3)),
    Column("lat", Float, nullable=False),
    Column("lon", Float, nullable=False),
    Column("geonameid", Integer),
    Column("precision", String(20), nullable=False),
    Column("mentions", JSON, nullable=False),
)

# The order of a page of claims, newest documents first (``queries.document_order``), as index terms: dated
# documents first, by date from the newest, then by ingest time, extraction and position in the text.
CLAIMS_NEWEST_FIRST = (
    text("(document_date IS NULL)"),
    text("document_date DESC"),
    "ingested_at",
    "extraction_id",
    "span_start",
)

# The documents' order of a track's claims, oldest first (``queries.chronological_key``), as index terms.
CLAIMS_CHRONOLOGICAL = (text("(document_date IS NULL)"), "document_date", "ingested_at", "extraction_id", "span_start")

claims = Table(
    "claims",
    metadata,
    Column("extraction_id", Integer, ForeignKey("extractions.id"), nullable=False),
    Column("claim_id", String(20), nullable=False),
    Column("value", Float),
    Column("low", Float),
    Column("high", Float),
    Column("bound", String(2), nullable=False),
    Column("approximate", Boolean, nullable=False),
    Column("unit", String(60)),
    Column("per", String(60)),
    Column("unit_text", Text),  # the unit as written: "US$ per barrel", "heart transplants"
    Column("change", String(10)),  # "increase" / "decrease": a change ("3,000 more"), not a new total
    Column("measure", Text),
    Column("subject", String(120)),
    Column("subject_country", String(3)),
    Column("target", String(120)),
    Column("track_key", String(200)),
    Column("place", Text),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("time_text", Text),
    Column("time_basis", String(10)),  # (migration 0011) stated / statement / published
    Column("speaker", Text),
    Column("source", String(120)),  # attributed actor id; NULL for the outlet's own voice
    Column("source_country", String(3)),
    Column("cue", String(60)),
    Column("chain", JSON),
    Column("chain_countries", JSON),
    Column("certainty", String(10), nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("cues", JSON),
    Column("context", String(20)),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    # the document's date (published, else the latest date it states), kept with each claim so that "newest
    # first" reads walk an index instead of sorting every match; documents never change, so neither does it
    Column("document_date", String(10)),
    # (migration 0013) the rest of the documents' order (``queries.document_order``) and the unit class that
    # `--unit` filters on, so that a page of claims newest first is read off an index
    Column("ingested_at", DateTime(timezone=True)),
    Column("unit_class", String(60)),
    Index("claims_extraction", "extraction_id"),
    Index("claims_unit_subject", "unit", "subject_country"),
    Index("claims_source", "source_country"),
    Index("claims_time", "time_start"),
    Index("claims_owner_date", "subject_country", "unit", "document_date", "extraction_id"),
    # (migration 0010) actor ids, cited sources and the newest-first page without a filter
    Index("claims_subject", "subject"),
    Index("claims_source_actor", "source"),
    Index("claims_date", "document_date", "extraction_id"),
    # (migration 0013) pages of claims newest first, all of them or by owner state and unit class
    Index("claims_page", *CLAIMS_NEWEST_FIRST),
    Index("claims_owner_page", "subject_country", "unit_class", *CLAIMS_NEWEST_FIRST),
    # (migration 0015, replacing one on the key alone) a track in the documents' order, read backwards for a
    # page of its newest figures (``queries.select_track_newest``)
    Index("claims_track_order", "track_key", *CLAIMS_CHRONOLOGICAL),
)

signatures = Table(
    "signatures",
    metadata,
    Column("document_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),  # MinHash of the text's word 5-grams (datasketch)
)

copies = Table(
    "copies",
    metadata,
    Column("document_id", String(80), ForeignKey("documents.id"), primary_key=True),
    Column("original_id", String(80), ForeignKey("documents.id"), nullable=False),
    Column("similarity", Float, nullable=False),
)

# What a dyad reads of an event besides its sides (``queries.dyad_days``), kept in its index in the order a
# dyad's first events per day are ranked by (``queries.dyad_examples``), so that ranking them sorts nothing.
DYAD_INDEX_COLUMNS = ("day", "extraction_id", "trigger_start", "event_id", "type", "certainty", "polarity", "context")

# What the brief groups events by and counts of each group (``queries.count_event_groups``), kept in an index.
GROUP_INDEX_COLUMNS = (
    *("source", "source_country", "target", "target_country", "type", "polarity", "context", "certainty"),
    *("day", "extraction_id"),
)

events = Table(
    "events",
    metadata,
    Column("extraction_id", Integer, ForeignKey("extractions.id"), nullable=False),
    Column("event_id", String(20), nullable=False),
    Column("type", String(20), nullable=False),
    Column("mode", String(20)),
    Column("trigger", Text, nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("source", String(120)),  # NULL: an act whose doer the text does not name
    Column("source_country", String(3)),
    Column("target", String(120)),
    Column("target_country", String(3)),
    Column("place", Text),
    Column("time_start", String(10)),
    Column("time_end", String(10)),
    Column("speaker", Text),
    Column("attributed", String(120)),
    Column("certainty", String(10), nullable=False),
    Column("polarity", String(10), nullable=False),
    Column("context", String(20)),
    # (migration 0016) the day a dyad counts the event on (its time, else its document's date; documents
    # never change), and whether it is of its document's latest extraction and the document is no wire copy
    # (``queries.retire`` clears it), so that a dyad is counted from one index without joining a row
    Column("day", String(10)),
    Column("current", Boolean, nullable=False),
    Index("events_extraction", "extraction_id"),
    Index("events_dyad", "source_country", "target_country", "time_start"),
    # (migration 0016) a dyad's counts and first events read off the index alone (``queries.dyad_days``)
    Index("events_dyad_days", "source_country", "target_country", "current", *DYAD_INDEX_COLUMNS),
    # (migration 0016) the brief's groups counted off the index alone, in its order (``count_event_groups``)
    Index("events_groups", "current", *GROUP_INDEX_COLUMNS),
    # (migrations 0010, 0016) dyads of actors without a country: a side named by its actor is looked up with
    # its country (none), so that a state's own id ("PRK", whose country is PRK) never reads every act of it
    Index("events_source", "source", "source_country", "target", "target_country"),
)

# -- query summaries (migration 0010): kept inside the ingest transaction so `contradictions`, `tracks` and the
# brief read a few thousand rows instead of every claim --

# Each stored track key x ultimate source (``correlate.tracks.ultimate_source``): that source's latest claim
# and its first, in the documents' order (date, undated last, ingest time, extraction, position), over the
# latest extractions, wire copies left out. A track's latest figure per source is the latest of its stored
# keys' rows; its place in the listing is its earliest first row.
track_latest = Table(
    "track_latest",
    metadata,
    Column("track_key", String(200), primary_key=True),
    Column("source", String(200), primary_key=True),
    Column("extraction_id", Integer, nullable=False),
    Column("claim_id", String(20), nullable=False),
    Column("document_date", String(10)),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("first_document_date", String(10)),
    Column("first_ingested_at", DateTime(timezone=True), nullable=False),
    Column("first_extraction_id", Integer, nullable=False),
    Column("first_span_start", Integer, nullable=False),
)

# -- close monitoring (migration 0006): sources polled by `watchfloor monitor`, watch rules and their alerts --

sources = Table(
    "sources",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False, unique=True),  # http(s) URL, or a local file or folder (a drop folder)
    Column("kind", String(10), nullable=False),  # feed, page, sitemap, folder
    Column("every", Integer, nullable=False),  # seconds between polls
    Column("outlet", Text),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("next_poll", DateTime(timezone=True), nullable=False),
    Column("last_poll", DateTime(timezone=True)),
    Column("etag", Text),  # validators for the next conditional GET
    Column("last_modified", Text),
    Column("status", String(20)),  # ok, not modified, failed
    Column("error", Text),  # the last failure's reason (NULL once a poll succeeds)
    Column("failures", Integer, nullable=False, server_default="0"),  # consecutive; backs the retry off
)

source_entries = Table(
    "source_entries",
    metadata,
    Column("source_id", Integer, ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("entry", String(500), primary_key=True),  # a feed entry's id or link, a file's path and mtime
    Column("document_id", String(80)),  # NULL when the entry gave no document
    Column("outcome", Text, nullable=False),  # added, unchanged, new version, or "skipped: reason"
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

rules = Table(
    "rules",
    metadata,
    Column("name", String(120), primary_key=True),
    Column("kind", String(20), nullable=False),  # new_figure, revision, denial, event, first_mention
    Column("severity", String(10), nullable=False),
    Column("description", Text, nullable=False),
    Column("params", JSON, nullable=False),  # the rule's filters (track, actor, unit, percent, types, ...)
    Column("added_at", DateTime(timezone=True), nullable=False),
)

alerts = Table(
    "alerts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule", String(120), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("fact", String(200), nullable=False),  # what triggered it: "claim:<document id>:<start>-<end>"
    Column("document_id", String(80), nullable=False),
    Column("spans", JSON, nullable=False),  # [[start, end], ...] in the document's text
    Column("message", Text, nullable=False),
    Column("raised_at", DateTime(timezone=True), nullable=False),
    Column("seen", Boolean, nullable=False, server_default="0"),
    UniqueConstraint("rule", "fact"),  # an alert is raised once per triggering fact, never on re-ingest
    Index("alerts_raised", "raised_at"),
)

# -- the alert outbox (migration 0007): an alert's delivery to each sink, retried until delivered --
deliveries = Table(
    "deliveries",
    metadata,
    Column("alert_id", Integer, ForeignKey("alerts.id"), primary_key=True),
    Column("sink", String(500), primary_key=True),  # "stdout", "jsonl:<path>" or "webhook:<url>"
    Column("delivered", Boolean, nullable=False, server_default="0"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("error", Text),
    Column("delivered_at", DateTime(timezone=True)),
    Index("deliveries_pending", "sink", "delivered"),
)

# -- analysts' corrections (migration 0008): anchored on a document and a fact's span, not on a fact id, so a
# re-extraction (which renumbers facts) never loses them; never overwritten by ingest --
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(80), nullable=False),
    Column("kind", String(10), nullable=False),  # "document" (a deletion), "claim" or "event"
    Column("span_start", Integer),  # the fact's span (a claim's figure, an event's trigger); None for a document
    Column("span_end", Integer),
    Column("field", String(40)),  # the field set, None for a rejection
    Column("value", Text),
    Column("reject", Boolean, nullable=False, server_default="0"),
    Column("author", String(120), nullable=False),
    Column("reason", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("corrections_document", "document_id"),
)

# Each stored track key x speaker (the cited actor's state, else the actor, else "outlet", as ``tracks``
# counts them): how many latest figures, the first and last document dates; ``tracks`` without a filter
# and the brief sum these rows instead of grouping every claim.
track_speakers = Table(
    "track_speakers",
    metadata,
    Column("track_key", String(200), primary_key=True),
    Column("speaker", String(200), primary_key=True),
    Column("figures", Integer, nullable=False),
    Column("first", String(10)),
    Column("last", String(10)),
)
