"""Extraction: spaCy Doc in, claim and event records out; no I/O."""
