"""Helpers to write gold files (stdlib only) and check quotes appear verbatim."""
import json, sys
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent

def C(quote, number_text, value, unit, subject, source, speaker, certainty="certain", date=None, basis=None,
      bound="=", approx=False, low=None, high=None, polarity="positive", note=None, change=None):
    d = {"quote": quote, "number_text": number_text, "value": value, "low": low, "high": high,
         "approximate": approx, "bound": bound, "unit": unit, "subject": subject, "source": source,
         "speaker": speaker, "certainty": certainty, "polarity": polarity, "date": date}
    if basis: d["date_basis"] = basis
    if change: d["change"] = change
    if note: d["note"] = note
    return d

def E(quote, trigger, type_, source, target, attributed_to, certainty="certain", polarity="positive",
      context=None, location=None, date=None, note=None):
    d = {"quote": quote, "trigger": trigger, "type": type_, "source": source, "target": target,
         "attributed_to": attributed_to, "certainty": certainty, "polarity": polarity, "context": context,
         "location": location, "date": date}
    if note: d["note"] = note
    return d

def P(name, country, lat, lon):
    return {"name": name, "country": country, "lat": lat, "lon": lon}

def save(num, published, actors, places, claims, events, note=None):
    text = (ROOT / "articles" / f"{num}.txt").read_text(encoding="utf-8")
    errs = []
    for p in places:
        if p["name"].casefold() not in text.casefold(): errs.append(f"place not in text: {p['name']}")
    for c in claims:
        if c["quote"] not in text: errs.append(f"claim quote: {c['quote']}")
        elif c["number_text"] not in c["quote"]: errs.append(f"number_text not in quote: {c['number_text']}")
    for e in events:
        if e["quote"] not in text: errs.append(f"event quote: {e['quote']}")
        elif e["trigger"] not in e["quote"]: errs.append(f"trigger not in quote: {e['trigger']}")
        if e["location"] and e["location"] not in [p["name"] for p in places]: errs.append(f"location {e['location']}")
        for k in ("source", "target"):
            if e[k] and e[k] not in actors: errs.append(f"event {k} {e[k]} not in actors")
        if e["attributed_to"] not in actors + ["OUTLET", None]: errs.append(f"attr {e['attributed_to']}")
    for c in claims:
        if c["subject"] and c["subject"] not in actors: errs.append(f"subject {c['subject']}")
        if c["source"] and c["source"] not in actors + ["OUTLET"]: errs.append(f"source {c['source']}")
    words = len(text.split())
    gold = {"id": num, "published": published, "actors": actors, "places": places, "claims": claims, "events": events}
    if note: gold["note"] = note
    out = ROOT / "gold" / f"{num}.json"
    out.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    json.loads(out.read_text(encoding="utf-8"))
    print(num, "words", words, "actors", len(actors), "places", len(places), "claims", len(claims), "events", len(events))
    for e in errs: print("  ERROR", e)
    return not errs
