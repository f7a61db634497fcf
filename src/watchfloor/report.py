"""The brief: a Markdown situation report in which every sentence cites the article and span it rests on."""

from __future__ import annotations

from typing import Any

from watchfloor.correlate.tracks import load_track, summarize_tracks
from watchfloor.store.rows import ClaimRow, Marks

MAX_TRACKS = 5
MAX_EVENTS = 12


def _name(source: str, names: dict[str, str]) -> str:
    """A source in words: a state's name, an outlet's name ("outlet:Seoul Herald"), never a document id."""
    if source.startswith("outlet:"):
        outlet = source.removeprefix("outlet:")
        return "an unnamed outlet" if outlet.startswith("sha256:") else outlet
    return names.get(source, source)


# an event's context that keeps it out of the day's news, and the section it goes to instead
OTHER_SECTIONS = {"historical": "Background", "future": "Ahead", "hypothetical": "Ahead"}


def _preposition(event_type: str) -> str:
    from watchfloor import gazetteer

    table = {row[0]: row[1] for row in gazetteer.read_rows("event_prepositions.tsv")}
    return table.get(event_type, "against")


def _within(row: Any, since: str | None, until: str | None) -> bool:
    published = row.get("published")
    return (not since or (published or "") >= since) and (not until or bool(published and published <= until))


def _figure(row: ClaimRow) -> str:
    value, low, high = row.get("value"), row.get("low") or 0.0, row.get("high")
    if value is not None:
        prefix = {"~": "about ", "<=": "up to ", ">=": "at least ", ">": "more than ", "<": "fewer than "}
        return f"{prefix.get(row['bound'], '')}{_number(value)}"
    return f"{_number(low)} to {_number(high)}" if high else f"at least {_number(low)}"


def _number(value: float) -> str:
    """ "10,900", "1.5", "0.05": thousands separated, decimals only where the figure has them."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4f}".rstrip("0")


def write_brief(ledger: Any, *, actor: str | None = None, since: str | None = None, until: str | None = None) -> str:
    """The brief: a header (period, documents, sources), the main claim tracks source by source with their
    marks, the events, then background and future acts, each sentence followed by a citation [n] whose
    footnote quotes the span it rests on with its outlet, date, title and URL."""
    summaries = summarize_tracks(ledger, actor=actor, since=since, limit=MAX_TRACKS)
    ranked = [load_track(ledger, summary["track"]) for summary in summaries]
    for track in ranked:
        track.entries = [e for e in track.entries if _within(e, since, until)]
    ranked = [track for track in ranked if track.entries]
    # filtered in SQL: the last MAX_EVENTS of the day's news, and every background and future act
    chosen = {"party": actor, "published": (since, until)}
    other = tuple(OTHER_SECTIONS)
    news = ledger.events(**chosen, contexts=(False, other), newest=True, limit=MAX_EVENTS)
    events = ledger.events(**chosen, contexts=(True, other))
    cited: list[tuple[str, int, int]] = []
    names = _state_names()

    def cite(document_id: str, start: int, end: int) -> str:
        cited.append((document_id, start, end))
        return f"[^{len(cited)}]"

    lines: list[str] = []
    texts = ledger.documents({e["document_id"] for t in ranked for e in t.entries})
    for track in ranked:
        unit, owner, relation, where = ([*track.key.split("|"), "", "", ""])[:4]
        whose = f" of {names.get(owner, owner)}" if owner else ""
        lines += [f"## {unit}{whose} ({relation} {where.lstrip('@')})".replace(" )", ")").replace("()", ""), ""]
        for entry in track.entries:
            marks = entry["marks"]
            who = _name(marks["source"], names)
            verb = "denied the figure" if marks.get("denial") else "put the figure at"
            words = texts[entry["document_id"]]["text"][entry["span_start"] : entry["span_end"]]
            note = _note(marks, names)
            citation = cite(entry["document_id"], entry["span_start"], entry["span_end"])
            stated = _figure(entry)
            details = ", ".join(filter(None, [stated if stated != words else "", entry["certainty"], note]))
            lines.append(
                f"- {entry['published'] or 'undated'}: {who} {verb} \u201c{words}\u201d ({details}). {citation}"
            )
        lines.append("")
    sections = [("Events", news)]
    for title in dict.fromkeys(OTHER_SECTIONS.values()):
        sections.append((title, [e for e in events if OTHER_SECTIONS.get(e.get("context") or "") == title]))
    for title, chosen in sections:
        if chosen:
            lines += [f"## {title}", ""]
            lines += [_event_line(event, names, cite) for event in chosen]
            lines.append("")
    return "\n".join(_header(ledger, cited) + lines + _footnotes(ledger, cited))


def _event_line(event: Any, names: dict[str, str], cite: Any) -> str:
    target = names.get(event["target_country"] or "", event["target"]) if event["target"] else ""
    action = f"{event['type']} {_preposition(event['type'])} {target}" if target else event["type"]
    citation = cite(event["document_id"], event["trigger_start"], event["trigger_end"])
    source = names.get(event["source_country"] or "", event["source"])
    return (
        f"- {event['published'] or 'undated'}: {source}: {action}"
        f" ({event['certainty']}, {event['polarity']}). {citation}"
    )


def _header(ledger: Any, cited: list[tuple[str, int, int]]) -> list[str]:
    """The title and one line: the period the cited documents cover, how many documents and outlets."""
    documents = ledger.documents({document_id for document_id, _s, _e in cited})
    dates = sorted(d["published"] for d in documents.values() if d.get("published"))
    period = f"{dates[0]} to {dates[-1]}" if dates else "undated"
    outlets = {d.get("outlet") or document_id for document_id, d in documents.items()}
    line = f"Period covered: {period}; {len(documents)} documents from {len(outlets)} sources."
    return ["# Situation brief", "", line, ""]


def _note(marks: Marks, names: dict[str, str]) -> str:
    parts = []
    if marks.get("revises"):
        parts.append(f"revising its earlier {marks['revises']}")
    if marks.get("differs_same_day"):
        parts.append(f"reported the same day as {marks['differs_same_day']}")
    if marks.get("corroborated_by"):
        parts.append("agrees with " + ", ".join(_name(s, names) for s in marks["corroborated_by"]))
    if marks.get("contradicted_by"):
        parts.append("disagrees with " + ", ".join(_name(s, names) for s in marks["contradicted_by"]))
    return "; ".join(parts)


def _footnotes(ledger: Any, cited: list[tuple[str, int, int]]) -> list[str]:
    documents = ledger.documents({document_id for document_id, _s, _e in cited})
    lines = []
    for number, (document_id, start, end) in enumerate(cited, start=1):
        document = documents[document_id]
        quote = document["text"][start:end].replace("\n", " ")
        where = ", ".join(
            [
                document.get("outlet") or "unnamed outlet",
                document.get("published") or "undated",
                document.get("title") or "untitled",
                *([document["url"]] if document.get("url") else []),
            ]
        )
        lines.append(f'[^{number}]: "{quote}" ({where}; {document_id[:19]}, characters {start}-{end})')
    return lines


def _state_names() -> dict[str, str]:
    from watchfloor import gazetteer

    return {code: entry.name for code, entry in gazetteer.states().items()}
