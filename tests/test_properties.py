"""Property tests: readers and time resolution never crash and never invent spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from watchfloor.model import Document, Skip
from watchfloor.read.files import _read_one
from watchfloor.resolve.times import find_times

WORDS = st.sampled_from(
    [
        "in",
        "on",
        "since",
        "by",
        "last",
        "next",
        "week",
        "month",
        "May",
        "may",
        "June",
        "2024",
        "Friday",
        "the",
        "25",
        "November",
        "early",
        "mid-2023",
        "ago",
        "two",
        "days",
        ",",
        ".",
        "troops",
        "2,000",
        "earlier",
        "this",
    ]
)


@given(st.lists(WORDS, max_size=30), st.sampled_from([None, "2024-11-27", "2025-01-01"]))
def test_times_are_exact_spans_with_ordered_intervals(words: list[str], published: str | None) -> None:
    text = " ".join(words)
    for time in find_times(text, published):
        assert text[time.span[0] : time.span[1]] == time.text
        if time.start and time.end:
            assert time.start <= time.end
        if published is None and time.grain == "unresolved":
            assert time.start is None


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.sampled_from([".txt", ".html", ".rss", ".jsonl", None]))
def test_any_bytes_give_documents_or_skips_never_an_exception(data: bytes, suffix: str | None) -> None:
    for item in _read_one(data, "fuzz", suffix, 10_000, 5_000, None):
        assert isinstance(item, Document | Skip)
        if isinstance(item, Document):
            assert item.text and item.id.startswith("sha256:")
        else:
            assert item.reason


PIECES = st.sampled_from(
    [
        "Russia",
        "said",
        "denied",
        "about",
        "10,900",
        "troops",
        "were",
        "deployed",
        "to",
        "Kyiv",
        ",",
        ".",
        "the",
        "North",
        "according to",
        "NIS",
        "reportedly",
        "may",
        "$2bn",
        "per",
        "month",
        "killed",
        "between 3 and 5",
        "Hamas",
        "its",
        "forces",
        "fired",
        "missiles",
        "at",
        "Israel",
        "near",
        "Kursk",
        "on Friday",
        "dozens",
        "SEOUL (Wire) -",
        "\n\n",
        "it",
        "which",
        "condemned",
        "sanctions",
        "against",
        "Pyongyang",
        "one of",
        "%",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(st.lists(PIECES, min_size=3, max_size=40))
def test_pipeline_never_raises_and_output_validates(extract, words: list[str]) -> None:
    import jsonschema

    from watchfloor.serialize import contract_schema, to_contract

    text = " ".join(words)
    if not text.strip():
        return
    result = extract(text, "2024-11-27")
    jsonschema.validate(to_contract(result), contract_schema())
    for claim in result.claims:
        assert 0 <= claim.span[0] < claim.span[1] <= len(result.document.text)
    for event in result.events:
        start, end = event.trigger.span
        assert result.document.text[start:end] == event.trigger.text
