"""Quantities in text: the number, its bound and approximation, range, currency or unit, and its span.

Found with patterns over the text (digits with separators, number words and their mixtures, scales,
vague quantities, fractions, ranges), then filtered of what is not a figure: years and dates, times of
day, ordinals, numbers inside names ("Su-34", "Resolution 2231"), phone numbers and list markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from watchfloor import gazetteer
from watchfloor.model import NumberMention

UNITS_WORDS = {word: value for word, value in gazetteer.number_words().items() if value < 20}
TENS_WORDS = {word: value for word, value in gazetteer.number_words().items() if value >= 20}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
# South Asian scales, as Indian and Pakistani copy writes money and counts ("Rs 500 crore", "2 lakh people")
SCALES.update({"lakh": 100_000, "lakhs": 100_000, "crore": 10**7, "crores": 10**7})
# Vulgar fractions, alone or after a whole number ("2½ years", "¾ of voters")
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
SHORT_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 10**9,
    "b": 10**9,
    "bln": 10**9,
    "tn": 10**12,
    "trn": 10**12,
}
_WORD_NUMBER = "|".join(sorted([*UNITS_WORDS, *TENS_WORDS], key=len, reverse=True))
_SIMPLE_WORDS = (
    rf"(?:(?:{'|'.join(TENS_WORDS)})[- ](?:{'|'.join(k for k in UNITS_WORDS if UNITS_WORDS[k] < 10)})|{_WORD_NUMBER})"
)
# Thousands grouped by commas, or by spaces as SI and much non-US copy writes them ("10 000", "1 164 880", also
# with a no-break or thin space): a group of three digits after a space only counts when no digit follows it,
# nor a calibre ("40 122-mm rockets", "300 155mm shells").
_GROUP_SPACE = "[ \u00a0\u2009\u202f]"
_DIGITS = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|(?<!\d{_GROUP_SPACE})[1-9]\d{{0,2}}(?:{_GROUP_SPACE}\d{{3}})+(?![\d,]|-?(?:mm|cm)\b|-millimet)(?:\.\d+)?"
    rf"|\d*[{''.join(VULGAR)}]|\d+(?:\.\d+)?|\.\d+)"
)
_SCALE = r"(?:hundred|thousand|million|billion|trillion|lakhs?|crores?)"
_SHORT = r"(?:bn|mn|mln|bln|trn|tn|k|m|b)\b"
# After a scale word, what it leaves over, in words or digits: "one thousand two hundred", "four-thousand-100",
# "two million three hundred thousand" (the pattern allows any order; parse_number adds the parts up)
_WORD_TAIL = rf"(?:(?:[\s-]{_SCALE})+(?:[\s-](?:and[\s-])?(?:{_SIMPLE_WORDS}|\d{{1,3}}(?![\d,.])))?)*"
# A number: digits or words, optionally scaled ("1.5 million", "fifteen hundred", "15-hundred", "$2bn")
_NUMBER = (
    rf"(?i:{_DIGITS}(?:\s?{_SHORT}|(?:[\s-]{_SCALE})+)?"
    rf"|(?:a |one )?{_SIMPLE_WORDS}{_WORD_TAIL}\b"
    rf"|a (?:{_SCALE})\b(?:\s{_SCALE}\b)?)"
)


# "one in five", "3 out of 10": a proportion (not "two in 10 days", a count within a time)
_PART = r"(?:\d{1,3}|(?i:one|two|three|four|five|six|seven|eight|nine|ten))"
_TIME_WORDS = r"(?i:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)\b"

# "nearly an hour", "more than a year": one of a unit of time, only after a modifier
_ONE_UNITS = r"(?:hour|day|week|month|year|decade|minute|mile|kilometre|kilometer)"


@lru_cache(maxsize=1)
def _modifiers() -> list[tuple[str, str, bool]]:
    rows = [
        (phrase, bound, approximate == "1")
        for phrase, bound, approximate in gazetteer.read_rows("quantity_modifiers.tsv")
    ]
    return sorted(rows, key=lambda row: -len(row[0]))


@lru_cache(maxsize=1)
def _vague() -> dict[str, tuple[float, float]]:
    return {phrase: (float(low), float(high)) for phrase, low, high in gazetteer.read_rows("vague_quantities.tsv")}


@lru_cache(maxsize=1)
def _glued_units() -> str:
    """Units written against the number ("50mph", "54GB", "278kg", "118.5p"), longest first."""
    surfaces = [u for u in _units() if re.fullmatch(r"[A-Za-z°/²0-9%]+", u)] + list(gazetteer.glued_units())
    return "|".join(re.escape(u) for u in sorted(set(surfaces), key=len, reverse=True))


@lru_cache(maxsize=1)
def _currencies() -> tuple[dict[str, str], dict[str, str]]:
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for surface, unit, position in gazetteer.read_rows("currencies.tsv"):
        (before if position == "before" else after)[surface] = unit
    return before, after


@lru_cache(maxsize=1)
def _units() -> dict[str, str]:
    table = {surface: unit for surface, unit in gazetteer.read_rows("units.tsv")}
    table.update({surface.lower(): unit for surface, unit in table.items() if surface.lower() not in table})
    return table


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    before, _after = _currencies()
    currency = "|".join(re.escape(sign) for sign in sorted(before, key=len, reverse=True))
    vague = "|".join(re.escape(p) for p in sorted(_vague(), key=len, reverse=True))
    fractions = "|".join(re.escape(p) for p in sorted(gazetteer.fractions(), key=len, reverse=True))
    modifier = "|".join(re.escape(m[0]) for m in _modifiers())
    number = (
        rf"(?P<neg>minus[- ]?|−|(?<=[$€£¥])-)?(?P<num>{_NUMBER})(?P<glued>{_glued_units()})?"
        r"(?P<unit1>\s(?:per cent|percent)(?=\s(?:to|and)\s))?"
    )
    second = rf"(?P<cur2>{currency})?\s?(?P<num2>{_NUMBER})(?P<glued2>{_glued_units()})?"
    core = (
        rf"(?P<cur>{currency})?\s?{number}"
        rf"(?:(?(between)\s(?:and)\s|\s?(?P<joiner>to|-|–|−|or)\s?){second})?"
    )
    return re.compile(
        rf"(?<![\w$€£¥=])(?<![\d.,][.,])(?<!^[.,])(?:(?P<mod>(?i:{modifier}))\s)?(?:(?P<between>(?i:between))\s|(?P<from>(?i:from))\s)?"
        rf"(?:(?P<vague>(?i:{vague}))|(?P<frac>(?i:{fractions}))(?=\s+of\b)"
        rf"|(?P<slash>\d+\s?[/⁄]\s?\d+)(?=\s+of\b)"
        rf"|(?P<part>{_PART})\s(?P<outof>(?i:out of|in))\s(?P<whole>{_PART})(?=\s(?!{_TIME_WORDS})[a-zA-Z])"
        rf"|(?P<mantissa>\d+(?:\.\d+)?)\s?[×x]\s?10\s?\^?(?P<exponent>[−-]?\d+)"
        rf"|(?P<one>(?i:an?))\s(?P<oneunit>{_ONE_UNITS})\b|{core})"
        rf"(?![\w])",
    )


def parse_number(text: str) -> float | None:
    """The value of a number written in digits, words or both ("10,900", "1.5 million", "fifteen hundred")."""
    text = re.sub(rf"(\d*)([{''.join(VULGAR)}])", lambda m: f"{float(m[1] or 0) + VULGAR[m[2]]:.4g}", text)
    text = re.sub(rf"(?<=\d){_GROUP_SPACE}(?=\d{{3}}(?!\d))", "", text.lower().replace(",", "").strip())
    if text.startswith("."):
        text = "0" + text
    text = re.sub(r"^(a|one)\s+(?=hundred|thousand|million|billion|trillion)", "1 ", text)
    text = re.sub(r"^a\s+", "", text)
    match = re.fullmatch(rf"(\d+(?:\.\d+)?)\s?({'|'.join(SHORT_SCALES)})", text)
    if match:
        return float(match[1]) * SHORT_SCALES[match[2]]
    total, current = 0.0, None
    for word in re.split(r"[\s-]+", text):
        if word == "and" and total + (current or 0):  # "five thousand and fifty"
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current = (current or 0) + float(word)
        elif word in UNITS_WORDS:
            current = (current or 0) + UNITS_WORDS[word]
        elif word in TENS_WORDS:
            current = (current or 0) + TENS_WORDS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = None
        else:
            return None
    return total + (current or 0)


def find_quantities(text: str, excluded: list[tuple[int, int]] | None = None) -> list[NumberMention]:
    """Every figure in the text, left to right, minus those inside the excluded spans (dates and times)."""
    excluded = excluded or []
    found = []
    for match in _matches(text):
        for raw in _quantities(match, text):
            quantity = _trimmed(raw, text)
            if quantity is None or _inside(quantity.number_span, excluded) or not _is_figure(quantity, text):
                continue
            found.append(quantity)
    return found


MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s$")


def _matches(text: str) -> list[re.Match[str]]:
    """The pattern's matches, left to right; a space-grouped number right after a month name is the day and
    a figure ("On May 5 100 people died"), so the search resumes at its second group."""
    matches, position = [], 0
    while (match := _pattern().search(text, position)) is not None:
        number = match["num"] or ""
        gap = re.search(_GROUP_SPACE, number) if SPACE_GROUPED.fullmatch(number) else None
        if gap and MONTH_BEFORE.search(text[max(0, match.start("num") - 12) : match.start("num")]):
            position = match.start("num") + gap.end()
            continue
        matches.append(match)
        position = max(match.end(), match.start() + 1)
    return matches


def _trimmed(quantity: NumberMention | None, text: str) -> NumberMention | None:
    """The quantity without whitespace the pattern took in at either end."""
    if quantity is None:
        return None
    start, end = quantity.span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    number_span = (max(start, quantity.number_span[0]), min(end, quantity.number_span[1]))
    return NumberMention(
        (start, end),
        quantity.value,
        quantity.low,
        quantity.high,
        quantity.bound,
        quantity.approximate,
        quantity.currency,
        quantity.unit,
        quantity.vague,
        number_span,
    )


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in spans)


@dataclass(frozen=True)
class _Reading:
    """What every figure of one match shares: its modifier's bound and approximation, currency, number span."""

    modifier: str
    bound: str
    approximate: bool
    currency: str | None
    number_span: tuple[int, int]


def _quantities(match: re.Match[str], text: str) -> list[NumberMention]:
    """The figures of one pattern match: usually one; two where "4.8 to 4.7" or "2-0" is not a range."""
    reading = _reading(match)
    if match["vague"]:
        return [_vague_quantity(match, reading)]
    if match["frac"]:
        value = round(gazetteer.fractions()[match["frac"].lower()] / 100, 3)
        return [_plain(match, reading, value, None, "fraction")]
    if match["slash"] or match["part"]:
        return _proportion(match, reading)
    if match["mantissa"]:
        power = float(match["mantissa"]) * 10 ** int(match["exponent"].replace("−", "-"))
        return [_plain(match, reading, power, None, None)]
    if match["one"]:
        unit = match["oneunit"].lower() + "s"
        return [_plain(match, reading, 1.0, None, unit)] if reading.modifier else []
    return _numbers(match, text, reading)


def _reading(match: re.Match[str]) -> _Reading:
    modifier = (match["mod"] or "").lower()
    bound, approximate = next(((b, a) for phrase, b, a in _modifiers() if modifier == phrase), ("=", False))
    start = next(
        match.start(g) for g in ("cur", "vague", "frac", "slash", "part", "mantissa", "one", "neg", "num") if match[g]
    )
    before, _after = _currencies()
    currency = before.get(match["cur"] or match["cur2"] or "")
    return _Reading(modifier, bound, approximate, currency, (start, match.end()))


def _plain(
    match: re.Match[str], reading: _Reading, value: float, currency: str | None, unit: str | None
) -> NumberMention:
    """A single exact figure over the whole match."""
    r = reading
    return NumberMention(match.span(), value, None, None, r.bound, r.approximate, currency, unit, False, r.number_span)


def _vague_quantity(match: re.Match[str], reading: _Reading) -> NumberMention:
    """ "dozens", "a couple of": a vague quantity, a range unless its ends meet."""
    low, high = _vague()[match["vague"].lower()]
    bound, approximate, currency, number_span = (
        reading.bound,
        reading.approximate,
        reading.currency,
        reading.number_span,
    )
    if low == high:
        couple = "couple" in match["vague"].lower()
        bound = "~" if couple and bound == "=" else bound
        return NumberMention(
            match.span(), low, None, None, bound, approximate or couple, currency, None, True, number_span
        )
    bound = ">=" if bound == "=" else bound
    return NumberMention(match.span(), None, low, high, bound, True, currency, None, True, number_span)


def _proportion(match: re.Match[str], reading: _Reading) -> list[NumberMention]:
    """ "3/4 of", "one in five": a fraction below one, else nothing."""
    part, whole = re.split(r"\s?[/⁄]\s?", match["slash"]) if match["slash"] else (match["part"], match["whole"])
    top, bottom = parse_number(part), parse_number(whole)
    if not top or not bottom or top >= bottom:
        return []
    return [_plain(match, reading, round(top / bottom, 4), None, "fraction")]


def _glued(surface: str | None) -> str | None:
    """The unit of a unit written against a number, as units.tsv names it."""
    return _units().get(surface or "") or _units().get((surface or "").lower())


def _numbers(match: re.Match[str], text: str, reading: _Reading) -> list[NumberMention]:
    """A number, or two joined by "to", "-" or "or": a range, a score or two figures."""
    first = parse_number(match["num"])
    if first is None:
        return []
    if match["neg"]:
        first = -first
    glued = _glued(match["glued"])
    # "100m" without a currency sign is metres; before a plural noun or "of" it is millions ("3.5m people")
    if not reading.currency and re.search(r"\dm$", match["num"]) and not COUNTED_AFTER.match(text, match.end()):
        first, glued = first / 1_000_000, glued or "metres"
    second = parse_number(match["num2"]) if match["num2"] else None
    if second is None:
        return [_plain(match, reading, first, reading.currency, glued)]
    glued2 = _glued(match["glued2"])
    glued = glued or ("percent" if match["unit1"] else None)
    consistent = bool(match["cur"]) == bool(match["cur2"]) and not (match["unit1"] and match["cur2"])
    # "increased by $43.6 billion to $419.2 billion" is a change and its result; "by 1 to 1.5 degrees" a range
    changing = re.search(r"\bby\s$", text[max(0, match.start() - 4) : match.start()]) and second > 3 * first
    if match["between"] or (second > first and consistent and not changing):
        low, high = _scale_range(match["num"], first, second)
        r = reading
        return [
            NumberMention(
                match.span(), None, low, high, r.bound, r.approximate, r.currency, glued or glued2, False, r.number_span
            )
        ]
    if match["joiner"] == "-" and first.is_integer() and second.is_integer() and not reading.currency and not glued:
        return [_plain(match, reading, first, None, None)]  # "2-0", "89-89": a score, one figure
    return _two_figures(match, reading, (first, glued), (second, glued2))


def _two_figures(
    match: re.Match[str],
    reading: _Reading,
    head_figure: tuple[float, str | None],
    tail_figure: tuple[float, str | None],
) -> list[NumberMention]:
    """ "4.8 to 4.7 percent": two figures, not a range, cut at the joiner."""
    (first, glued), (second, glued2) = head_figure, tail_figure
    before, _after = _currencies()
    cut = match.start("joiner")
    head_currency = before.get(match["cur"] or "")
    head = NumberMention(
        (match.start(), cut),
        first,
        None,
        None,
        reading.bound,
        reading.approximate,
        head_currency,
        glued,
        False,
        (reading.number_span[0], cut),
    )
    tail_start = match.start("cur2") if match["cur2"] else match.start("num2")
    tail_currency = before.get(match["cur2"] or "") if match["cur2"] else (None if match["cur"] else reading.currency)
    # "rose 8.15% to 3.65": a unit written on the first figure is not the second's
    tail_unit = glued2 or ("percent" if match["unit1"] and not match["cur2"] else None)
    tail = NumberMention(
        (tail_start, match.end()),
        second,
        None,
        None,
        "=",
        False,
        tail_currency,
        tail_unit,
        False,
        (tail_start, match.end()),
    )
    return [head, tail]


def _scale_range(first_text: str, first: float, second: float) -> tuple[float, float]:
    """ "3 to 4 million": the scale written once applies to both ends."""
    if second >= 1000 and first < 1000 and not re.search(r"[a-z]", first_text.lower().replace(",", "")):
        for scale in (10**9, 10**6, 1000):
            if second % scale == 0 and first * scale < second * 10:
                return first * scale, second
    return first, second


COUNTED_AFTER = re.compile(
    r"\s(?:people\b|(?!(?:across|towards|afterwards|upwards|downwards|was|has|is|this|its|plus|less|as|thus)\b)"
    r"[a-z]{2,}[^s\W]s\b)"
)
YEAR = re.compile(r"(1[89]|2[01])\d\d")
YEAR_RANGE = re.compile(r"\b(?:1\d|20)\d\d\b")
PRODUCT_BEFORE = re.compile(r"\b[a-z]+[A-Z][A-Za-z]*\s$")  # "iPhone 11", "eBay 2"
PERCENT_AFTER = re.compile(r"\s?(%|percent|per cent)")
ORDINAL_OR_CLOCK = re.compile(
    r"(st|nd|rd|th)\b|:\d\d|[.]\d\d\s?(a\.?m|p\.?m)|\s?(a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|EDT|EST|PDT|PST|BST|CET)",
    re.IGNORECASE,
)
CLOCK_BEFORE = re.compile(r"\d:$")
# A number between a capitalised word and a capitalised word or the end of a phrase is part of a name
# ("S&P 500", "the Big 12", "iPhone 11 Pro", "Game 7", "787 Dreamliner")
NAME_AROUND = re.compile(r"[A-Za-z&]*[A-Z][A-Za-z&]*\s$")
THE_NAME_BEFORE = re.compile(r"\bthe\s[A-Z][a-z]+\s$")  # "the Fortune 100", "the Big 12": a ranked list or league
INDEX_BEFORE = re.compile(r"(?:\b[A-Z]+&[A-Z]+|\b[A-Z]{3,5})\s$")  # "S&P 500", "FTSE 100", "DAX 40"
NAME_HEADS = re.compile(r"\b(game|category|round|level|stage|phase|series|grade|type|season|episode|vol\.)\s$", re.I)
ADDRESS_AFTER = re.compile(
    r"\s(?:[A-Z][a-z]+\s|[NSEW]\s|\d+(?:st|nd|rd|th)\s){0,3}(?:Road|Rd|St|Street|Avenue|Ave|Way|Lane|Boulevard|Blvd)\b"
)
NAME_BEFORE = re.compile(
    r"\b(Resolution|Article|Section|Flight|Route|Highway|No\.|Number|Chapter|Unit|Brigade|Division|Corps|Regiment"
    r"|Battalion|Squadron|Decree|Law|Protocol|Paragraph|Item|Model|Version|Class)\s?$"
)
AGE_AROUND = re.compile(r"[A-Z][a-z]+,\s$")
ACRONYM_DASH = re.compile(r"[A-Z]{2,}\s?-$")
SPACE_GROUPED = re.compile(rf"[1-9]\d{{0,2}}(?:{_GROUP_SPACE}\d{{3}})+")
# "the three countries", "both two": a small number after a determiner names things already counted; a
# demonstrative does not ("these two soldiers were captured" asserts a count of two)
REFERENCE_BEFORE = re.compile(r"\b(between|the|its|their|his|her|both|all)\s$", re.IGNORECASE)


def _in_name(before: str, after: str, start: int, text: str) -> bool:
    """True for a number that is part of a name: "the Big 12", "S&P 500 +0.3%", "iPhone 11 Pro", "Game 7"."""
    if NAME_HEADS.search(before) or INDEX_BEFORE.search(before):
        return True
    first_word = re.search(r"(?:^|[.!?:\n]\s*)\S+\s$", text[max(0, start - 40) : start]) is not None
    if not NAME_AROUND.search(before) or first_word or (start < 40 and not text[:start].strip(" ").count(" ")):
        return False
    return re.match(r"\s?([A-Z]|$|[.,;:)+\-–]|\s[A-Z])", after) is not None


def _is_figure(quantity: NumberMention, text: str) -> bool:
    """False for years, times of day, ordinals, numbers in names, phone numbers, references and list markers."""
    start, end = quantity.number_span
    surface = text[start:end]
    before, after = text[max(0, start - 25) : start], text[end : end + 12]
    plain = quantity.value is not None and not quantity.vague and not quantity.currency and quantity.bound == "="
    line_start = text.rfind("\n", 0, start) + 1
    small_word = quantity.value is not None and quantity.value <= 10 and surface.isalpha() and not quantity.currency
    not_figures = (
        plain and YEAR.fullmatch(surface) is not None and not PERCENT_AFTER.match(after),  # a year
        ORDINAL_OR_CLOCK.match(after) is not None,  # "6th", "7:40 a.m."
        re.search(r"[A-Za-z][-/]?$", before) is not None and not before.endswith(" "),  # "Su-34", "M23"
        re.match(r"[-/]?[A-Z]", after) is not None,  # "2A", "9M"
        NAME_BEFORE.search(before) is not None,  # "Resolution 2231"
        CLOCK_BEFORE.search(before) is not None,  # the minutes of "4:39"
        ACRONYM_DASH.search(before) is not None,  # "COVID -19"
        plain and AGE_AROUND.search(before) is not None and after.startswith(","),  # "Senard, 65, said": an age
        quantity.low is not None
        and not quantity.currency
        and not quantity.unit
        and len(YEAR_RANGE.findall(surface)) == 2
        and not re.search(
            r"[a-z]", surface.lower().replace("between", "").replace("and", "").replace("to", "")
        ),  # "between 2014 and 2017"
        plain and PRODUCT_BEFORE.search(before) is not None,  # "iPhone 11"
        plain and _in_name(before, after, start, text),  # "S&P 500", "Game 7"
        plain and not quantity.unit and THE_NAME_BEFORE.search(before) is not None,  # "the Fortune 100"
        ADDRESS_AFTER.match(after + text[end + 12 : end + 40]) is not None,  # "575 Wilbraham Road"
        re.match(r"\s?[/⁄]\s?\d", after) is not None or re.search(r"\d\s?[/⁄]\s?$", before) is not None,  # "1/16"
        (re.search(r"(?:\+|\d\s)$", before) is not None or re.search(r"\+\d[\d\s]*$", before) is not None)
        and re.match(r"\s\d", after) is not None,  # a phone number: "+44 20 7946 0958"
        re.search(r"\+\d[\d\s]*\s$", before) is not None,  # its last group
        re.fullmatch(r"[\d\s()+-]{9,}", surface) is not None
        and surface.count(" ") + surface.count("-") >= 2
        and not SPACE_GROUPED.fullmatch(surface),  # a phone number, not "1 164 880"
        small_word and REFERENCE_BEFORE.search(before) is not None,  # "the three countries"
        surface.lower() == "one" and re.match(r"\s(of)\s", after) is not None,  # "one of the deadliest"
        not text[line_start:start].strip() and re.match(r"[.)]\s", after) is not None,  # a list marker
    )
    return not any(not_figures)


@lru_cache(maxsize=1)
def _unit_after_pattern() -> re.Pattern[str]:
    _before, after = _currencies()
    surfaces = sorted({*_units(), *after}, key=len, reverse=True)
    return re.compile(rf"\s?-?(?P<unit>{'|'.join(re.escape(s) for s in surfaces)})(?![\w])", re.IGNORECASE)


def unit_after(text: str, end: int) -> tuple[str | None, int]:
    """A unit of measure or a currency name right after a number ("600 km", "20 billion dollars")."""
    match = _unit_after_pattern().match(text, end, min(len(text), end + 40))
    if not match:
        return None, end
    return unit_named(match["unit"]), match.end()


def unit_named(surface: str) -> str | None:
    """The unit watchfloor reports for a unit or currency name as written ("kilometres" -> km, "shekels" -> ils)."""
    _before, after = _currencies()
    return _units().get(surface) or _units().get(surface.lower()) or after.get(surface) or after.get(surface.lower())


@lru_cache(maxsize=1)
def _sign_pattern() -> re.Pattern[str]:
    before, _after = _currencies()
    signs = "|".join(re.escape(sign) for sign in sorted(before, key=len, reverse=True))
    return re.compile(rf"(?:minus[- ]?)?(?P<sign>{signs})")


def written_unit(text: str, quantity: NumberMention) -> str | None:
    """The currency sign or unit written with the number, as the text writes it: "US $58" -> "US$",
    "118.5p" -> "p", "5-10W" -> "W", "nearly an hour" -> "hour"."""
    surface = text[quantity.number_span[0] : quantity.number_span[1]]
    sign = _sign_pattern().match(surface)
    if sign and quantity.currency:
        return re.sub(r"\s+", "", sign["sign"]).rstrip("=")  # "Y=" is wire copy's plain-text yen sign
    if not quantity.unit or quantity.unit == "fraction":
        return None
    written = re.search(rf"(?<=[\d\s])(?:per cent|{_glued_units()}|[a-z]+)$", surface, re.IGNORECASE)
    return written.group(0) if written else None
