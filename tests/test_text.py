"""Tokens, stop words and stems, offline."""

from __future__ import annotations

import pytest

from summarize.errors import SummarizeError
from summarize.text.tokens import Analyzer, stop_words, tokenize


def test_tokenize_keeps_inner_punctuation_and_drops_the_rest() -> None:
    assert tokenize("The U.S. paid $10.9bn — don't panic, Mr. Smith’s team said!") == (
        "the", "u.s", "paid", "10.9bn", "don't", "panic", "mr", "smith", "team", "said",
    )  # fmt: skip


def test_tokenize_other_scripts() -> None:
    assert tokenize("Привет, мир! Ελλάδα και Besançon") == (
        "привет", "мир", "ελλάδα", "και", "besançon",
    )  # fmt: skip


def test_english_terms_are_stemmed_content_words() -> None:
    analyzer = Analyzer("english")
    assert analyzer.terms(tokenize("The troops were withdrawing from the bases")) == (
        "troop", "withdraw", "base",
    )  # fmt: skip


def test_other_languages_use_their_own_lists_and_stemmers() -> None:
    assert "und" in stop_words("german")
    assert Analyzer("german").terms(tokenize("Die Häuser und die Gärten")) == ("haus", "gart")


def test_language_without_stop_list_still_stems() -> None:
    assert stop_words("danish") == frozenset()
    assert Analyzer("danish").terms(("husene",)) == ("hus",)


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(
        SummarizeError, match=r"unsupported language 'klingon'; available: .*english"
    ):
        Analyzer("klingon")
