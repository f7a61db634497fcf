"""Language analysis: one cached spaCy pipeline with watchfloor's gazetteer entity ruler."""

from watchfloor.nlp.load import load_pipeline

__all__ = ["load_pipeline"]
