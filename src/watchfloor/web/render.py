"""What the dashboard draws, as plain numbers and text pieces: the templates turn them into escaped markup.

Nothing here builds HTML strings, so article text (hostile input) only ever reaches the page through Jinja2's
autoescaping.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from watchfloor.correlate.tracks import figure_text

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2")
# a point's radius on the map (in basemap degrees) by how precisely its place is known
PRECISION_RADIUS = {"city": 1.2, "district": 2.0, "admin": 3.0, "region": 3.5, "water": 4.0, "country": 5.0}


@dataclass
class Mark:
    """One highlighted span: its element id, kind (claim, event, place, actor), label and nested pieces."""

    id: str
    kind: str
    label: str
    start: int
    end: int
    pieces: list[Any] = field(default_factory=list)


def fact_spans(facts: dict[str, list[Any]]) -> list[Mark]:
    """Every fact's span as a mark: claims and events by their own ids, each place and actor mention numbered."""
    marks = [
        Mark(row["claim_id"], "claim", figure_text(row, bound=True), row["span_start"], row["span_end"])
        for row in facts.get("claims", [])
    ]
    marks += [
        Mark(row["event_id"], "event", row["type"], row["trigger_start"], row["trigger_end"])
        for row in facts.get("events", [])
    ]
    for kind, rows, name in (("place", facts.get("places", []), "name"), ("actor", facts.get("actors", []), "name")):
        for number, row in enumerate(rows, start=1):
            for index, (start, end) in enumerate(row["mentions"] or [], start=1):
                marks.append(Mark(f"{kind[0]}{number}-{index}", kind, str(row[name]), int(start), int(end)))
    return marks


def highlight(text: str, marks: list[Mark]) -> list[Any]:
    """The text as pieces: plain strings and marks holding their own pieces, properly nested. A span that
    crosses its enclosing mark's end is cut there (the highlight stays; only the markup must nest)."""
    root = Mark("", "", "", 0, len(text))
    stack = [root]
    position = 0
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        start, end = max(0, min(mark.start, len(text))), max(0, min(mark.end, len(text)))
        if end <= start:
            continue
        while len(stack) > 1 and stack[-1].end <= start:
            _close(text, stack, position)
            position = stack.pop().end
        start = max(start, position)
        if start > position:
            stack[-1].pieces.append(text[position:start])
        mark.start, mark.end = start, min(end, stack[-1].end)
        stack[-1].pieces.append(mark)
        stack.append(mark)
        position = start
    while len(stack) > 1:
        _close(text, stack, position)
        position = stack.pop().end
    if position < len(text):
        root.pieces.append(text[position:])
    return root.pieces


def _close(text: str, stack: list[Mark], position: int) -> None:
    if position < stack[-1].end:
        stack[-1].pieces.append(text[position : stack[-1].end])


@dataclass
class Point:
    """One figure on a track chart, in chart pixels, with what it is and where it is quoted."""

    x: float
    y: float
    shape: str  # "dot", "atleast", "atmost", "range", "denial"
    y2: float
    color: str
    label: str
    href: str


def track_chart(entries: list[Any], width: int = 720, height: int = 300) -> dict[str, Any]:
    """A track's figures as chart geometry: x by date, y by value (0 at the bottom), one color per source;
    bounds as triangles pointing the open way, ranges as bars, denials as crosses; exact figures joined."""
    left, right, top, bottom = 60, 20, 20, 40
    dated = [e for e in entries if e.get("published") or e.get("latest_date")]
    if not dated:
        return {"points": [], "lines": [], "width": width, "height": height, "ticks": [], "legend": [], "dates": []}
    days = [date.fromisoformat(str(e.get("published") or e.get("latest_date"))[:10]).toordinal() for e in dated]
    values = [v for e in dated for v in (e.get("value"), e.get("low"), e.get("high")) if v is not None]
    first, last, peak = min(days), max(days), max(values or [1.0]) * 1.1 or 1.0

    def x(day: int) -> float:
        return left + (width - left - right) * ((day - first) / (last - first) if last > first else 0.5)

    def y(value: float) -> float:
        return top + (height - top - bottom) * (1 - value / peak)

    sources = list(dict.fromkeys(e["marks"]["source"] for e in dated))
    color = {source: COLORS[i % len(COLORS)] for i, source in enumerate(sources)}
    points: list[Point] = []
    lines: dict[str, list[str]] = {source: [] for source in sources}
    for day, entry in zip(days, dated, strict=True):
        source = entry["marks"]["source"]
        px, value, low, high = x(day), entry.get("value"), entry.get("low"), entry.get("high")
        label = f"{entry.get('published') or ''} {source}: {figure_text(entry, bound=True)}"
        href = f"/article/{entry['document_id']}#{entry.get('claim_id', '')}"
        if entry["marks"].get("denial"):
            shape, py, py2 = "denial", y(value or low or 0), 0.0
        elif value is None:
            shape, py, py2 = ("range", y(high), y(low or 0)) if high is not None else ("atleast", y(low or 0), 0.0)
        else:
            bound = entry.get("bound", "=")
            shape = "atleast" if bound in (">=", ">") else "atmost" if bound in ("<=", "<") else "dot"
            py, py2 = y(value), 0.0
            if shape == "dot":
                lines[source].append(f"{px:.1f},{py:.1f}")
        points.append(Point(px, py, shape, py2, color[source], label, href))
    ticks = [(y(peak / 1.1 * i / 4), f"{peak / 1.1 * i / 4:,.0f}") for i in range(5)]
    dates = [(x(d), date.fromordinal(d).isoformat()) for d in sorted({first, last})]
    return {
        "points": points,
        "lines": [(color[s], " ".join(pts)) for s, pts in lines.items() if len(pts) > 1],
        "legend": [(color[s], s) for s in sources],
        "ticks": ticks,
        "dates": dates,
        "width": width,
        "height": height,
        "left": left,
        "bottom": height - bottom,
    }


@lru_cache(maxsize=1)
def basemap() -> dict[str, Any]:
    """Country outlines as SVG paths in an equirectangular 360x180 frame (built by tools/build_basemap.py)."""
    text = (resources.files("watchfloor.data") / "basemap_110m.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def map_point(lat: float, lon: float, precision: str | None) -> tuple[float, float, float]:
    """A point in the basemap's frame (x = lon + 180, y = 90 - lat) and its radius by precision."""
    return lon + 180.0, 90.0 - lat, PRECISION_RADIUS.get(precision or "", 1.5)


def fill_weeks(series: list[Any], quads: tuple[str, ...]) -> list[Any]:
    """The weekly series with its quiet weeks put back as empty points, so the chart's x axis is time."""
    if not series:
        return []
    by_week = {point["period"]: point for point in series}
    year, week = (int(part) for part in series[0]["period"].split("-W"))
    day, last = date.fromisocalendar(year, week, 1), series[-1]["period"]
    filled = []
    while True:
        iso = day.isocalendar()
        key = f"{iso.year}-W{iso.week:02d}"
        filled.append(by_week.get(key, {"period": key, "counts": dict.fromkeys(quads, 0), "score": 0.0, "events": []}))
        if key >= last:
            return filled
        day = date.fromordinal(day.toordinal() + 7)


def dyad_chart(series: list[Any], quads: tuple[str, ...], width: int = 720, height: int = 260) -> dict[str, Any]:
    """A dyad's weekly series as stacked bars (events per quad class) with the score written above each bar."""
    left, bottom, top = 40, height - 40, 20
    peak = max([sum(p["counts"].values()) for p in series] or [1]) or 1
    step = (width - left - 10) / max(len(series), 1)
    bars = []
    for index, point in enumerate(series):
        base = float(bottom)
        for quad_index, quad in enumerate(quads):
            count = point["counts"].get(quad, 0)
            tall = (bottom - top) * count / peak
            if count:
                bars.append(
                    {
                        "x": left + index * step + 2,
                        "y": base - tall,
                        "w": max(step - 4, 1),
                        "h": tall,
                        "color": COLORS[quad_index],
                        "label": f"{point['period']}: {count} {quad}",
                    }
                )
            base -= tall
    labels = [(left + i * step + step / 2, p["period"], p["score"]) for i, p in enumerate(series)]
    legend = [(COLORS[i], quad) for i, quad in enumerate(quads)]
    return {"bars": bars, "labels": labels, "legend": legend, "width": width, "height": height, "bottom": bottom}


CITATION = re.compile(r"\[\^(\d+)\]")
FOOTNOTE = re.compile(r"^\[\^(\d+)\]: .*; (sha256:[0-9a-f]+), characters (\d+)-(\d+)\)$")


def brief_blocks(markdown: str, document_ids: list[str]) -> dict[str, Any]:
    """The brief's Markdown as blocks (headings, paragraphs, list items, footnotes), each a list of text and
    citation pieces; a footnote's document id prefix is resolved against ``document_ids`` to link its span."""
    notes: dict[str, str] = {}
    footnotes, blocks = [], []
    for line in markdown.splitlines():
        found = FOOTNOTE.match(line)
        if found:
            number, prefix, start, _end = found.groups()
            whole = next((d for d in document_ids if d.startswith(prefix)), None)
            href = f"/article/{whole}#s{start}-{_end}" if whole else ""
            notes[number] = href
            footnotes.append({"number": number, "text": line.split(": ", 1)[1], "href": href})
    for line in markdown.splitlines():
        if not line.strip() or FOOTNOTE.match(line):
            continue
        kind = "h1" if line.startswith("# ") else "h2" if line.startswith("## ") else "li" if line[:2] == "- " else "p"
        body = line.lstrip("#- ").strip() if kind != "p" else line
        pieces: list[Any] = []
        for index, part in enumerate(CITATION.split(body)):
            if part:
                pieces.append({"cite": part, "href": notes.get(part, "")} if index % 2 else part)
        blocks.append({"kind": kind, "pieces": pieces})
    return {"blocks": blocks, "footnotes": footnotes}
