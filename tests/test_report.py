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


class _EventsOnly:
    """A ledger with events and no claims: what ``write_brief`` reads."""

    def __init__(self, events: list[dict]) -> None:
        self._events = events

    def track_keys(self) -> list[str]:
        return []

    def place_countries(self) -> dict[str, str]:
        return {}

    def track_summaries(self, **_filters) -> list[dict]:
        return []

    def memo(self, _name: str, compute):
        return compute()

    def events(self, *, contexts: tuple[bool, tuple[str, ...]], limit: int | None = None, **_filters) -> list[dict]:
        """The events in (or, with False, out of) the named contexts, the last ``limit`` of them."""
        only, names = contexts
        chosen = [e for e in self._events if (e["context"] in names) == only]
        return chosen[-limit:] if limit else chosen

    def event_pairs(self) -> list[dict]:
        """The kinds of act between sides (what the track groups read for the alignment)."""
        return self._events

    def event_sections(self, key, top: int, sections: dict, reports: int | None = None, **filters) -> dict:
        from watchfloor.store.ledger import group_events

        return {
            name: group_events(self.events(contexts=c, **filters), key, top, reports) for name, c in sections.items()
        }

    def documents(self, ids: set[str]) -> dict[str, dict]:
        text = "Russia struck Kyiv; in 2023 it attacked Odesa and it will strike again."
        return {i: {"text": text, "outlet": "Desk", "published": "2025-01-02", "title": "T", "url": None} for i in ids}


def _event(context: str | None, trigger: tuple[int, int]) -> dict:
    return {
        "document_id": "doc", "published": "2025-01-02", "type": "ASSAULT", "source": "RUS", "source_country": "RUS",
        "target": "UKR", "target_country": "UKR", "certainty": "certain", "polarity": "positive",
        "context": context, "trigger_start": trigger[0], "trigger_end": trigger[1],
    }  # fmt: skip


def test_background_and_future_acts_are_not_news() -> None:
    from watchfloor.report import write_brief

    brief = write_brief(
        _EventsOnly([_event(None, (7, 13)), _event("historical", (31, 39)), _event("future", (55, 61))])
    )
    sections = {part.split("\n", 1)[0]: part for part in brief.split("## ")[1:]}
    assert list(sections) == ["Events", "Background", "Ahead"]
    assert [sum(line.startswith("- ") for line in part.splitlines()) for part in sections.values()] == [1, 1, 1]
    assert "struck or attacked Ukraine [ASSAULT; 1 report; certain]" in sections["Background"]
