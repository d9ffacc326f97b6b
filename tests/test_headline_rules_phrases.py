"""Headline rules: leading phrases, hedges and time expressions."""

from __future__ import annotations

import pytest

from summarize.headline.rules.phrases import drop_leading_phrase, drop_time_expressions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, the council approved the budget.", "The council approved the budget."),
        ("Earlier this week, the council approved it.", "The council approved it."),
        ("In a statement, the company confirmed the sale.", "The company confirmed the sale."),
        ("However, the plan failed to win support.", "The plan failed to win support."),
        ("But the plan failed to win support.", "The plan failed to win support."),
    ],
)
def test_drop_leading_phrase(text: str, expected: str) -> None:
    assert drop_leading_phrase(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("There is no doubt that electric bikes are popular.", "Electric bikes are popular."),
        ("It is understood that the bank will cut jobs.", "The bank will cut jobs."),
        ("It is clear that the plan failed to win support.", "The plan failed to win support."),
    ],
)
def test_drop_leading_phrase_drops_a_hedge(text: str, expected: str) -> None:
    assert drop_leading_phrase(text) == expected


def test_drop_leading_phrase_keeps_a_subject_with_a_comma() -> None:
    text = "Paris, the capital, was quiet."
    assert drop_leading_phrase(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council approved the budget on Monday.", "The council approved the budget."),
        ("Prices rose last week across the country.", "Prices rose across the country."),
        ("The council, on Monday, approved the budget.", "The council approved the budget."),
        ("Talks resumed on December 11, 2017 in Geneva.", "Talks resumed in Geneva."),
        # a possessive or an "of" keeps the time words: they are part of a noun phrase
        ("This week's vote was delayed again.", None),
        ("The talks end at the end of next month.", None),
    ],
)  # fmt: skip
def test_drop_time_expressions(text: str, expected: str | None) -> None:
    assert drop_time_expressions(text) == (text if expected is None else expected)
