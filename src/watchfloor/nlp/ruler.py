"""Entity-ruler patterns from the gazetteers: every actor alias, seat of power and listed region.

Each pattern's id says what it names, so later stages need no second lookup:
``actor:PRK`` (a state or named actor), ``seat:RUS`` (a capital or seat of power used for its state),
``context:PRK`` (an alias that holds only when the text names the actor elsewhere), ``region:N`` (a row of
regions.tsv).
"""

from __future__ import annotations

from typing import Any

from watchfloor import gazetteer

LABELS = {"state": "GPE", "person": "PERSON", "organization": "ORG", "igo": "ORG", "ngo": "ORG", "armed_group": "ORG"}


def _variants(alias: str) -> list[str]:
    """An alias and, for "the X", its sentence-initial "The X"."""
    if alias.startswith("the "):
        return [alias, "The " + alias[4:]]
    return [alias]


def gazetteer_patterns() -> list[dict[str, Any]]:
    """Phrase patterns for spaCy's entity ruler, in the order actors, seats, regions."""
    patterns: list[dict[str, Any]] = []
    for entry in [*gazetteer.states().values(), *gazetteer.named_actors().values()]:
        label = LABELS.get(entry.kind, "ORG")
        for alias in entry.aliases:
            for text in _variants(alias):
                patterns.append({"label": label, "pattern": text, "id": f"actor:{entry.id}"})
    for seat, code in gazetteer.seats().items():
        for text in _variants(seat):
            patterns.append({"label": "GPE", "pattern": text, "id": f"seat:{code}"})
    for alias, actor_id, _requires in gazetteer.contextual_aliases():
        for text in _variants(alias):
            patterns.append({"label": "GPE", "pattern": text, "id": f"context:{actor_id}"})
    for number, region in enumerate(gazetteer.regions()):
        for alias in region.aliases:
            for text in _variants(alias):
                patterns.append({"label": "LOC", "pattern": text, "id": f"region:{number}"})
    return patterns
