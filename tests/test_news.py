"""The news scorer: position, corroboration, background specificity, quotes and bare
attributions (invented sentences only)."""

from __future__ import annotations

import numpy as np

from summarize.scorers.news import News, background, is_attribution, is_quote, specificity
from summarize.text.tokens import tokenize

from .conftest import make_sentences


def test_the_lede_scores_above_the_same_kind_of_sentence_later() -> None:
    texts = [
        "Floods closed the coastal highway near the harbour town on Friday.",
        "Engineers inspected the damaged bridge near the coastal highway.",
        "Floods closed the coastal highway near the harbour town again.",
    ]
    values = News().scores(make_sentences(texts))
    assert values[0] > values[2]


def test_a_term_carried_by_every_source_outweighs_one_source_colour() -> None:
    a = make_sentences(
        ["Officials opened a tidal barrier on the estuary.", "A juggler entertained tourists."],
        doc="a",
    )
    b = make_sentences(
        ["The tidal barrier on the estuary was tested.", "Hot chestnuts sold well."], doc="b"
    )
    values = News(weight=0.0).scores(a + b)
    assert values[0] > values[1]
    assert values[2] > values[3]


def test_common_words_are_less_specific_than_rare_ones() -> None:
    if not background("english"):  # pragma: no cover - wordfreq missing
        return
    common, rare = specificity(["people", "zeppelin"])
    assert common < rare
    assert specificity(["qwzxvb"])[0] == 1.0  # unknown to the background: a name, say


def test_no_background_for_other_languages_means_every_word_counts() -> None:
    np.testing.assert_array_equal(specificity(["leute", "zeppelin"], "german"), [1.0, 1.0])


def test_quotes_and_bare_attributions_are_recognised() -> None:
    assert is_quote('"We will rebuild every home," the governor told reporters.')
    assert is_quote("“It was like a wall of water.”")
    assert is_quote("`` we are not finished yet , '' she said .")
    assert not is_quote('The bridge, known locally as "the old span", reopened.')
    assert is_attribution(tokenize("The regional police said on Monday."))
    assert is_attribution(tokenize("A spokesman for the ministry confirmed this."))
    assert not is_attribution(tokenize("Police said the dam failed after three days of rain."))


def test_quotes_are_down_weighted_by_the_quotes_factor() -> None:
    texts = [
        "Heavy snow grounded flights at the mountain airport.",
        '"Heavy snow grounded every flight at the mountain airport," a pilot said.',
    ]
    sentences = make_sentences(texts, doc="a")
    plain = News(quotes=1.0).scores(sentences)
    damped = News(quotes=0.5).scores(sentences)
    assert damped[1] == plain[1] * 0.5
    assert damped[0] == plain[0]


def test_parameters_are_the_mix() -> None:
    sentences = make_sentences(
        ["A ferry ran aground.", "The ferry ran aground on rocks near the island pier."]
    )
    np.testing.assert_allclose(News(weight=1.0, quotes=1.0).scores(sentences), [1.0, 0.5])
