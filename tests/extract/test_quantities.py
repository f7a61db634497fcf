"""Quantity parsing, construction by construction (table-driven)."""

from __future__ import annotations

import pytest

from watchfloor.extract.quantities import find_quantities, parse_number

# text, expected (surface, value, low, high, bound, approximate, currency or unit)
CASES = [
    ("approximately 10,900 troops", "approximately 10,900", 10900, None, None, "~", True, None),
    ("1.5 million people", "1.5 million", 1_500_000, None, None, "=", False, None),
    ("a budget of $2bn", "$2bn", 2_000_000_000, None, None, "=", False, "usd"),
    ("fifteen hundred soldiers", "fifteen hundred", 1500, None, None, "=", False, None),
    ("some 15-hundred troops", "some 15-hundred", 1500, None, None, "~", True, None),
    ("ten-thousand men", "ten-thousand", 10000, None, None, "=", False, None),
    ("a couple of thousand troops", "a couple of thousand", 2000, None, None, "~", True, None),
    ("tens of thousands of people", "tens of thousands", None, 10000, 100000, ">=", True, None),
    ("dozens were hurt", "dozens", None, 12, 120, ">=", True, None),
    ("11,000 to 12,000 troops", "11,000 to 12,000", None, 11000, 12000, "=", False, None),
    ("between 3 and 5 missiles", "between 3 and 5", None, 3, 5, "=", False, None),
    ("up to 12,000 troops", "up to 12,000", 12000, None, None, "<=", False, None),
    ("at least 38 people", "at least 38", 38, None, None, ">=", False, None),
    ("more than 100 vessels", "more than 100", 100, None, None, ">", False, None),
    ("nearly 1.7 million people", "nearly 1.7 million", 1_700_000, None, None, "<=", True, None),
    ("fewer than 3.5 seconds", "fewer than 3.5", 3.5, None, None, "<", False, None),
    ("an estimated 500,000 people", "an estimated 500,000", 500_000, None, None, "~", True, None),
    ("more than a dozen targets", "more than a dozen", 12, None, None, ">", False, None),
    ("about a third of the fleet", "about a third", 0.333, None, None, "~", True, "fraction"),
    ("roughly 90% of them", "roughly 90%", 90, None, None, "~", True, "percent"),
    ("an estimated $20,000 to $50,000 each", "an estimated $20,000 to $50,000", None, 20000, 50000, "~", True, "usd"),
    ("winds of 155mph", "155mph", 155, None, None, "=", False, "mph"),
    ("it fell minus-5 yards", "minus-5", -5, None, None, "=", False, None),
    ("a deficit of £2.7m", "£2.7m", 2_700_000, None, None, "=", False, "gbp"),
    ("for nearly an hour", "nearly an hour", 1, None, None, "<=", True, "hours"),
    ("rose from 4.8 to 4.7 percent", "from 4.8", 4.8, None, None, "=", False, None),
    ("a 5-10W radar", "5-10W", None, 5, 10, "=", False, "W"),
    ("1/16 of the stock", "1/16", 0.0625, None, None, "=", False, "fraction"),
    ("one in five children", "one in five", 0.2, None, None, "=", False, "fraction"),
    ("nearly 3 out of 10 voters", "nearly 3 out of 10", 0.3, None, None, "<=", True, "fraction"),
    ("the reading,minus 40 Celsius", "minus 40", -40, None, None, "=", False, None),
    ("closed at Y=28,030 in Tokyo", "Y=28,030", 28030, None, None, "=", False, "jpy"),
    # thousands grouped by a space, a no-break space or a thin space
    ("some 12 500 refugees", "some 12 500", 12500, None, None, "~", True, None),
    ("a fleet of 2\u202f340 trucks", "2\u202f340", 2340, None, None, "=", False, None),
    ("exactly 3\u00a0001\u00a0250 votes", "3\u00a0001\u00a0250", 3_001_250, None, None, "=", False, None),
    # a group glued to a calibre is a calibre, not the thousands of the number before it
    ("fired 40 122-mm rockets", "40", 40, None, None, "=", False, None),
    ("sent 300 155mm shells", "300", 300, None, None, "=", False, None),
    # what a scale word leaves over, in words or digits
    ("nine thousand 400 sandbags", "nine thousand 400", 9400, None, None, "=", False, None),
    ("two hundred and five rockets", "two hundred and five", 205, None, None, "=", False, None),
    ("seven-hundred-12 prisoners", "seven-hundred-12", 712, None, None, "=", False, None),
    # the minus sign (U+2212)
    ("a low of −12 degrees", "−12", -12, None, None, "=", False, None),
    ("turnout rose 4−7% in towns", "4−7%", None, 4, 7, "=", False, "percent"),
    # a glued "m" before a plural noun is millions, elsewhere metres
    ("some 2.4m refugees fled", "some 2.4m", 2_400_000, None, None, "~", True, None),
    ("a 50m tower", "50m", 50, None, None, "=", False, "metres"),
    # South Asian scales
    ("a budget of Rs 3,400 crore", "Rs 3,400 crore", 34_000_000_000, None, None, "=", False, "inr"),
    ("some 6 lakh pilgrims", "some 6 lakh", 600_000, None, None, "~", True, None),
    # vulgar fractions, alone or after a whole number
    ("a 3½-hour siege", "3½", 3.5, None, None, "=", False, None),
    ("nearly ¼ of the wells", "nearly ¼", 0.25, None, None, "<=", True, None),
]


@pytest.mark.parametrize("text", ["tel. 020 123 456 or", "fax 01 234 567 before noon"])
def test_digit_groups_after_a_number_are_not_thousands(text: str) -> None:
    """A space-grouped figure starts with a non-zero digit and no number before it: "020 123 456" is a phone
    number."""
    assert all(q.value is not None and q.value < 1000 for q in find_quantities(text))


@pytest.mark.parametrize(("text", "value"), [("On June 3 250 refugees arrived.", 250), ("by Sept 9 120 had left", 120)])
def test_a_day_after_a_month_is_not_a_thousands_group(text: str, value: float) -> None:
    """ "June 3 250 refugees": the day of a date, then the figure, never 3,250."""
    assert value in [q.value for q in find_quantities(text)]
    assert not [q for q in find_quantities(text) if q.value and q.value > 1000]


def test_unit_written_on_the_first_figure_is_not_the_seconds() -> None:
    """ "rose 8.15% to 3.65": the share price is not a percentage."""
    first, second = find_quantities("The shares rose 8.15% to 3.65 on Monday.")[:2]
    assert (first.value, first.unit) == (8.15, "percent")
    assert (second.value, second.unit) == (3.65, None)


@pytest.mark.parametrize(
    ("text", "surface", "value", "low", "high", "bound", "approximate", "unit"), CASES, ids=[c[1] for c in CASES]
)
def test_quantity(
    text: str,
    surface: str,
    value: float | None,
    low: float | None,
    high: float | None,
    bound: str,
    approximate: bool,
    unit: str | None,
) -> None:
    quantity = find_quantities(text)[0]
    assert text[quantity.span[0] : quantity.span[1]] == surface
    assert (quantity.value, quantity.low, quantity.high) == (value, low, high)
    assert (quantity.bound, quantity.approximate) == (bound, approximate)
    assert (quantity.currency or quantity.unit) == unit


@pytest.mark.parametrize(
    "text",
    [
        "North Korea's XI Corps is elite.",
        "Su-34 jets and AN-124 transports and M23 rebels",
        "under UN Resolution 2231",
        "the 6th Infantry Division",
        "at 7:40 a.m. local time",
        "a treaty signed in 1951",
        "between 2014 and 2017",
        "one of the deadliest attacks",
        "the three countries left",
        "call +44 20 7946 0958 now",
        "the S&P 500 fell",
        "iPhone 11 sales",
        "24/7 coverage",
        "a flat at 22 Ave Foch in Paris",
        "it joined the Fortune 100 in May",
        "Senard, 65, now faces",
    ],
)
def test_not_a_figure(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10,900", 10900),
        ("1.5 million", 1_500_000),
        ("twenty-five", 25),
        ("fifteen hundred", 1500),
        ("a hundred", 100),
        ("2.8bn", 2.8e9),
        (".001", 0.001),
        ("one thousand two hundred", 1200),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_scientific_notation() -> None:
    [quantity] = find_quantities("The mass is approximately 1.99×10−30 kilograms.")
    assert quantity.value == pytest.approx(1.99e-30)
