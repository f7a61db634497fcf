"""The dashboard: server-rendered HTML pages of the ledger, every fact linking to its highlighted span.

All pages go through one Jinja2 environment with autoescaping on for every template: article text is hostile
input and reaches the page only as escaped text.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader

from watchfloor.correlate.dyads import QUADS, load_dyad
from watchfloor.correlate.tracks import figure_text, load_track, load_tracks
from watchfloor.report import write_brief
from watchfloor.web import render

router = APIRouter()
NAV = (
    ("/", "Home"),
    ("/tracks", "Tracks"),
    ("/map", "Map"),
    ("/dyad", "Dyads"),
    ("/search", "Search"),
    ("/brief", "Brief"),
)


@lru_cache(maxsize=1)
def environment() -> Environment:
    folder = resources.files("watchfloor.web") / "templates"
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True)
    env.globals["nav"] = NAV
    env.filters["figure"] = lambda row: figure_text(row, bound=True)
    return env


def page(template: str, request: Request, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(path=request.url.path, **context)
    return HTMLResponse(html)


def _day(row: Any) -> str:
    return str(row.get("published") or row.get("latest_date") or "undated")[:10]


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    """What changed, by day: new figures, revisions, contradictions, denials and new events; alerts on top."""
    ledger = request.app.state.ledger
    days: dict[str, dict[str, list[dict[str, Any]]]] = {}
    kinds = ("figures", "revisions", "contradictions", "denials", "events")
    for track in load_tracks(ledger).values():
        for entry in track.entries:
            day = days.setdefault(_day(entry), {kind: [] for kind in kinds})
            marks = entry["marks"]
            item = {"row": entry, "track": track.key, "source": marks["source"]}
            day["figures"].append(item)
            if marks.get("revises"):
                day["revisions"].append({**item, "note": f"revises {marks['revises']}"})
            if marks.get("contradicted_by"):
                day["contradictions"].append({**item, "note": "disagrees with " + ", ".join(marks["contradicted_by"])})
            if marks.get("denial"):
                day["denials"].append(item)
    for event in ledger.events():
        days.setdefault(_day(event), {kind: [] for kind in kinds})["events"].append({"row": event})
    return page("home.html", request, days=sorted(days.items(), reverse=True), alerts=_alerts(ledger))


def _alerts(ledger: Any) -> list[Any]:
    """The latest alerts, when the ledger has the monitoring tables (an older ledger has none)."""
    from watchfloor.store.watch import WatchStore

    try:
        return list(WatchStore(ledger).alerts())[-50:]
    except Exception:
        return []


@router.get("/tracks", response_class=HTMLResponse)
def tracks(request: Request) -> HTMLResponse:
    from watchfloor.correlate.tracks import summarize_tracks

    return page("tracks.html", request, tracks=summarize_tracks(request.app.state.ledger, limit=200))


@router.get("/track/{key:path}", response_class=HTMLResponse)
def track(request: Request, key: str) -> HTMLResponse:
    """One track: a chart of each source's figures over time and the figures with their quoted spans."""
    ledger = request.app.state.ledger
    found = load_track(ledger, key, TRACK_PAGE)
    if not found.entries:
        raise HTTPException(404, f"no track {key!r}; see /tracks")
    texts = ledger.documents({e["document_id"] for e in found.entries})
    claims = {(r["document_id"], r["span_start"]): r["claim_id"] for r in _claim_ids(ledger, texts)}
    entries: list[dict[str, Any]] = [
        {
            **entry,
            "claim_id": claims.get((entry["document_id"], entry["span_start"]), ""),
            "quote": texts[entry["document_id"]]["text"][entry["span_start"] : entry["span_end"]],
        }
        for entry in found.entries
    ]
    chart = render.track_chart(entries)
    return page("track.html", request, key=key, entries=entries, chart=chart, total=found.total)


TRACK_PAGE = 500  # the newest figures a track's page charts and lists
DYAD_EXAMPLES = 5  # events the dyad page lists per week (all are counted)


def _claim_ids(ledger: Any, texts: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for document_id in texts:
        rows += [{**row, "document_id": document_id} for row in ledger.document_facts(document_id)["claims"]]
    return rows


@router.get("/article/{document_id}", response_class=HTMLResponse)
def article(request: Request, document_id: str) -> HTMLResponse:
    """The document's text with every fact highlighted at its span, and a side list of the facts."""
    ledger = request.app.state.ledger
    document = ledger.documents({document_id}).get(document_id)
    if document is None:
        raise HTTPException(404, f"no document {document_id!r}")
    facts = ledger.document_facts(document_id)
    marks = render.fact_spans(facts)
    side_list = sorted(marks, key=lambda m: (m.kind, m.start))
    pieces = render.highlight(document["text"], marks)
    return page("article.html", request, document=document, pieces=pieces, marks=side_list)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    """Events and claims as points on country outlines, each point's radius by its place's precision."""
    ledger = request.app.state.ledger
    precision = {(p["document_id"], p["name"]): p["precision"] for p in ledger.places()}
    points = []
    for kind, rows, anchor in (
        ("event", ledger.events(), "event_id"),
        ("claim", ledger.claims(limit=5000), "claim_id"),
    ):
        for row in rows:
            if row.get("lat") is None or row.get("lon") is None:
                continue
            x, y, r = render.map_point(row["lat"], row["lon"], precision.get((row["document_id"], row.get("place"))))
            label = row["type"] if kind == "event" else figure_text(row, bound=True) + f" {row.get('unit') or ''}"
            href = f"/article/{row['document_id']}#{row[anchor]}"
            points.append(
                {"x": x, "y": y, "r": r, "kind": kind, "label": f"{label} at {row.get('place')}", "href": href}
            )
    return page("map.html", request, basemap=render.basemap(), points=points)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, a: str | None = None, b: str | None = None) -> HTMLResponse:
    """The weekly series of events from one party to another; without parties, the busiest pair."""
    ledger = request.app.state.ledger
    pairs = ledger.busiest_pairs(20)
    if not (a and b) and pairs:
        a, b, _count = pairs[0]
    series = load_dyad(ledger, a, b, "week", DYAD_EXAMPLES) if a and b else []
    chart = render.dyad_chart(render.fill_weeks(series, QUADS), QUADS)
    choices = [f"{x}/{y}" for x, y, _count in pairs]
    return page("dyad.html", request, a=a, b=b, series=series, chart=chart, choices=choices)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "") -> HTMLResponse:
    results = request.app.state.ledger.search(q, limit=50) if q.strip() else []
    return page("search.html", request, q=q, results=results)


@router.get("/brief", response_class=HTMLResponse)
def brief(request: Request) -> HTMLResponse:
    """The brief (``report.write_brief``) as HTML, each citation linking to the span it quotes."""
    ledger = request.app.state.ledger
    markdown = write_brief(ledger)
    ids = sorted({row["document_id"] for row in ledger.events()} | {row["document_id"] for row in ledger.claims()})
    return page("brief.html", request, **render.brief_blocks(markdown, ids))
