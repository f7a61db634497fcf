"""Finding one claim or event in an output contract, for the extractor rule tests."""

from __future__ import annotations


def claim_for(result: dict, number: str) -> dict:
    text = result["document"]["text"]
    for item in result["claims"]:
        if number in text[item["span"][0] : item["span"][1]]:
            return item
    raise AssertionError(f"no claim for {number!r}: {[text[c['span'][0] : c['span'][1]] for c in result['claims']]}")


def event_for(result: dict, trigger: str) -> dict:
    for item in result["events"]:
        if item["trigger"]["text"] == trigger:
            return item
    raise AssertionError(f"no event on {trigger!r}: {[e['trigger']['text'] for e in result['events']]}")
