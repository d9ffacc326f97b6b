"""Compression as a whole: the rules in order, fitting, whole words."""

from __future__ import annotations

import pytest

from summarize.headline import (
    ALWAYS,
    STYLE,
    compress,
)
from summarize.headline.rules.style import (
    drop_articles,
)
from summarize.text.tokens import tokenize

from .headline_texts import SENTENCES, words_from


def test_headlinese_goes_after_trimming_which_needs_the_auxiliary() -> None:
    text = "The bakers are increasingly making money from cake-flavoured drinks."
    result = compress(text, 40)
    # "making" alone passes for no verb; with "are" it does, and "are" then goes
    assert result.text == "Bakers increasingly making money"
    assert "drop_auxiliaries" in result.steps


def test_compress_applies_the_always_rules_and_headline_style() -> None:
    result = compress(SENTENCES[0])
    assert result.text == "Minister resigned over scandal"
    assert result.steps == (
        "drop_dateline",
        "drop_attribution",
        "drop_time_expressions",
        "drop_relative_clauses",
        "drop_articles",
    )
    assert [rule.__name__ for rule in ALWAYS][:2] == ["drop_byline", "drop_dateline"]
    assert drop_articles in STYLE


@pytest.mark.parametrize("bytes", [30, 45, 60, 75, 90])
@pytest.mark.parametrize("text", SENTENCES)
def test_compressions_fit_keep_whole_words_and_end_without_a_period(text: str, bytes: int) -> None:
    result = compress(text, bytes)
    if len(result.text.encode("utf-8")) > bytes:
        return  # not a headline: headline() passes it over
    assert result.text and not result.text.endswith(".")
    source = {t.lower() for t in tokenize(text)}
    for token in tokenize(result.text):
        assert token in words_from(source), (token, result.text)


def test_compression_keeps_subject_verb_and_object() -> None:
    assert compress(SENTENCES[1]).text.startswith("President Vladimir Putin ordered withdrawal")
    assert compress(SENTENCES[3]).text == (
        "Shareholders of struggling Andamina plan to press new owner of old refinery"
    )
