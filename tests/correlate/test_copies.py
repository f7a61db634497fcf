"""Wire copies: MinHash signatures and the copy threshold (no spaCy)."""

from __future__ import annotations

from watchfloor.correlate.copies import COPY_THRESHOLD, CopyFinder, signature

STORY = (
    "Ukrainian air defences shot down most of the drones launched overnight at the capital, the city's military "
    "administration said on Tuesday. Debris fell on two districts and damaged a school and several homes. "
    "Emergency crews put out a fire at a warehouse on the left bank of the river, and nobody was hurt. "
    "The attack lasted about four hours and sent residents into metro stations for shelter before dawn. "
    "Officials urged people to stay away from fragments and to report any unexploded objects to the police."
)
EDITED = STORY.replace("and nobody was hurt", "and one worker was treated for smoke").replace(
    "four hours", "five hours"
)
OTHER = (
    "Talks between the two governments on a grain corridor resumed in Istanbul on Wednesday after a pause of "
    "three weeks. Negotiators discussed inspections of ships, insurance for cargo and the safety of ports. "
    "A spokesman said both sides wanted a deal before the harvest but gave no date for the next round."
)


def test_identical_text_has_identical_signature() -> None:
    assert signature(STORY) == signature(STORY)


def test_signature_ignores_case() -> None:
    assert signature(STORY) == signature(STORY.upper())


def test_a_lightly_edited_copy_is_found_as_a_copy_of_the_original() -> None:
    finder = CopyFinder([("original", signature(STORY))])
    found = finder.original_of(signature(EDITED))
    assert found is not None and found[0] == "original"


def test_a_copy_scores_at_or_above_the_threshold() -> None:
    finder = CopyFinder([("original", signature(STORY))])
    found = finder.original_of(signature(EDITED))
    assert found is not None and found[1] >= COPY_THRESHOLD


def test_a_different_story_is_not_a_copy() -> None:
    finder = CopyFinder([("original", signature(STORY))])
    assert finder.original_of(signature(OTHER)) is None


def test_the_most_similar_stored_story_is_the_original() -> None:
    finder = CopyFinder([("other", signature(OTHER)), ("original", signature(STORY))])
    assert finder.original_of(signature(STORY))[0] == "original"


def test_a_story_added_later_is_found() -> None:
    finder = CopyFinder([])
    finder.add("late", signature(STORY))
    assert finder.original_of(signature(EDITED))[0] == "late"
