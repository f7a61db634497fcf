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


class UnknownValueError(WatchfloorError):
    """A filter names a value outside a closed set (an event type, a certainty); ``valid`` lists the set."""

    def __init__(self, message: str, valid: list[str]) -> None:
        super().__init__(message)
        self.valid = valid
