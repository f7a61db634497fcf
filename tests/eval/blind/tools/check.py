#!/usr/bin/env python3
"""Check every gold file: valid JSON, quotes/number_text/triggers/place names verbatim in the article. Stdlib only."""
import json, sys
from pathlib import Path
root = Path(__file__).resolve().parent.parent
bad = 0
for g in sorted((root / "gold").glob("*.json")):
    gold = json.loads(g.read_text(encoding="utf-8"))
    text = (root / "articles" / f"{g.stem}.txt").read_text(encoding="utf-8")
    errs = []
    for c in gold["claims"]:
        if c["quote"] not in text: errs.append("claim quote: " + c["quote"])
        if c["number_text"] not in c["quote"]: errs.append("number_text: " + c["number_text"])
    for e in gold["events"]:
        if e["quote"] not in text: errs.append("event quote: " + e["quote"])
        if e["trigger"] not in e["quote"]: errs.append("trigger: " + e["trigger"])
    for p in gold["places"]:
        if p["name"].casefold() not in text.casefold(): errs.append("place: " + p["name"])
    n = len(text.split())
    if not 250 <= n <= 500: errs.append(f"words {n}")
    print(g.stem, "ok" if not errs else "FAIL", f"words={n} actors={len(gold['actors'])} places={len(gold['places'])} "
          f"claims={len(gold['claims'])} events={len(gold['events'])}")
    for e in errs: print("   ", e)
    bad += bool(errs)
sys.exit(1 if bad else 0)
