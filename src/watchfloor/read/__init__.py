"""Reading: files, folders, stdin, HTML, feeds and JSONL in; Documents (or Skips with a reason) out."""

from watchfloor.read.files import read_paths

__all__ = ["read_paths"]
