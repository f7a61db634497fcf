"""watchfloor: a sourced, time-aware ledger of what war and geopolitics news says."""

__version__ = "0.2.0"
