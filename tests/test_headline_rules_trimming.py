"""Trimming to the budget: trailing detail and inner phrases."""

from __future__ import annotations

import pytest

from summarize.headline.rules.trimming import drop_inner_phrases, drop_trailing_detail


def test_common_verbs_of_news_count_as_verbs_when_cutting() -> None:
    text = "Blurring of lines between radio and the web raises questions of oversight."
    assert drop_trailing_detail(text, 70) == (
        "Blurring of lines between radio and the web raises questions"
    )


def test_drop_trailing_detail_cuts_at_a_phrase_boundary_and_keeps_the_verb() -> None:
    text = "The council approved the budget for the new library in the town centre."
    assert drop_trailing_detail(text, 40) == "The council approved the budget"
    assert drop_trailing_detail(text, 60) == "The council approved the budget for the new library"
    # never "The council" (no verb) nor a cut inside a word
    assert drop_trailing_detail(text, 20) == text
    assert drop_trailing_detail("Short enough.", 40) == "Short enough."


def test_drop_trailing_detail_does_not_end_on_a_function_word_or_a_dangling_clause() -> None:
    text = "Shoigu has said that elements of the army had begun returning to Russia."
    cut = drop_trailing_detail(text, 40)
    assert cut != "Shoigu has said that elements"  # "that" opens a clause without a verb
    assert not cut.endswith((" of", " the", " that", " to"))


@pytest.mark.parametrize(
    ("text", "bytes", "not_expected"),
    [
        ("Mira Sol was barred from Clipcast for ten days over a clip promoting fad diets.", 70,
         "Mira Sol was barred from Clipcast for ten days over a clip promoting"),
        ("Grainco said a Kenyan tribunal must rule whether to halt Uganda's auction of Millstar.",
         66, "Grainco said a Kenyan tribunal must rule whether to halt Uganda's"),
        ("As the harbour master faces an inquiry his crews grow tired of the delays.", 50,
         "As the harbour master faces an inquiry"),
        ("A cheap zombie musical directed by Tom Reyes has led the Irish ticket charts.", 40,
         "A cheap zombie musical directed"),
        # a quantity needs its "of" phrase
        ("The champions returned to the valley of one of their heaviest losses in the cup.", 50,
         "The champions returned to the valley of one"),
    ],
)  # fmt: skip
def test_drop_trailing_detail_leaves_nothing_dangling(
    text: str, bytes: int, not_expected: str
) -> None:
    assert drop_trailing_detail(text, bytes) != not_expected


def test_drop_inner_phrases_keeps_the_phrase_of_a_phrasal_verb() -> None:
    text = "Trump is backing down in his standoff with Pelosi over the annual speech."
    # not "Trump is backing down with Pelosi over the annual speech"
    assert drop_inner_phrases(text, 60) == "Trump is backing down in his standoff with Pelosi"


def test_drop_inner_phrases_drops_a_phrase_inside_so_that_what_follows_fits() -> None:
    text = "Sales rose in most regions of the country during the long cold winter by a third."

    def weight(word: str) -> float:
        return 3.0 if word.startswith("third") else 1.0

    assert drop_trailing_detail(text, 60, weight) == "Sales rose in most regions of the country"
    assert drop_inner_phrases(text, 60, weight) == (
        "Sales rose in most regions of the country by a third."
    )
