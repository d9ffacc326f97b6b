"""Text helpers of the headline rules (:mod:`summarize.headline.text`)."""

from __future__ import annotations

import re

import pytest

from summarize.headline.text import bare_word, tidy


def _tidy_by_every_substitution(text: str) -> str:
    """What :func:`tidy` does, each substitution made whether or not it has anything to do."""
    out = " ".join(text.split())
    out = re.sub(r"\s+([,;:.!?%)\]])", r"\1", out)
    out = re.sub(r"([(\[])\s+", r"\1", out)
    out = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", out)
    return re.sub(r"^[\s,;:\u2013\u2014-]+", "", out)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Monday.",
        "  The council ,  which met\ton Monday , agreed .",
        "Prices rose ( by 5 % ) after the vote ; officials said",
        "The plan [ first floated in May ]  was dropped",
        "Ostrel , ; the port town ,, reopened : :  its harbour",
        ", ; \u2013 The mayor resigned",
        "The mayor\u00a0resigned ,\u00a0officials said !",
        "Rates fell ,\n; then rose",
        "A list (of names,) and (more ( nested ) brackets )",
        "",
        "   ",
        "?!",
    ],
)
def test_tidy_makes_the_substitutions_that_apply(text: str) -> None:
    assert tidy(text) == _tidy_by_every_substitution(text)


def test_tidy_collapses_spaces_and_punctuation() -> None:
    assert tidy(" The mayor , who resigned ,, left ( quietly ) .") == (
        "The mayor, who resigned, left (quietly)."
    )


def test_bare_word_strips_punctuation_and_lowers_all_but_acronyms() -> None:
    assert bare_word('"Ostrel,') == "ostrel"
    assert bare_word("(US)") == "US"
    assert bare_word("A") == "a"
    assert bare_word("...") == ""


def test_unquoted_drops_passages_in_double_quotes() -> None:
    from summarize.headline.text import unquoted

    assert unquoted('He said "we will rebuild" on Monday') == "He said   on Monday"
    assert unquoted("He said \u201cwe will\u201d again") == "He said   again"
    assert (
        unquoted("No quotes at all, only an apostrophe's")
        == "No quotes at all, only an apostrophe's"
    )
