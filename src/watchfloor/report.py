"""The brief: a Markdown situation report in which every sentence cites the article and span it rests on."""

from __future__ import annotations

import html
import re
from typing import Any

from watchfloor.correlate.tracks import load_track, stored_keys, summarize_tracks
from watchfloor.store.rows import ClaimRow, Marks, ultimate_source

MAX_TRACKS = 5
MAX_FIGURES = 12  # dated lines per track, the newest (the rest are counted, and `watchfloor track` lists them)
MAX_REPORTS = 3  # reports cited per event line (the rest are counted)
MAX_EVENT_GROUPS = 25  # event lines (one per dyad, type and polarity); the rest are counted


def _name(source: str, names: dict[str, str]) -> str:
    """A source in words: a state's name, an outlet's name ("outlet:Seoul Herald"), never a document id."""
    if source.startswith("outlet:"):
        outlet = source.removeprefix("outlet:")
        return "an unnamed outlet" if outlet.startswith("sha256:") else outlet
    return names.get(source, source)


# an event's context that keeps it out of the day's news, and the section it goes to instead
OTHER_SECTIONS = {"historical": "Background", "future": "Ahead", "hypothetical": "Ahead"}


def _verbs(event_type: str) -> tuple[str, str]:
    """How the brief words an event type, with a target and without (``data/brief_verbs.tsv``)."""
    from watchfloor import gazetteer

    table = {row[0]: (row[1], row[2]) for row in gazetteer.read_rows("brief_verbs.tsv")}
    return table.get(event_type, (f"{event_type} against", event_type))


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
    ranked = [load_track(ledger, summary["track"], MAX_FIGURES, (since, until)) for summary in summaries]
    ranked = [track for track in ranked if track.entries]
    names = _state_names()
    # filtered and counted in SQL: the news (every act counts) and the background and future acts, each
    # section's events grouped by who did what to whom (``_event_group``), only the groups shown read
    chosen = {"party": actor, "published": (since, until)}
    other = tuple(OTHER_SECTIONS)
    sections = [("Events", (False, other))]
    for title in dict.fromkeys(OTHER_SECTIONS.values()):
        sections.append((title, (True, tuple(c for c, t in OTHER_SECTIONS.items() if t == title))))
    grouped = ledger.event_sections(
        lambda e: _event_group(e, names), MAX_EVENT_GROUPS, dict(sections), MAX_REPORTS, **chosen
    )
    cited: list[tuple[str, int, int]] = []

    def cite(document_id: str, start: int, end: int) -> str:
        cited.append((document_id, start, end))
        return f"[^{len(cited)}]"

    lines: list[str] = []
    texts = ledger.documents({e["document_id"] for t in ranked for e in t.entries})
    for track in ranked:
        unit, owner, relation, where = ([*track.key.split("|"), "", "", ""])[:4]
        whose = f" of {names.get(owner, owner)}" if owner else ""
        lines += [f"## {unit}{whose} ({relation} {where.lstrip('@')})".replace(" )", ")").replace("()", ""), ""]
        deniers = [ultimate_source(e) for e in ledger.track_denials(stored_keys(ledger, track.key), since, until)]
        earlier = [entry for entry in track.earlier if _within(entry, since, until)]
        summary = _track_summary([*earlier, *track.entries], deniers, names)
        lines += [summary, ""] if summary else []
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
        if (more := (track.total or 0) - len(track.entries)) > 0:
            figures = "figure" if more == 1 else "figures"
            lines += ["", f"{more} earlier {figures}: `watchfloor track {track.key} --limit 0`."]
        lines.append("")
    for title, (groups, total, count) in grouped.items():
        if groups:
            lines += [f"## {title}", ""]
            lines += _event_lines(groups, total, count, names, cite)
            lines.append("")
    texts.update(ledger.documents({document_id for document_id, _s, _e in cited} - set(texts)))
    return "\n".join(_header(texts, cited) + lines + _footnotes(texts, cited))


def _track_summary(entries: list[ClaimRow], denied_by: list[str], names: dict[str, str]) -> str:
    """One line before a track's dated lines: each independent source's latest figure (of ``entries``, in
    order), the spread of those figures, and who denied (``denied_by``: the sources of every denial)."""
    latest: dict[str, ClaimRow] = {}
    deniers = [_name(source, names) for source in denied_by]
    for entry in entries:
        if not entry["marks"].get("denial"):
            latest[entry["marks"]["source"]] = entry
    parts = []
    if latest:
        figures = ", ".join(
            f"{_name(source, names)} {_figure(entry)} ({entry.get('published') or 'undated'})"
            for source, entry in sorted(latest.items(), key=lambda item: _name(item[0], names))
        )
        parts.append(f"Latest from each independent source: {figures}")
        values = [v for e in latest.values() for v in (e.get("value"), e.get("high")) if v is not None]
        if len(latest) > 1 and values and min(values) != max(values):
            parts.append(f"spread {_number(min(values))} to {_number(max(values))}")
    if deniers:
        parts.append("denied by " + ", ".join(dict.fromkeys(deniers)))
    return "; ".join(parts) + "." if parts else ""


def _event_group(event: Any, names: dict[str, str]) -> tuple[str, str, str, str]:
    """What the brief groups events by: who (in words, at state level), to whom, the type and the polarity."""
    source = _actor_name(event["source"], event["source_country"], names)
    target = _actor_name(event["target"], event["target_country"], names)
    return (source, target, event["type"], event["polarity"])


def _event_lines(groups: list[Any], total: int, count: int, names: dict[str, str], cite: Any) -> list[str]:
    """The largest event groups (``Ledger.event_groups``: most reports first, then by first date), each with
    its count, dates, certainties and first reports cited; then how many events and groups are left out."""
    lines = []
    for group in groups:
        members = group["events"]
        source, target, event_type, polarity = _event_group(members[0], names)
        with_target, without_target = _verbs(event_type)
        action = f"{with_target} {target}" if target else without_target
        who = source or "An unnamed party"
        said = f"{who} {action}" + (" (reported as not having happened)" if polarity == "negative" else "")
        first, last = group["first"] or "undated", group["last"] or "undated"
        when = first if first == last else f"{first} to {last}"
        reports = f"{group['reports']} reports" if group["reports"] > 1 else "1 report"
        citations = "".join(cite(m["document_id"], m["trigger_start"], m["trigger_end"]) for m in members)
        more = f" and {group['reports'] - len(members)} more reports" if group["reports"] > len(members) else ""
        certainties = ", ".join(group["certainties"])
        lines.append(f"- {when}: {said} [{event_type}; {reports}; {certainties}]. {citations}{more}")
    if count > len(groups):
        rest = total - sum(group["reports"] for group in groups)
        lines.append(f"- and {rest} more events in {count - len(groups)} other groups (`watchfloor events`).")
    return lines


def _header(texts: dict[str, dict[str, Any]], cited: list[tuple[str, int, int]]) -> list[str]:
    """The title and one line: the period the cited documents cover, how many documents and outlets."""
    documents = {document_id: texts[document_id] for document_id, _s, _e in cited}
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


def _footnotes(texts: dict[str, dict[str, Any]], cited: list[tuple[str, int, int]]) -> list[str]:
    lines = []
    for number, (document_id, start, end) in enumerate(cited, start=1):
        document = texts[document_id]
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


def _actor_name(actor: str | None, country: str | None, names: dict[str, str]) -> str:
    """An event's party in words, at state level where it has a state; else the gazetteer's name for it."""
    from watchfloor import gazetteer

    if not actor:
        return ""
    if country and country in names:
        return names[country]
    entry = gazetteer.named_actors().get(actor)
    return entry.name if entry else actor


def _state_names() -> dict[str, str]:
    from watchfloor import gazetteer

    return {code: entry.name for code, entry in gazetteer.states().items()}


HTML_STYLE = """body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
mark{background:#fff3a3;padding:0 .1em}sup a{text-decoration:none}ol.notes{font-size:.9rem;color:#444}
ol.notes li:target{background:#eef6ff}code{background:#f3f3f3;padding:0 .2em}"""


def to_html(markdown: str, title: str = "Situation brief") -> str:
    """The brief as one self-contained HTML page (no script, no outside file): headings, lists, the quoted
    spans highlighted, citations linked to their footnotes and back. Every piece of article text is escaped
    before any markup is added, so a quote holding markup shows as text."""
    body: list[str] = []
    notes: list[str] = []
    open_list = False
    for line in markdown.splitlines():
        note = re.match(r"\[\^(\d+)\]: (.*)$", line)
        if line.startswith("- ") != open_list and not note:
            body.append("<ul>" if not open_list else "</ul>")
            open_list = not open_list
        if note:
            number, rest = note.groups()
            notes.append(
                f'<li id="fn-{number}">{_inline(rest, quote_marks=True)} <a href="#ref-{number}">\u21a9</a></li>'
            )
        elif line.startswith("## "):
            body.append(f"<h2>{_inline(line[3:])}</h2>")
        elif line.startswith("# "):
            body.append(f"<h1>{_inline(line[2:])}</h1>")
        elif line.startswith("- "):
            body.append(f"<li>{_inline(line[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{_inline(line)}</p>")
    if open_list:
        body.append("</ul>")
    if notes:
        body += ["<h2>Sources</h2>", '<ol class="notes">', *notes, "</ol>"]
    return (
        f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"<style>{HTML_STYLE}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _inline(text: str, *, quote_marks: bool = False) -> str:
    """One line of the brief in HTML: escaped, then citations linked, “quotes” (or a footnote's leading
    "quote") highlighted, `code` set as code and web addresses linked."""
    out = html.escape(text, quote=True)
    out = re.sub(r"\[\^(\d+)\]", r'<sup><a href="#fn-\1" id="ref-\1">\1</a></sup>', out)
    out = re.sub("\u201c(.+?)\u201d", lambda found: f"<mark>{found.group(0)}</mark>", out)
    if quote_marks:
        out = re.sub(r"^&quot;(.*?)&quot; \(", r"<mark>\1</mark> (", out)
    out = re.sub(r"`([^`]+)`", r"<code>\1</code>", out)
    return re.sub(r"(https?://[^\s,;<]+)", r'<a href="\1">\1</a>', out)
