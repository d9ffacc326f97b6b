"""The topic: word weights and the surnames a story uses alone."""

from __future__ import annotations

from summarize import build_document
from summarize.headline import (
    Topic,
)


def test_topic_knows_surnames_the_story_uses_alone() -> None:
    document = build_document(
        "Former WorldCom boss Bernie Ebbers denied the fraud charges in court. "
        "Mr Ebbers told the jury he knew nothing. The trial goes on.",
        "a",
    )
    topic = Topic.of([document])
    assert topic.names_in("Bernie Ebbers denied the charges") == {"Bernie Ebbers": "Ebbers"}
    assert topic.names_in("Mr Ebbers told the jury") == {"Mr Ebbers": "Ebbers"}
    assert topic.names_in("WorldCom boss Bernie Ebbersson denied it") == {}
    assert topic.weight("the") == 0.0
    assert topic.weight("Ebbers") > topic.weight("jury") > 0


def test_topic_names_need_the_surname_alone_and_no_word_in_lower_case() -> None:
    document = build_document(
        "President Vladimir Putin ordered the withdrawal. The president spoke at the base. "
        "The task was done, Putin said. Board member Anna Smith quit.",
        "a",
    )
    topic = Topic.of([document])
    # "president" is also a common noun here: only the last two words make the name
    assert topic.names_in("President Vladimir Putin ordered it") == {"Vladimir Putin": "Putin"}
    # "Smith" never stands alone (after "member" it is part of the full name)
    assert topic.names_in("Board member Anna Smith quit") == {}


def test_occurrences_are_whole_words_with_their_neighbours_on_the_line() -> None:
    from summarize.headline.topic import _occurrences, _word_after, _word_before

    text = "Mr Brook said so.\nBrook's plan, said Brookes,\nthe Brook: gone"
    found = list(_occurrences(text, "Brook"))
    assert [text[i:end] for i, end in found] == ["Brook", "Brook's", "Brook:"]  # not "Brookes"
    assert [_word_before(text, i) for i, _ in found] == ["Mr", "", "the"]
    assert [_word_after(text, end) for _, end in found] == ["said", "plan,", "gone"]
