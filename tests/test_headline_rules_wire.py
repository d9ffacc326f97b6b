"""Headline rules for wire framing: datelines, bylines, parentheticals."""

from __future__ import annotations

import pytest

from summarize.headline.rules.wire import drop_byline, drop_dateline, drop_parentheticals


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON (Reuters) - The Senate passed the bill.", "The Senate passed the bill."),
        (
            "LONDON, Dec 11 (AP) — Prices rose across the country.",
            "Prices rose across the country.",
        ),
        ("(CNN) -- Rescuers found two climbers alive.", "Rescuers found two climbers alive."),
        # a place in title case without an agency is not taken for a dateline
        ("Moscow - Prices rose across the country.", "Moscow - Prices rose across the country."),
    ],
)
def test_drop_dateline(text: str, expected: str) -> None:
    assert drop_dateline(text) == expected


def test_drop_byline() -> None:
    text = "By Jane Doe, Reuters - The council voted to close the pool."
    assert drop_byline(text) == "The council voted to close the pool."
    # "By Monday" is a time phrase, not a byline
    assert drop_byline("By Monday the council had voted.") == "By Monday the council had voted."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profits rose to $1.1bn (£600m) in May.", "Profits rose to $1.1bn in May."),
        ("The plan — first floated in May — was dropped.", "The plan was dropped."),
        ("Two airlines - American and Southwest - blamed fuel.", "Two airlines blamed fuel."),
        ("The plan [since dropped] -- first floated in May -- cost $1m.", "The plan cost $1m."),
        ("The well-known ferry firm blamed fuel.", "The well-known ferry firm blamed fuel."),
        ("The ferry firm blamed fuel.", "The ferry firm blamed fuel."),
    ],
)  # fmt: skip
def test_drop_parentheticals(text: str, expected: str) -> None:
    assert drop_parentheticals(text) == expected
