"""Regenerate the README's example outputs from real runs on the bundled samples.

Each example in README.md is marked with the command it shows:

    <!-- readme-run: watchfloor track "troops|PRK|deploy|RUS" -->
    ```console
    $ watchfloor track "troops|PRK|deploy|RUS"
    ...what the command printed...
    ```

This script ingests `samples/` into a fresh temporary ledger, runs every marked command with that ledger
(`WATCHFLOOR_DB`) from the repository root, and writes what each printed on stdout into its block (trailing
spaces stripped). `tests/test_readme_examples.py` runs the same regeneration and fails when the README
differs, so the examples cannot drift from what watchfloor prints.

With `--measure`, it also times the first run's GeoNames index build (the quickstart command with an empty
cache, minus the same command with the cache built) and writes it into the README's
`<!-- readme-measured: index -->N s<!-- /readme-measured -->` span: a figure of this machine, not compared by
the test.

    python tools/readme_examples.py [--measure] [--check]
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = re.compile(r"<!-- readme-run: (?P<command>.+?) -->\n```console\n(?P<body>.*?)```\n", re.DOTALL)
MEASURED = re.compile(r"(<!-- readme-measured: (?P<name>\w+) -->)(?P<value>.*?)(<!-- /readme-measured -->)")
QUICKSTART = "watchfloor extract samples/red-sea-brief.txt --format table"


class ExampleError(RuntimeError):
    """A README command that failed (its stderr says why)."""


def run_command(command: str, env: dict[str, str]) -> str:
    """What one README command prints on stdout, run as a user would from the repository root."""
    words = shlex.split(command)
    if not words or words[0] != "watchfloor":
        raise ExampleError(f"a README example must be a watchfloor command, not {command!r}")
    done = subprocess.run(
        [sys.executable, "-m", "watchfloor", *words[1:]], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise ExampleError(f"{command!r} exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    return "\n".join(line.rstrip() for line in done.stdout.rstrip("\n").splitlines()) + "\n"


def samples_ledger(folder: Path) -> dict[str, str]:
    """The environment of the examples: a fresh ledger holding the bundled samples."""
    env = {**os.environ, "WATCHFLOOR_DB": f"sqlite:///{folder / 'ledger.sqlite'}"}
    env.pop("COLUMNS", None)  # the tables' width is fixed when stdout is not a terminal
    run_command("watchfloor ingest samples", env)
    return env


def regenerate(readme: str, folder: Path) -> str:
    """The README with every marked example's block replaced by a fresh run's output."""
    env = samples_ledger(folder)

    def fresh(match: re.Match[str]) -> str:
        command = match.group("command")
        return f"<!-- readme-run: {command} -->\n```console\n$ {command}\n{run_command(command, env)}```\n"

    return EXAMPLE.sub(fresh, readme)


def measure_index(folder: Path) -> str:
    """Seconds the first run spends building the GeoNames index, as the README states it ("17 s")."""
    env = {**os.environ, "WATCHFLOOR_CACHE": str(folder / "cache")}
    timings = []
    for _ in range(2):  # the first run builds the index, the second opens it
        start = time.perf_counter()
        run_command(QUICKSTART, env)
        timings.append(time.perf_counter() - start)
    return f"{max(timings[0] - timings[1], 0):.0f} s"


def set_measured(readme: str, name: str, value: str) -> str:
    if not any(match.group("name") == name for match in MEASURED.finditer(readme)):
        raise ExampleError(f"README.md has no <!-- readme-measured: {name} --> span")
    return MEASURED.sub(lambda m: m.group(0) if m.group("name") != name else f"{m.group(1)}{value}{m.group(4)}", readme)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--measure", action="store_true", help="also time the first run's index build")
    parser.add_argument("--check", action="store_true", help="only say whether README.md is up to date")
    options = parser.parse_args()
    path = ROOT / "README.md"
    readme = path.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as folder:
        fresh = regenerate(readme, Path(folder))
        if options.measure:
            fresh = set_measured(fresh, "index", measure_index(Path(folder)))
    if options.check:
        print("README.md is up to date" if fresh == readme else "README.md differs from a fresh run")
        return 0 if fresh == readme else 1
    path.write_text(fresh, encoding="utf-8")
    print(f"README.md: {len(EXAMPLE.findall(fresh))} examples regenerated", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
