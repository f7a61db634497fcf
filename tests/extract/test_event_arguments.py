"""Event arguments through the real pipeline: who acts, on whom, where; one table row per construction."""

from __future__ import annotations

import pytest

PUBLISHED = "2024-11-27"


def side(result_actors, actor_id):
    actor = {a.id: a for a in result_actors}.get(actor_id)
    return (actor.country or actor.id) if actor else actor_id


ARGUMENT_CASES = [
    # name, text, (type, source side, target side)
    # the target named inside the act's clausal complement
    ("complement subject", "Chad demanded that Niger release the detained officers.", ("DEMAND", "TCD", "NER")),
    (
        "complement object's preposition",
        "Iran threatened to cut off gas supplies to Armenia.",
        ("THREATEN", "IRN", "ARM"),
    ),
    ("complement object", "Bolivia refused to allow Peruvian aircraft to land.", ("REJECT", "BOL", "PER")),
]


@pytest.mark.parametrize(("name", "text", "expected"), ARGUMENT_CASES, ids=[c[0] for c in ARGUMENT_CASES])
def test_event_arguments(extract, name: str, text: str, expected: tuple[str, str | None, str | None]) -> None:
    result = extract(text, PUBLISHED)
    found = [(e.type, side(result.actors, e.source), side(result.actors, e.target)) for e in result.events]
    assert expected in found
