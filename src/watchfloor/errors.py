"""The exceptions watchfloor raises; every message says what was wrong and what would be valid."""


class WatchfloorError(Exception):
    """Base class of every error watchfloor raises on purpose."""


class InputError(WatchfloorError):
    """An input cannot be read as an article (empty, binary, too large, malformed, not English...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(WatchfloorError):
    """The spaCy model named in the settings cannot be loaded."""


class UnknownActorError(WatchfloorError):
    """An actor filter names no actor the gazetteer knows."""
