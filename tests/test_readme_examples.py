"""The README's example outputs are what watchfloor prints: a fresh run of every marked command on a ledger
of the bundled samples (``tools/readme_examples.py``) gives the README back unchanged."""

from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "tools" / "readme_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_examples_equal_a_fresh_run(tmp_path: Path) -> None:
    tool = _tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [match.group("command") for match in tool.EXAMPLE.finditer(readme)]
    assert tool.QUICKSTART in commands and 'watchfloor track "troops|PRK|deploy|RUS"' in commands
    # a row of the track example changed: the fresh run must put it back, and change nothing else
    drifted = readme.replace("│ 2024-12-20 │", "│ 2024-12-21 │", 1)
    assert drifted != readme
    fresh = tool.regenerate(drifted, tmp_path)
    drift = "".join(difflib.unified_diff(readme.splitlines(True), fresh.splitlines(True), "README.md", "fresh run"))
    assert not drift, (
        f"README examples differ from a fresh run; `python tools/readme_examples.py` rewrites them:\n{drift}"
    )


def test_the_readme_states_the_measured_index_time() -> None:
    tool = _tool()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [measured] = [m.group("value") for m in tool.MEASURED.finditer(readme) if m.group("name") == "index"]
    assert measured.endswith(" s") and measured[:-2].isdigit()  # written by `--measure`, a figure of a real run
