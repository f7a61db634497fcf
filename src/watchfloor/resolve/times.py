"""Times: temporal expressions found in text and resolved to [start, end] intervals against the publication date.

Relative expressions ("last week", "on Friday") need the publication date; without it they are kept with
their text and no interval. "By November 2024" denotes November 2024 (the month the figure holds for).
The modal verb "may" is never the month: "May" needs a day, a year or a preposition beside it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from watchfloor import gazetteer
from watchfloor.model import TimeExpression

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name and name != "May"})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
NUMBER_WORDS = {"a": 1, "an": 1, **{w: v for w, v in gazetteer.number_words().items() if 0 < v <= 12}}
# How far back a day-and-month without a year may lie: news reports on the last ten months, and mentions
# dates up to two months ahead ("talks on December 12" written in November).
PAST_WINDOW_DAYS = 300
FUTURE_WINDOW_DAYS = 65
# "in recent weeks" and similar vague windows, in days.
RECENT = {"days": 7, "weeks": 28, "months": 90, "years": 730}
# Words a pattern needs for context but that are not part of the expression ("in June 2024" -> "June 2024");
# "By", "Since" and "until" stay: they change what the expression means.
LEADING_WORD = re.compile(r"(?:(?:in|on|of|the|from|during|throughout|before|after|over) )?", re.I)
FUTURE_CUE = re.compile(r"\b(will|next|is due|are due|scheduled|plans? to|set to|expected to)\b[^.]{0,40}$", re.I)

_M = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>(?:19|20)\d\d)"
_PART = r"(?P<part>early|mid|late|the end of|the beginning of|the start of|the middle of)"
_NUM = r"(?P<count>\d+|" + "|".join(NUMBER_WORDS) + r")"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def _interval_month(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    start, end = _interval_month(year, month)
    if part in ("early", "the beginning of", "the start of"):
        return start, date(year, month, 10)
    if part in ("mid", "the middle of"):
        return date(year, month, 11), date(year, month, 20)
    if part in ("late", "the end of"):
        return date(year, month, 21), end
    return start, end


def _year_part(year: int, part: str | None) -> tuple[date, date]:
    if part in ("early", "the beginning of", "the start of"):
        return date(year, 1, 1), date(year, 4, 30)
    if part in ("mid", "the middle of"):
        return date(year, 5, 1), date(year, 8, 31)
    if part in ("late", "the end of"):
        return date(year, 9, 1), date(year, 12, 31)
    return date(year, 1, 1), date(year, 12, 31)


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The day-and-month closest to publication inside the past/future window."""
    for year in (published.year, published.year - 1, published.year + 1):
        candidate = _safe_day(year, month, day)
        if candidate and -FUTURE_WINDOW_DAYS <= (published - candidate).days <= PAST_WINDOW_DAYS:
            return candidate
    return None


Resolved = tuple[date | None, date | None, str]
Rule = Callable[[re.Match[str], date | None, bool], Resolved | None]
RULES: list[tuple[re.Pattern[str], Rule, bool]] = []


def rule(pattern: str, absolute: bool = False, flags: int = 0) -> Callable[[Rule], Rule]:
    """Register a pattern and its resolver; earlier rules win where matches overlap."""

    def register(function: Rule) -> Rule:
        RULES.append((re.compile(pattern, flags), function, absolute))
        return function

    return register


@rule(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", absolute=True)
def _iso(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    day = _safe_day(int(match["year"]), int(match["m"]), int(match["day"]))
    return (day, day, "day") if day else None


@rule(rf"\b(?:[Bb]y |[Ss]ince )?{_M} {_D},? {_Y}\b", absolute=True)
def _month_day_year(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    day = _safe_day(int(match["year"]), _month_number(match["month"]), int(match["day"]))
    return _since_or(match, day, day, "day", published) if day else None


@rule(rf"\b(?:[Bb]y |[Ss]ince )?{_D} {_M},? {_Y}\b", absolute=True)
def _day_month_year(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    return _month_day_year(match, published, future)


@rule(rf"\b(?:[Bb]y |[Ss]ince |[Ii]n |[Uu]ntil )?(?:{_PART}[ -])?{_M},? {_Y}\b", absolute=True)
def _month_year(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    start, end = _month_part(int(match["year"]), _month_number(match["month"]), match["part"])
    return _since_or(match, start, end, "month", published)


@rule(rf"\b(?:(?:[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil) )?{_M} {_D}\b(?!,? \d)")
def _month_day(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    day = _nearest_year(_month_number(match["month"]), int(match["day"]), published)
    return _since_or(match, day, day, "day", published) if day else None


@rule(rf"\b(?:(?:[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil) )?{_D} {_M}\b(?!,? \d)")
def _day_month(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    return _month_day(match, published, future)


@rule(rf"\b(?:[Ii]n |[Ss]ince |[Bb]y |[Uu]ntil |[Dd]uring |[Tt]hroughout )?{_PART}[ -]{_Y}\b", absolute=True)
def _year_part_rule(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    start, end = _year_part(int(match["year"]), match["part"])
    return _since_or(match, start, end, "year", published)


@rule(
    rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter|[Ff]rom|[Oo]f|[Tt]he)"
    rf" {_Y}\b(?![,.]?\d)(?! (?:troops|soldiers|people|km|kilometres|miles))",
    absolute=True,
)
def _year(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    start, end = _year_part(int(match["year"]), None)
    return _since_or(match, start, end, "year", published)


@rule(rf"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ee]arly|[Ll]ate|[Mm]id-?) {_M}\b(?! \d)")
def _month_alone(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    month = _month_number(match["month"])
    future = future and match["prep"].lower() != "since"  # "since May" always looks back
    year = published.year + (1 if future and month < published.month else 0)
    if not future and month > published.month:
        year -= 1
    part = {"early": "early", "late": "late", "mid": "mid", "mid-": "mid"}.get(match["prep"].lower())
    start, end = _month_part(year, month, part)
    return _since_or(match, start, end, "month", published)


@rule(
    r"\b(?:(?P<which>last|this|next|on|[Ll]ast|[Tt]his|[Nn]ext|[Oo]n) )?"
    + _WD
    + r"(?:'s| (?:morning|afternoon|evening|night))?\b"
)
def _weekday(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    target = WEEKDAYS[match["weekday"].lower()]
    which = (match["which"] or "").lower()
    if which == "next" or (future and which != "last"):
        offset = (target - published.weekday()) % 7 or (7 if which == "next" else 0)
        day = published + timedelta(days=offset)
    else:
        offset = (published.weekday() - target) % 7 or (7 if which == "last" else 0)
        day = published - timedelta(days=offset)
    return day, day, "day"


@rule(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|last night|tomorrow|the day before yesterday)\b",
    flags=re.I,
)
def _deictic_day(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    text = match.group(0).lower()
    shift = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(text, 0)
    day = published + timedelta(days=shift)
    return day, day, "day"


@rule(
    r"\b(?P<edge>earlier|later) (?:this|in the) (?P<unit>week|month|year)\b"
    r"|\b(?P<which>last|this|next|past) (?P<unit2>week|month|year|weekend)\b",
    flags=re.I,
)
def _relative_period(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    unit = (match["unit"] or match["unit2"]).lower()
    which = (match["which"] or "this").lower()
    start, end = _period(published, unit, {"last": -1, "past": -1, "this": 0, "next": 1}[which])
    if match["edge"]:
        start, end = (start, published) if match["edge"].lower() == "earlier" else (published, end)
    return start, end, unit


def _period(published: date, unit: str, shift: int) -> tuple[date, date]:
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=shift)
        return (
            (monday + timedelta(days=5), monday + timedelta(days=6))
            if unit == "weekend"
            else (monday, monday + timedelta(days=6))
        )
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + shift
        return _interval_month(month_index // 12, month_index % 12 + 1)
    return date(published.year + shift, 1, 1), date(published.year + shift, 12, 31)


@rule(rf"\b{_NUM} {_UNIT} ago\b", flags=re.I)
def _ago(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    count = int(match["count"]) if match["count"].isdigit() else NUMBER_WORDS[match["count"].lower()]
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[match["unit"].lower()] * count
    day = published - timedelta(days=days)
    return day, day, match["unit"].lower()


@rule(rf"\b{_NUM} {_UNIT} (?P<direction>earlier|before|later|after)\b(?! (?:than|that|the|a|an)\b)", flags=re.I)
def _shifted(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    """ "a year earlier" with nothing before it to count from: from the publication date; "two weeks later"
    alone counts from a time this sentence does not give (find_times counts from an earlier time of the same
    sentence when there is one: "in October ... a year earlier")."""
    if published is None or match["direction"].lower() in ("later", "after"):
        return None
    day = _shift(published, _offset(match))
    return day, day, "day"


def _offset(match: re.Match[str]) -> tuple[int, str]:
    count = int(match["count"]) if match["count"].isdigit() else NUMBER_WORDS[match["count"].lower()]
    sign = -1 if match["direction"].lower() in ("earlier", "before") else 1
    return sign * count, match["unit"].lower()


def _shift(day: date, offset: tuple[int, str]) -> date:
    count, unit = offset
    if unit in ("day", "week"):
        return day + timedelta(days=count * (7 if unit == "week" else 1))
    months = day.year * 12 + day.month - 1 + count * (12 if unit == "year" else 1)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


SHIFTED = re.compile(rf"^{_NUM} {_UNIT} (?P<direction>earlier|before|later|after)$", re.I)


def _anchored(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "4.2 million tonnes in October, down from 4.6 million a year earlier": a shift counts from the time
    stated before it in the same sentence, keeping that time's grain (October 2024)."""
    anchored = []
    for number, time in enumerate(found):
        match = SHIFTED.match(time.text)
        before = [t for t in found[:number] if t.start and t.grain in ("day", "month", "year", "week")] if match else []
        if match and before and not re.search(r"[.!?]\s", text[before[-1].span[1] : time.span[0]]):
            anchor, offset = before[-1], _offset(match)
            start = _shift(date.fromisoformat(anchor.start), offset)  # type: ignore[arg-type]
            end = _shift(date.fromisoformat(anchor.end), offset) if anchor.end else start
            if anchor.grain == "month":
                start, end = _interval_month(start.year, start.month)
            time = TimeExpression(time.text, time.span, start.isoformat(), end.isoformat(), anchor.grain)
        anchored.append(time)
    return anchored


@rule(
    rf"\b(?:over |in |during )?the (?:past|last) (?:{_NUM} )?(?P<unit>day|week|month|year|hour)s?\b"
    r"|\bin recent (?P<recent>days|weeks|months|years)\b",
    flags=re.I,
)
def _recent(match: re.Match[str], published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    if match["recent"]:
        return published - timedelta(days=RECENT[match["recent"].lower()]), published, "recent"
    count = match["count"]
    number = 1 if not count else int(count) if count.isdigit() else NUMBER_WORDS[count.lower()]
    days = {"hour": 1 / 24, "day": 1, "week": 7, "month": 30, "year": 365}[match["unit"].lower()] * number
    return published - timedelta(days=max(1, round(days))), published, "recent"


def _since_or(
    match: re.Match[str], start: date | None, end: date | None, grain: str, published: date | None
) -> Resolved:
    """ "since X" runs from X's start to publication (open if unknown); anything else is X itself."""
    if match.group(0).lower().startswith("since "):
        return start, published, "since"
    return start, end, grain


def find_times(text: str, published: str | None) -> list[TimeExpression]:
    """Every temporal expression in the text, resolved where the publication date allows."""
    base = date.fromisoformat(published) if published else None
    taken: list[tuple[int, int]] = []
    found = []
    for match, resolver, _absolute in _matches(text):
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            continue
        future = bool(FUTURE_CUE.search(text[max(0, span[0] - 60) : span[0]]))
        resolved = resolver(match, base, future)
        start, end, grain = resolved if resolved else (None, None, "unresolved")
        taken.append(span)
        begin = span[0] + len(LEADING_WORD.match(match.group(0))[0])  # type: ignore[index]
        found.append(
            TimeExpression(text[begin : span[1]], (begin, span[1]), _iso_or_none(start), _iso_or_none(end), grain)
        )
    return _anchored(sorted(found, key=lambda time: time.span), text)


def latest_absolute_date(text: str) -> str | None:
    """The latest calendar date the text states outright (no publication date needed)."""
    return latest_date(find_times(text, None))


def latest_date(times: list[TimeExpression]) -> str | None:
    """The latest start among resolved times (found without a publication date: the dates stated outright)."""
    return max((time.start for time in times if time.start), default=None)


def _matches(text: str) -> Iterator[tuple[re.Match[str], Rule, bool]]:
    for pattern, resolver, absolute in RULES:
        for match in pattern.finditer(text):
            yield match, resolver, absolute


def _iso_or_none(day: date | None) -> str | None:
    return day.isoformat() if day else None
