"""Using the budget: topic labels and the next phrase of the lede (invented sentences)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from summarize.headline.rules.filling import add_topic_label, append_next_phrase
from summarize.headline.topic import Topic


@pytest.mark.parametrize(
    ("text", "bytes", "labels", "expected"),
    [
        ("Leaders agree ceasefire", 75, ["Tarvonia"], "Tarvonia: Leaders agree ceasefire"),
        # the first label the text lacks, that fits
        (
            "Tarvonia leaders agree ceasefire",
            75,
            ["Tarvonia", "Ostrel"],
            "Ostrel: Tarvonia leaders agree ceasefire",
        ),
        (
            "Leaders agree ceasefire",
            32,
            ["Tarvonia Republic", "Ostrel"],
            "Ostrel: Leaders agree ceasefire",
        ),
        # nothing fits, nothing missing, or a label already there: unchanged
        ("Leaders agree ceasefire", 25, ["Tarvonia"], "Leaders agree ceasefire"),
        ("Tarvonia leaders agree", 75, ["Tarvonia"], "Tarvonia leaders agree"),
        ("Ostrel: leaders agree", 75, ["Tarvonia"], "Ostrel: leaders agree"),
        ("Leaders agree ceasefire", 75, [], "Leaders agree ceasefire"),
    ],
)
def test_add_topic_label(text: str, bytes: int, labels: list[str], expected: str) -> None:
    assert add_topic_label(text, bytes, labels) == expected


@pytest.mark.parametrize(
    ("text", "bytes", "following", "expected"),
    [
        (
            "Minister quits over scandal",
            75,
            "in Ostrel on Monday",
            "Minister quits over scandal in Ostrel on Monday",
        ),
        # the longest run that fits and ends on a content word
        (
            "Minister quits over scandal",
            40,
            "in Ostrel on Monday",
            "Minister quits over scandal in Ostrel",
        ),
        ("Minister quits over scandal", 30, "in Ostrel on Monday", "Minister quits over scandal"),
        # only a prepositional phrase, ending where a phrase ends, without a clause or verb
        ("Minister quits over scandal", 75, "and he left", "Minister quits over scandal"),
        (
            "Minister quits over scandal",
            45,
            "in the Ostrel capital city",
            "Minister quits over scandal",
        ),
        (
            "Minister quits over scandal",
            75,
            "as rivals gained ground",
            "Minister quits over scandal",
        ),
        (
            "Minister quits over scandal",
            75,
            "after voters who backed him left",
            "Minister quits over scandal",
        ),
        ("Minister quits", 75, "", "Minister quits"),
    ],
)
def test_append_next_phrase(text: str, bytes: int, following: str, expected: str) -> None:
    assert append_next_phrase(text, bytes, following.split()) == expected


def test_topic_labels_are_names_the_story_repeats() -> None:
    topic = Topic(
        text="Voters in Tarvonia went to the polls.\n"
        "The Ostrel Party won most seats in Tarvonia on Monday.\n"
        "Leaders of the Ostrel Party said Tarvonia would change.\n"
        "Mobile phones were banned. Analysts said mobile voting failed."
    )
    assert topic.labels() == ("Tarvonia", "Ostrel Party")


def test_a_label_the_text_names_in_another_form_is_skipped() -> None:
    assert add_topic_label("Troops leave Tarvonian border", 75, ["Tarvonia"]) == (
        "Troops leave Tarvonian border"
    )


def test_add_topic_label_reads_no_labels_without_room_for_one() -> None:
    read: list[str] = []

    def labels() -> Iterator[str]:
        read.append("read")
        yield "Tarvonia"

    full = "Troops leave the border after weeks of talks with the Ostrel council"
    assert add_topic_label(full, len(full) + 2, labels()) == full
    assert read == []
    assert add_topic_label("Troops leave border", 75, labels()) == "Tarvonia: Troops leave border"
    assert read == ["read"]
