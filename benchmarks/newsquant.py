"""Quantity extraction on NewsQuant (the dev half in ../shared/benchmarks), scored by the project's scorer.

    python benchmarks/newsquant.py [--shared ../shared]

Runs watchfloor's pipeline over each sentence (one document each, no publication date) and prints the
scorer's value and value+unit precision, recall and F1 next to the published reference points measured
with the same scorer on this half: quantulum3 0.701 / 0.434, CQE 0.928 / 0.861.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def predict(sentences: list[str], out: Path) -> None:
    """One contract JSON line per sentence, in order; an empty extraction where a sentence is refused."""
    from watchfloor.config import Settings
    from watchfloor.errors import InputError
    from watchfloor.model import Document, Extraction
    from watchfloor.pipeline import extract_documents
    from watchfloor.read.text import make_document
    from watchfloor.serialize import to_contract

    settings = Settings()
    documents: list[Document | None] = []
    for number, text in enumerate(sentences):
        try:
            documents.append(make_document(text, f"newsquant:{number}", max_chars=settings.max_chars))
        except InputError:
            documents.append(None)
    results = iter(extract_documents([d for d in documents if d is not None], settings))
    with out.open("w", encoding="utf-8") as handle:
        for document in documents:
            result = next(results) if document is not None else None
            line = to_contract(result) if isinstance(result, Extraction) else {"claims": []}
            handle.write(json.dumps(line) + "\n")


def score(shared: Path) -> dict[str, float]:
    gold = shared / "benchmarks" / "newsquant-dev.json"
    sentences = [item["text"] for item in json.loads(gold.read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as folder:
        predictions = Path(folder) / "predictions.jsonl"
        predict(sentences, predictions)
        completed = subprocess.run(
            [
                sys.executable,
                str(shared / "tools" / "score_newsquant.py"),
                "--gold",
                str(gold),
                "--pred",
                str(predictions),
                "--json",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    report: dict[str, float] = json.loads(completed.stdout)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    report = score(Path(parser.parse_args().shared))
    print(f"sentences {report['sentences']}, gold quantities {report['gold']}, predicted {report['pred']}")
    for name in ("value", "value_unit"):
        precision, recall, f1 = (report[f"{name}.{part}"] for part in ("precision", "recall", "f1"))
        print(f"{name:11} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print("reference  quantulum3 value F1 0.701, value+unit 0.434; CQE 0.928 / 0.861 (same scorer, same half)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
