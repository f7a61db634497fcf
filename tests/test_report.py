"""The brief's wording of figures."""

from __future__ import annotations

import pytest

from watchfloor.report import _figure


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ({"value": 10900.0, "bound": "~"}, "about 10,900"),
        ({"value": 0.05, "bound": "="}, "0.05"),
        ({"value": 1.5, "bound": "<="}, "up to 1.5"),
        ({"value": None, "low": 3000.0, "high": 10000.0, "bound": ">="}, "3,000 to 10,000"),
        ({"value": None, "low": 12.0, "high": None, "bound": ">="}, "at least 12"),
    ],
)
def test_figures_keep_their_decimals_and_thousands(row: dict, words: str) -> None:
    assert _figure(row) == words
