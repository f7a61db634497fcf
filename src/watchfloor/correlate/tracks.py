"""Claim tracks: figures about the same thing, and whether independent sources agree.

Grouping: a track is (unit class, whose figure, what happened, where to or where): "troops|PRK|deploy|RUS"
holds "1,500 special forces troops sent to Russia" and "up to 12,000 soldiers deployed to Russia". Units of one class
(``data/unit_classes.tsv``) share a track; owners and destinations are taken at state level (an organ's
figures are its state's).

Partial keys: a clause may omit a part of the key ("troops|PRK|deploy|", no destination stated) or name a
place inside the destination ("troops|PRK|deploy|@Kursk", Kursk being in Russia). Such a key joins the track
it fits when exactly one fuller stored key of the same unit class and relation fits it (``canonical_keys``).
This is done when tracks are read, not at ingest, so a figure stored before its fuller track appears joins
it as well; with two fuller candidates the figure stays on its own key.

Changes: a figure marked as a change ("3,000 more", "an additional 1,000": ``quantity.change``) keys a track of
its own ("troops|RUS|deploy:increase|BLR"), so it is never read as a revision of the total.

Misread destinations: a force's destination is the party it is sent to help, never the enemy it is sent
against. When the ledger's events show the owner helping X (material cooperation) and X at war with Y
(material conflict), a key of that owner with destination Y (or a place in Y) is the help sent to X:
"troops|PRK|deploy|UKR" joins "troops|PRK|deploy|RUS", and Y is no candidate for partial keys. Two
destinations with no war between them (a second deployment elsewhere) stay two tracks.

Tolerance: each figure is an interval. Exact figures allow 2% for rounding; "about"/"some"/"approximately"
and vague amounts allow 10% either side; "up to N" is [0, N], "nearly N" [0.9N, N], "at least"/"more than N"
[N, inf), "fewer than N" [0, N); ranges and vague amounts are their [low, high]. Two figures agree when their
intervals overlap: "approximately 10,900" agrees with "11,000", "3,000" does not.

Independence: a figure's ultimate source is the last link of its citation chain ("Yonhap, citing the NIS" ->
the NIS), counted at state level (two Ukrainian agencies are one source); the outlet's own figures count
per outlet; wire copies of a story are left out (their figures are the original's).
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypedDict, cast

from watchfloor import gazetteer
from watchfloor.correlate.dyads import Alignment, alignment
from watchfloor.errors import UnknownValueError
from watchfloor.gazetteer import unit_class
from watchfloor.store.queries import chronological_key
from watchfloor.store.rows import ClaimRow, Marks, ultimate_source

if TYPE_CHECKING:
    from watchfloor.model import Claim, Extraction
    from watchfloor.store.ledger import Ledger

EXACT_TOLERANCE = 0.02
APPROXIMATE_TOLERANCE = 0.10


def track_key(
    unit: str | None,
    subject: str | None,
    target: str | None,
    place: str | None,
    relation: str | None = None,
    change: str | None = None,
) -> str:
    """The key that groups claims about the same thing: unit class, owner, what happened to them, and where
    to (or, without a destination actor, where). A change ("3,000 more troops") is not a figure of the total:
    it keys its own track of changes, its relation marked with the change ("deploy:increase")."""
    where = target or ("@" + place if place else "")
    what = f"{relation or ''}:{change}" if change else relation or ""
    return "|".join([unit_class(unit), subject or "", what, where])


def canonical_keys(
    keys: Iterable[str], place_countries: Mapping[str, str], sides: Alignment | None = None
) -> dict[str, str]:
    """Each stored key's track: the track of the party its destination is the enemy of (``_helped_instead``),
    else the one fuller key it fits (see the module documentation), else itself."""
    sides = sides or Alignment()
    by_kind: dict[tuple[str, str], list[str]] = {}  # only keys of one unit class and relation can fit
    for key in sorted(set(keys)):
        unit, _owner, relation, _where = _parts(key)
        by_kind.setdefault((unit, relation), []).append(key)
    mapping = {}
    for kind in by_kind.values():
        helped = {key: _helped_instead(key, kind, place_countries, sides) for key in kind}
        for key in kind:
            if helped[key]:
                mapping[key] = helped[key][0] if len(helped[key]) == 1 else key
                continue
            candidates = [o for o in kind if o != key and not helped[o] and _fits(key, o, place_countries)]
            fullest = [c for c in candidates if not any(o != c and _fits(c, o, place_countries) for o in candidates)]
            mapping[key] = fullest[0] if len(fullest) == 1 else key
    return mapping


def _parts(key: str) -> list[str]:
    """A key's unit class, owner, relation and destination (or "@place")."""
    return [*key.split("|"), "", "", "", ""][:4]


def _helped_instead(key: str, kind: list[str], place_countries: Mapping[str, str], sides: Alignment) -> list[str]:
    """The keys of the same owner, unit class and relation whose destination the owner helps and that is at
    war with this key's destination (or its place's country): "troops|PRK|deploy|UKR" beside
    "troops|PRK|deploy|RUS" when the ledger shows North Korea aiding Russia and Russia fighting Ukraine. A
    force's destination is the party it is sent to help; its enemy named as destination ("sent to fight in
    Ukraine") is a misreading, and those figures belong to the helped party's track."""
    _unit, owner, _relation, where = _parts(key)
    enemy = place_countries.get(where[1:], "") if where.startswith("@") else where
    if not owner or not enemy:
        return []
    found = []
    for other in kind:
        helped = _parts(other)[3]
        if _parts(other)[1] != owner or not helped or helped.startswith("@") or helped == enemy:
            continue
        if sides.sides_with(owner, helped) and sides.at_war(helped, enemy):
            found.append(other)
    return found


def _fits(partial: str, other: str, place_countries: Mapping[str, str]) -> bool:
    """Whether ``other`` says all that ``partial`` says: same unit class and relation, the owner and the
    destination equal or missing in ``partial``, or ``partial``'s place inside ``other``'s destination."""
    unit, owner, relation, where = _parts(partial)
    other_unit, other_owner, other_relation, other_where = _parts(other)
    if unit != other_unit or relation != other_relation or not relation:
        return False
    if owner not in ("", other_owner):
        return False
    if where in ("", other_where):
        return True
    inside = where.startswith("@") and not other_where.startswith("@") and other_where != ""
    return inside and place_countries.get(where[1:]) == other_where


def track_groups(ledger: Ledger) -> dict[str, str]:
    """The ledger's stored track keys mapped to their tracks (``canonical_keys``), computed once per ingest."""
    groups: dict[str, str] = ledger.memo(
        "track_groups",
        lambda: canonical_keys(ledger.track_keys(), ledger.place_countries(), alignment(ledger.event_pairs())),
    )
    return groups


def summarize_tracks(ledger: Ledger, **filters: Any) -> list[dict[str, Any]]:
    """Tracks by size without loading them (``Ledger.track_summaries``), partial keys joined to their tracks."""
    return ledger.track_summaries(groups=track_groups(ledger), **filters)


def claim_track_keys(extraction: Extraction) -> dict[str, str | None]:
    """Each claim's track key by claim id (None for a figure without a unit), owners and destinations taken
    at state level; ``Ledger.ingest`` stores them."""
    countries = {actor.id: actor.country for actor in extraction.actors}
    return {claim.id: _claim_track_key(claim, countries) for claim in extraction.claims}


def _claim_track_key(claim: Claim, countries: dict[str, str | None]) -> str | None:
    unit = claim.quantity.unit
    if not unit:
        return None
    return track_key(
        unit,
        countries.get(claim.subject or "") or claim.subject,
        countries.get(claim.target or "") or claim.target,
        claim.place,
        claim.relation,
        claim.quantity.change,
    )


def interval(row: ClaimRow) -> tuple[float, float]:
    """The values a stated figure allows (see the module documentation)."""
    low, high, value, bound = row.get("low"), row.get("high"), row.get("value"), row.get("bound")
    if value is None:
        return float(low or 0), float(high if high is not None else math.inf)
    value = float(value)
    spread = APPROXIMATE_TOLERANCE if row.get("approximate") or bound == "~" else EXACT_TOLERANCE
    if bound in (">=", ">"):
        return value, math.inf
    if bound in ("<=", "<"):
        return ((1 - spread) * value if row.get("approximate") else 0.0), value
    return (1 - spread) * value, (1 + spread) * value


def agree(first: ClaimRow, second: ClaimRow) -> bool:
    a, b = _interval_of(first), _interval_of(second)
    return a[0] <= b[1] and b[0] <= a[1]


def _interval_of(row: ClaimRow) -> tuple[float, float]:
    """The row's interval, computed once (tracks compare every figure with every source's latest)."""
    cached = row.get("_interval")
    if cached is None:
        cached = row["_interval"] = interval(row)
    return cached


@dataclass
class Track:
    """A track's figures in the documents' order; ``total`` is how many the whole track holds when
    ``entries`` are only its newest page (``load_track`` with a limit), else None."""

    key: str
    entries: list[ClaimRow] = field(default_factory=list)
    total: int | None = None
    # with a page: each source's latest figure before it that is no denial (what the page's marks rest on)
    earlier: list[ClaimRow] = field(default_factory=list)

    @property
    def sources(self) -> set[str]:
        return {ultimate_source(e) for e in self.entries}


def chronological(rows: list[ClaimRow]) -> list[ClaimRow]:
    """Claims in the order they were stated: the ledger's one document order (``store.queries.chronological_key``:
    by date, undated last by ingest time), then by position."""
    return sorted(rows, key=chronological_key)


def build_tracks(rows: list[ClaimRow], groups: Mapping[str, str] | None = None) -> dict[str, Track]:
    """Tracks from claim rows (copies already left out), each in date order with agreement marks; ``groups``
    maps stored keys to their tracks (``canonical_keys``)."""
    tracks: dict[str, Track] = {}
    groups = groups or {}
    for row in chronological(rows):
        key = row.get("track_key") or ""
        key = groups.get(key, key)
        tracks.setdefault(key, Track(key)).entries.append(row)
    for track in tracks.values():
        mark(track)
    return tracks


def load_tracks(ledger: Ledger, **filters: Any) -> dict[str, Track]:
    """Tracks over the ledger's latest claims (``Ledger.claims`` filters), wire copies left out."""
    rows = ledger.claims(limit=10_000_000, **filters)
    copies = ledger.copies()
    kept = [row for row in rows if row["document_id"] not in copies and row["track_key"]]
    return build_tracks(kept, track_groups(ledger))


def latest_tracks(ledger: Ledger) -> dict[str, Track]:
    """Tracks holding only each source's latest figure, from the summary table (``store.summaries``), in the
    order ``load_tracks`` gives them (by their first figure): enough for ``contradictions``, without loading
    every claim."""
    groups = track_groups(ledger)
    latest: dict[tuple[str, str], ClaimRow] = {}
    first: dict[str, tuple[Any, ...]] = {}
    for item in ledger.latest_claims():
        start = item.pop("_first")
        row = cast(ClaimRow, item)
        key = groups.get(row["track_key"] or "", row["track_key"] or "")
        first[key] = min(first.get(key, start), start)
        pair = (key, ultimate_source(row))
        if pair not in latest or chronological_key(row) > chronological_key(latest[pair]):
            latest[pair] = row
    tracks = {key: Track(key) for key in sorted(first, key=first.__getitem__)}
    for (key, _source), row in latest.items():
        tracks[key].entries.append(row)
    for track in tracks.values():
        track.entries = chronological(track.entries)
    return tracks


def load_track(
    ledger: Ledger, key: str, limit: int | None = None, window: tuple[str | None, str | None] = (None, None)
) -> Track:
    """One track by its key, from an indexed query (no need to build every track), marked: all of it, or with
    ``limit`` only its newest ``limit`` figures (published within ``window`` if given; ``total`` says how
    many there are), marked exactly as in the whole track (``newest_page``)."""
    if limit is None:
        track = Track(key, chronological(ledger.track_claims(*stored_keys(ledger, key))))
        mark(track)
        return track
    return newest_page(ledger, key, stored_keys(ledger, key), limit, window)


def stored_keys(ledger: Ledger, key: str) -> list[str]:
    """The stored keys whose figures make up the track ``key`` (``track_groups``)."""
    return [other for other, track_of in track_groups(ledger).items() if track_of == key] or [key]


PAGE_CHUNK = 200  # claims read per query while walking a track backwards


def newest_page(
    ledger: Ledger, key: str, stored: list[str], limit: int, window: tuple[str | None, str | None] = (None, None)
) -> Track:
    """The newest ``limit`` figures of the track of the ``stored`` keys, marked as ``mark`` marks the whole
    track; with a ``window`` (since, until: publication dates, undated figures left out), the newest within
    it, ``total`` counting the figures in it. A mark depends only on each source's latest figure before it,
    so the walk backwards goes on past the page until it has met, for every source whose first figure is
    older than the page (``Ledger.track_size``), its latest earlier figure that is not a denial; those figures
    precede the page when it is marked, then are kept apart (``earlier``). Within a track every figure is of
    one kind (a change keys a track of its own), so one figure a source is enough."""
    since, until = window
    total, firsts = ledger.track_size(stored)
    if since or until:
        total = ledger.track_count(stored, since, until)
    newest = _newest_first(ledger, stored, limit + 20)
    page: list[ClaimRow] = []
    for row in newest if limit else ():
        published = row.get("published")
        if ((since or until) and not published) or (until and published and published > until):
            continue  # newer than the window: no figure in it rests on this one
        if since and published and published < since:
            newest = itertools.chain([row], newest)  # older than the window: where the walk for marks starts
            break
        page.append(row)
        if len(page) == limit:
            break
    context: list[ClaimRow] = []
    if page:
        oldest = chronological_key(page[-1])
        needed = {source for source, first in firsts.items() if first < oldest}
        for row in newest if needed else ():
            order = chronological_key(row)
            needed = {source for source in needed if firsts[source] <= order}  # no figure of theirs is older
            source = ultimate_source(row)
            if source in needed and row.get("polarity") != "negative":
                context.append(row)
                needed.discard(source)
            if not needed:
                break
    track = Track(key, [*context[::-1], *page[::-1]], total=max(total, len(page)))
    mark(track)
    track.earlier, track.entries = track.entries[: len(context)], track.entries[len(context) :]
    return track


def _newest_first(ledger: Ledger, stored: list[str], first: int = PAGE_CHUNK) -> Iterator[ClaimRow]:
    """The claims of the stored keys, newest first, read in chunks (each key along its index, merged), the
    first of ``first`` claims (a page and a little more: the sources' earlier figures are often near)."""

    def walk(key: str) -> Iterator[ClaimRow]:
        offset, size = 0, first
        while True:
            rows = ledger.track_newest(key, offset, size)
            yield from rows
            if len(rows) < size:
                return
            offset, size = offset + size, PAGE_CHUNK

    walks = [walk(key) for key in stored]
    yield from walks[0] if len(walks) == 1 else heapq.merge(*walks, key=chronological_key, reverse=True)


def find_track(ledger: Ledger, key: str, limit: int | None = None) -> Track:
    """The track of ``key``, or of the one track whose key starts with it (``load_track``); raises
    UnknownValueError (with the matching keys) when none or several match."""
    chosen = load_track(ledger, key, limit)
    if chosen.entries:
        return chosen
    matches = [other for other in track_groups(ledger).values() if other.startswith(key)]
    matches = list(dict.fromkeys(matches))
    if len(matches) != 1:
        raise UnknownValueError(f"{len(matches)} tracks match {key!r}; see `watchfloor tracks`", matches)
    return load_track(ledger, matches[0], limit)


def entry_row(entry: Any) -> dict[str, Any]:
    """One marked track entry as a listing row: its figure as text and its marks as one readable string."""
    marks = entry["marks"]
    flags = [name for name in ("denial",) if marks.get(name)]
    flags += [f"revises {marks['revises']}"] if marks.get("revises") else []
    flags += [f"same day {marks['differs_same_day']}"] if marks.get("differs_same_day") else []
    flags += [f"agrees: {','.join(marks['corroborated_by'])}"] if marks["corroborated_by"] else []
    flags += [f"disagrees: {','.join(marks['contradicted_by'])}"] if marks["contradicted_by"] else []
    return {
        "published": entry["published"],
        "figure": figure_text(entry, bound=True),
        **{name: entry[name] for name in ("value", "low", "high", "bound", "span_start", "span_end")},
        "source": marks["source"],
        "speaker": speaker_text(entry),
        "certainty": entry["certainty"],
        "marks": "; ".join(flags),
        "document": entry["document_id"],
        "span": f"{entry['span_start']}-{entry['span_end']}",
    }


def speaker_text(entry: Any) -> str | None:
    """Who states a figure and whom they cite, from its citation chain: "Yonhap (citing National Intelligence
    Service)", so a listing shows why a wire's figure counts as its source's."""
    cited = [gazetteer.actor_name(link) for link in (entry.get("chain") or [])[1:]]
    speaker: str | None = entry.get("speaker")
    if not cited or not speaker:
        return speaker
    return f"{speaker} (citing {', '.join(cited)})"


def mark(track: Track) -> None:
    """Set each entry's ``marks``: denial, revision of the same source's earlier figure, and the independent
    sources whose latest earlier-or-same-day figure agrees (corroborated_by) or does not (contradicted_by)."""
    latest: dict[str, ClaimRow] = {}
    # a change ("3,000 more") says how far the total moved: it is compared with the same source's changes only,
    # so it neither revises nor is revised by a total (such keys differ anyway; this holds within one track too)
    latest_kind: dict[tuple[str, str | None], ClaimRow] = {}
    for entry in track.entries:
        source, change = ultimate_source(entry), entry.get("change") or None
        marks: Marks = {"source": source, "corroborated_by": [], "contradicted_by": []}
        if entry.get("polarity") == "negative":
            marks["denial"] = True
        previous = latest_kind.get((source, change))
        if previous is not None and not agree(previous, entry) and entry.get("polarity") != "negative":
            same_day = previous.get("published") == entry.get("published")
            # the same source on the same day, reported twice with different figures: a discrepancy in the
            # reporting ("a couple of thousand" / "several thousand"), not the source changing its mind
            marks["differs_same_day" if same_day else "revises"] = figure_text(previous)
        for other_source, other in latest.items():
            if other_source == source or other.get("polarity") == "negative" or entry.get("polarity") == "negative":
                continue
            if (other.get("change") or None) != change:
                continue
            (marks["corroborated_by"] if agree(other, entry) else marks["contradicted_by"]).append(other_source)
        marks["corroborated_by"].sort()  # sets of sources, in one order whatever order they first spoke in
        marks["contradicted_by"].sort()
        entry["marks"] = marks
        if entry.get("polarity") != "negative":
            latest[source] = entry
            latest_kind[(source, change)] = entry


def figure_text(row: ClaimRow, *, bound: bool = False) -> str:
    """A claim's figure as text: "3000", "<=3000" with ``bound``, "8000-10000" or ">=12"."""
    if row.get("value") is not None:
        prefix = row["bound"] if bound and row.get("bound", "=") != "=" else ""
        return f"{prefix}{row['value']:g}"
    return f"{row.get('low') or 0:g}-{row.get('high'):g}" if row.get("high") is not None else f">={row.get('low'):g}"


class Side(TypedDict):
    """One side of a contradiction: the ultimate source, its figure as text, and the claim."""

    source: str
    figure: str
    claim: ClaimRow


class Contradiction(TypedDict):
    """Two independent sources whose latest figures in a track disagree (or one denies)."""

    track: str
    kind: str
    a: Side
    b: Side


def contradictions(tracks: dict[str, Track]) -> list[Contradiction]:
    """Pairs of independent sources whose latest figures in a track disagree, and denials."""
    found: list[Contradiction] = []
    for track in tracks.values():
        latest: dict[str, ClaimRow] = {}
        for entry in track.entries:
            latest[ultimate_source(entry)] = entry
        # each source's side, interval and denial once (a track of n sources has n(n-1)/2 pairs)
        sides = [
            (Side(source=source, figure=figure_text(entry), claim=entry), _interval_of(entry))
            for source, entry in sorted(latest.items())
        ]
        denied = [side["claim"].get("polarity") == "negative" for side, _interval in sides]
        for index, (side, (low, high)) in enumerate(sides):
            for offset, (other, (other_low, other_high)) in enumerate(sides[index + 1 :], start=index + 1):
                denial = denied[index] or denied[offset]
                if denial or not (low <= other_high and other_low <= high):  # ``agree``
                    kind = "denial" if denial else "contradiction"
                    found.append({"track": track.key, "kind": kind, "a": side, "b": other})
    return found
