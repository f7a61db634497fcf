"""Quantity extraction on NewsQuant (the dev half in ../shared/benchmarks), scored by the project's scorer.

    python benchmarks/newsquant.py [--shared ../shared]

Runs watchfloor's pipeline over each sentence (one document each, no publication date) and prints the
scorer's value and value+unit precision, recall and F1 next to the published reference points measured
with the same scorer on this half: quantulum3 0.701 / 0.434, CQE 0.928 / 0.861.

value+unit is scored twice, once per unit field of the output contract, because NewsQuant's unit is the
one as written ("US$ per barrel", "heart transplants", "shekels") while `unit` is the normalized one an
analyst groups by (usd with `per` "barrel", transplants, ils). "value_unit" reads `unit` as extracted;
"value_unit_text" reads `unit_text` (the extraction's `unit_text` put where the scorer looks, nothing else
changed). The scorer accepts either of NewsQuant's columns (surface or normalized).
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
    """The scorer's report on `unit`, with value_unit_text.* keys for the same run scored on `unit_text`."""
    gold = shared / "benchmarks" / "newsquant-dev.json"
    sentences = [item["text"] for item in json.loads(gold.read_text(encoding="utf-8"))]
    with tempfile.TemporaryDirectory() as folder:
        predictions, written = Path(folder) / "predictions.jsonl", Path(folder) / "unit_text.jsonl"
        predict(sentences, predictions)
        _with_written_units(predictions, written)
        report = _scorer(shared, gold, predictions)
        as_written = _scorer(shared, gold, written)
    report.update({k.replace("value_unit", "value_unit_text"): v for k, v in as_written.items() if "unit" in k})
    return report


def _with_written_units(predictions: Path, out: Path) -> None:
    with predictions.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as handle:
        for line in lines:
            extraction = json.loads(line)
            for claim in extraction.get("claims") or []:
                claim["quantity"]["unit"] = claim["quantity"]["unit_text"]
            handle.write(json.dumps(extraction) + "\n")


def _scorer(shared: Path, gold: Path, predictions: Path) -> dict[str, float]:
    scorer = str(shared / "tools" / "score_newsquant.py")
    completed = subprocess.run(
        [sys.executable, scorer, "--gold", str(gold), "--pred", str(predictions), "--json"],
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
    for name in ("value", "value_unit", "value_unit_text"):
        precision, recall, f1 = (report[f"{name}.{part}"] for part in ("precision", "recall", "f1"))
        print(f"{name:16} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")
    print("reference  quantulum3 value F1 0.701, value+unit 0.434; CQE 0.928 / 0.861 (same scorer, same half)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
