"""Output formats of the command line: result rows and extractions as JSON, JSONL, CSV or a rich table."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import click

from watchfloor.store.rows import event_day

if TYPE_CHECKING:
    from watchfloor.model import Extraction

FORMATS = ("json", "jsonl", "csv", "table")
TABLE_WIDTH = 110  # columns when stdout is not a terminal (a pipe or a file)


CLAIM_COLUMNS = [
    "document_id",
    "claim_id",
    "published",
    "outlet",
    "title",
    "url",
    "value",
    "low",
    "high",
    "bound",
    "unit",
    "unit_text",
    "measure",
    "subject",
    "place",
    "source",
    "speaker",
    "certainty",
    "polarity",
    "context",
    "time_start",
    "time_end",
    "time_basis",
    "span_start",
    "span_end",
    "corrections",
]

EVENT_COLUMNS = [
    "document_id",
    "event_id",
    "published",
    "outlet",
    "title",
    "url",
    "type",
    "mode",
    "trigger",
    "source",
    "target",
    "place",
    "speaker",
    "attributed",
    "certainty",
    "polarity",
    "context",
    "time_start",
    "time_end",
    "trigger_start",
    "trigger_end",
    "corrections",
]

PLACE_COLUMNS = [
    "document_id",
    "published",
    "outlet",
    "title",
    "url",
    "name",
    "country",
    "geonameid",
    "precision",
    "lat",
    "lon",
    "mentions",
]

ALERT_COLUMNS = ["id", "raised_at", "rule", "severity", "message", "document_id", "spans", "fact", "seen"]

EXPORT_KINDS = ("claims", "events", "places")


def export_rows(ledger: Any, kind: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Every stored claim, event or place (one of EXPORT_KINDS) with the columns an export gives, lat and lon
    included: the rows of `watchfloor export` and of the web API's exports."""
    if kind == "places":
        return ledger.places(), PLACE_COLUMNS
    if kind == "events":
        return ledger.events(), [*EVENT_COLUMNS, "lat", "lon"]
    return ledger.claims(limit=None), [*CLAIM_COLUMNS, "lat", "lon"]


def print_rows(rows: list[dict[str, Any]], columns: list[str], output_format: str) -> None:
    """Rows in the chosen format, each with only ``columns`` (in that order)."""
    if output_format == "json":
        picked = [{k: row.get(k) for k in columns if k in row} for row in rows]
        click.echo(json.dumps(picked, ensure_ascii=False, default=str, indent=2))
    elif output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps({k: row.get(k) for k in columns if k in row}, ensure_ascii=False, default=str))
    elif output_format == "csv":
        write_csv(sys.stdout, rows, columns)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for column in columns:
            table.add_column(escape(column), overflow="fold")
        for row in rows:
            cells = ("" if row.get(c) is None else str(row.get(c)) for c in columns)
            table.add_row(*(escape(cell[:19] if cell.startswith("sha256:") else cell) for cell in cells))
        Console(width=None if sys.stdout.isatty() else TABLE_WIDTH * 2).print(table)


def write_csv(handle: Any, rows: list[dict[str, Any]], columns: list[str]) -> None:
    """Rows as CSV on ``handle``: a header of ``columns``, then a line each (other keys left out)."""
    import csv

    writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)


def geojson_collection(rows: list[dict[str, Any]], columns: list[str]) -> tuple[dict[str, Any], int]:
    """Rows with ``lat`` and ``lon`` as one GeoJSON FeatureCollection of points, each with the other
    ``columns`` as its properties, and how many rows had no coordinates and were left out."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {k: row.get(k) for k in columns if k not in ("lat", "lon")},
        }
        for row in rows
        if row.get("lat") is not None and row.get("lon") is not None
    ]
    return {"type": "FeatureCollection", "features": features}, len(rows) - len(features)


def print_geojson(rows: list[dict[str, Any]], columns: list[str]) -> int:
    """``geojson_collection`` on stdout; returns how many rows were left out."""
    collection, left_out = geojson_collection(rows, columns)
    click.echo(json.dumps(collection, ensure_ascii=False, default=str, indent=1))
    return left_out


def escape(text: str) -> str:
    """Text from an article (or a path) as rich prints it verbatim: "[troops]" is not markup."""
    from rich.markup import escape as escape_markup

    return escape_markup(text)


def print_extractions(results: Iterable[Any], output_format: str) -> tuple[int, int]:
    """Print each result as it comes (skips to stderr). As json, one document is one pretty object and
    several are one array, streamed an element at a time."""
    from watchfloor.model import Skip
    from watchfloor.serialize import to_contract

    extracted = skipped = 0
    held = None
    for result in results:
        if isinstance(result, Skip):
            skipped += not result.ignored
            click.echo(f"{'ignored' if result.ignored else 'skipped'} {result.source}: {result.reason}", err=True)
            continue
        extracted += 1
        if output_format == "table":
            _print_table(result)
        elif output_format == "csv":
            _print_csv(result, header=extracted == 1)
        elif output_format == "jsonl":
            click.echo(json.dumps(to_contract(result), ensure_ascii=False))
        elif extracted == 1:
            held = result
        else:
            if held is not None:
                click.echo("[\n" + json.dumps(to_contract(held), ensure_ascii=False))
                held = None
            click.echo("," + json.dumps(to_contract(result), ensure_ascii=False))
    if held is not None:
        click.echo(pretty_json(to_contract(held)))
    elif output_format == "json" and extracted > 1:
        click.echo("]")
    return extracted, skipped


_PAIR = re.compile(r"\[\s+(-?\d+),\s+(-?\d+)\s+\]")


def pretty_json(value: Any) -> str:
    """Indented JSON with each [start, end] span kept on one line."""
    return _PAIR.sub(r"[\1, \2]", json.dumps(value, ensure_ascii=False, indent=2))


EXTRACTION_COLUMNS = ("kind", "id", "name", "country", "sector / where", "mentions")


def _print_table(extraction: Extraction) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else TABLE_WIDTH)
    document = extraction.document
    heading = document.title or document.source
    dated = document.published or (
        f"undated; latest date mentioned {extraction.latest_date}" if extraction.latest_date else "undated"
    )
    table = Table(title=escape(f"{heading} ({dated})"), title_justify="left", show_lines=False)
    for column in EXTRACTION_COLUMNS:
        table.add_column(column, overflow="fold")
    for row in _extraction_rows(extraction):
        table.add_row(*(escape(cell) for cell in row))
    console.print(table)
    console.print(
        f"  {len(extraction.claims)} claims, {len(extraction.events)} events  {escape(f'[{document.id[:19]}]')}\n"
    )


def _print_csv(extraction: Extraction, *, header: bool) -> None:
    """The table's rows as CSV, each led by the document's id (the header only before the first document)."""
    import csv

    writer = csv.writer(sys.stdout)
    if header:
        writer.writerow(["document", *EXTRACTION_COLUMNS])
    writer.writerows([extraction.document.id, *row] for row in _extraction_rows(extraction))


def _extraction_rows(extraction: Extraction) -> Iterator[tuple[str, ...]]:
    """One row (EXTRACTION_COLUMNS) per actor, place, time, claim and event of an extraction."""
    for actor in extraction.actors:
        yield actor.kind, actor.id, actor.name, actor.country or "", actor.sector or "", str(len(actor.mentions))
    for place in extraction.places:
        where = f"{place.lat:.2f}, {place.lon:.2f} ({place.precision})"
        yield "place", str(place.geonameid or ""), place.name, place.country or "", where, str(len(place.mentions))
    for time in extraction.times:
        interval = f"{time.start} .. {time.end}" if time.start else "unresolved"
        yield "time", time.grain, time.text, "", interval, "1"
    text = extraction.document.text
    for claim in extraction.claims:
        words = text[claim.span[0] : claim.span[1]]
        said = (claim.attribution.actor if claim.attribution else None) or "outlet"
        factuality = f"{claim.factuality.certainty}, {claim.factuality.polarity}"
        yield "claim", claim.quantity.unit or "", words, claim.subject or "", f"{said}; {factuality}", "1"
    for event in extraction.events:
        said = (event.attribution.actor if event.attribution else None) or "outlet"
        parties = f"{event.source or '?'} -> {event.target or '?'}"
        factuality = f"{event.factuality.certainty}, {event.factuality.polarity}"
        yield "event", event.type, f"{event.trigger.text}: {parties}", "", f"{said}; {factuality}", "1"


# GDELT 2.0 event-table column names (the GDELT Event Codebook V2.0) for the fields watchfloor has; the
# event code is the PLOVER type, not CAMEO's number, and the Goldstein column holds watchfloor's quad weight
GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name",
    "Actor2CountryCode", "IsRootEvent", "EventCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
    "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL", "Certainty", "Polarity", "Context", "DocumentId", "TriggerStart", "TriggerEnd",
)  # fmt: skip
QUAD_NUMBERS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}


def gdelt_rows(
    events: Iterable[Any], names: dict[str, str], quads: dict[str, tuple[str, float]], places: dict[str, str]
) -> list[dict[str, Any]]:
    """Events as rows of a GDELT-like flat table (one row per event; dates as YYYYMMDD)."""
    rows = []
    for number, event in enumerate(events, 1):
        quad, weight = quads.get(event["type"], ("", 0.0))
        when = (event_day(event) or "")[:10]
        added = event.get("ingested_at")
        stamp = added.strftime("%Y%m%d%H%M%S") if added is not None and hasattr(added, "strftime") else ""
        country = places.get(event.get("place") or "", "")
        rows.append({
            "GLOBALEVENTID": number, "SQLDATE": when.replace("-", ""),
            "Actor1Code": event.get("source") or "", "Actor1Name": names.get(event.get("source") or "", ""),
            "Actor1CountryCode": event.get("source_country") or "",
            "Actor2Code": event.get("target") or "", "Actor2Name": names.get(event.get("target") or "", ""),
            "Actor2CountryCode": event.get("target_country") or "", "IsRootEvent": 1,
            "EventCode": event["type"], "QuadClass": QUAD_NUMBERS.get(quad, ""), "GoldsteinScale": weight,
            "NumMentions": 1, "NumSources": 1, "NumArticles": 1, "ActionGeo_FullName": event.get("place") or "",
            "ActionGeo_CountryCode": country, "ActionGeo_Lat": event.get("lat"), "ActionGeo_Long": event.get("lon"),
            "DATEADDED": stamp,
            "SOURCEURL": event.get("url") or "", "Certainty": event["certainty"], "Polarity": event["polarity"],
            "Context": event.get("context") or "", "DocumentId": event["document_id"],
            "TriggerStart": event["trigger_start"], "TriggerEnd": event["trigger_end"],
        })  # fmt: skip
    return rows
