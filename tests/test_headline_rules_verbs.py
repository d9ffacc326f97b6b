"""Headline verb rules: headline verbs and the present tense."""

from __future__ import annotations

import pytest

from summarize.headline.rules.verbs import use_headline_verbs, use_present_tense


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BMW is to recall 50,000 cars.", "BMW to recall 50,000 cars."),
        ("Shares are set to fall sharply.", "Shares set to fall sharply."),
        ("Prices will rise next year.", "Prices to rise next year."),
        ("The firm has warned of losses.", "The firm warned of losses."),
        ("He will resign next week.", "He will resign next week."),  # after a pronoun: as is
        # after a modal "have" stays: "could eased" is no English
        ("The offer could have eased passage.", "The offer could have eased passage."),
        # irregular and hyphenated participles that are also the past tense
        ("The club has won the cup.", "The club won the cup."),
        ("The coach has re-opened the debate.", "The coach re-opened the debate."),
        ("The firm has begun talks.", "The firm has begun talks."),  # "begun" is no past
        # all three in one text, whatever the spaces
        (
            "Ostrel is\tdue to vote, fares will\nrise and the port has  closed.",
            "Ostrel due to vote, fares to rise and the port closed.",
        ),
        ("This is the town's history, told by its harbour.", None),  # none of them
    ],
)
def test_use_headline_verbs(text: str, expected: str | None) -> None:
    assert use_headline_verbs(text) == (text if expected is None else expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the auxiliary gives the number
        ("The club has won the cup.", "The club wins the cup."),
        ("The miners have taken the pit back.", "The miners take the pit back."),
        ("The firm has become a target.", "The firm becomes a target."),
        ("Lena Ortiz has flown to Lisbon.", "Lena Ortiz flies to Lisbon."),
        # the simple past: the subject gives the number
        ("Dockers rose early to picket.", "Dockers rise early to picket."),
        ("Fenwick Mills sold its weaving arm.", "Fenwick Mills sells its weaving arm."),
        ("Ada and Ben won the pairs title.", "Ada and Ben win the pairs title."),
        ("Prices of copper fell again.", "Prices of copper fall again."),
        ("Price of copper fell again.", "Price of copper falls again."),
        ("More than ten million fans saw the final.", "More than ten million fans see the final."),
        # a past form that is also a participle changes only before its object
        ("A suspect held in the raid was freed.", "A suspect held in the raid was freed."),
        ("The board held talks on Friday.", "The board holds talks on Friday."),
        # not the main verb, or not after a noun: as it is
        ("The mayor warned that rents rose.", "The mayor warned that rents rose."),
        ("He won the seat in May.", "He won the seat in May."),
        ("The deal could have made them rich.", "The deal could have made them rich."),
        ("The teams were beaten twice.", "The teams were beaten twice."),
        # verbs whose present forms are nouns too stay in the past
        ("The bank cut its rates.", "The bank cut its rates."),
        ("The union has set a date.", "The union has set a date."),
    ],
)
def test_use_present_tense(text: str, expected: str) -> None:
    assert use_present_tense(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head noun gives the number, not any plural word before it
        ("The official sent the papers back.", "The official sends the papers back."),
        ("The rebels' leader fled the valley.", "The rebels' leader flees the valley."),
        ("The leader of the rebels fled the valley.", "The leader of the rebels flees the valley."),
        ("Children of the valley fled the floods.", "Children of the valley flee the floods."),
        ("The series won big crowds.", "The series wins big crowds."),
        ("The officials sent the papers back.", "The officials send the papers back."),
        ("Dunmore Textiles sold its mill.", "Dunmore Textiles sells its mill."),
        ("Women in the village sought help.", "Women in the village seek help."),
    ],
)
def test_use_present_tense_agrees_with_the_subject(text: str, expected: str) -> None:
    assert use_present_tense(text) == expected
