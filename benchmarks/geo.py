"""Places on GeoVirus (Wikinews articles with gold places): the extractor's report from the shared scorer.

    python benchmarks/geo.py [--gold ../shared/datasets/geovirus/dev.jsonl] [--pred OUT.jsonl] [--json]

Extracts every article of the gold file with the stock pipeline, writes the contract JSONL (to --pred, or a
temporary file), and prints ``../shared/tools/score_geo.py``'s report, then the one-time cost of opening the
gazetteer (building its index when the cache has none) and the extraction time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def extract(gold: Path, pred: Path) -> tuple[float, float]:
    """Write one contract line per gold article to ``pred``; return (gazetteer open s, extraction s)."""
    from watchfloor.config import Settings
    from watchfloor.nlp import load_pipeline
    from watchfloor.pipeline import extract_documents
    from watchfloor.read.text import make_document
    from watchfloor.resolve.geonames import open_index
    from watchfloor.serialize import to_contract

    settings = Settings()
    load_pipeline(settings.model)
    opening = time.perf_counter()
    open_index(settings.cache_dir)
    opening = time.perf_counter() - opening
    items = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [make_document(item["text"], f"geovirus:{item['id']}", max_chars=settings.max_chars) for item in items]
    start = time.perf_counter()
    with pred.open("w", encoding="utf-8") as out:
        for result in extract_documents(documents, settings):
            out.write(json.dumps(to_contract(result)) + "\n")  # type: ignore[arg-type]
    return opening, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=SHARED / "datasets" / "geovirus" / "dev.jsonl")
    parser.add_argument("--pred", type=Path, help="where to keep the predictions (default: a temporary file)")
    parser.add_argument("--json", action="store_true", help="the scorer's JSON report")
    args = parser.parse_args()
    scorer = SHARED / "tools" / "score_geo.py"
    if not args.gold.exists() or not scorer.exists():
        print(f"needs {args.gold} and {scorer} (the shared datasets and tools)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        pred = args.pred or Path(folder) / "pred.jsonl"
        opening, seconds = extract(args.gold, pred)
        command = [sys.executable, str(scorer), "--gold", str(args.gold), "--pred", str(pred)]
        report = subprocess.run([*command, *(["--json"] if args.json else [])], check=False)
    print(f"gazetteer open       {opening:8.2f} s (builds the index when the cache has none)")
    print(f"extraction           {seconds:8.2f} s")
    return report.returncode


if __name__ == "__main__":
    sys.exit(main())
