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
