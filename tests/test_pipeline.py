"""The Python API end to end: texts or documents in, a Summary out."""

from __future__ import annotations

import json

import pytest

from summarize import Budget, SentenceRef, SummarizeError, build_document, summarize
from summarize.scorers import scorers

from .conftest import SAMPLE

STORY = """Storm closes mountain pass

Heavy snow closed the northern mountain pass on Sunday, stranding about forty trucks.
Road crews expect to reopen the pass by Tuesday if the snow stops overnight.
The regional weather office warned of more snow later in the week.
Drivers were told to use the coastal road, which adds two hours to the trip.
"""


def sample_documents() -> list:
    return [
        build_document(p.read_text(encoding="utf-8"), p.name) for p in sorted(SAMPLE.glob("*.txt"))
    ]


def test_title_is_detected_and_not_a_sentence() -> None:
    document = build_document(STORY, "storm")
    assert document.title == "Storm closes mountain pass"
    assert [s.index for s in document.sentences] == [0, 1, 2, 3]
    assert document.sentences[0].text.startswith("Heavy snow closed")


def test_summary_of_one_text_respects_the_budget_and_keeps_source_order() -> None:
    summary = summarize(STORY, scorer="lead", sentences=2)
    assert [s.sources for s in summary.sentences] == [
        (SentenceRef("1", 0),),
        (SentenceRef("1", 1),),
    ]
    assert summary.budget == Budget(sentences=2)
    assert summary.scorer == "lead"
    assert len(summary.candidates) == 4


@pytest.mark.parametrize("name", ["lead", "textrank", "lexrank", "lsa", "sumy-lexrank"])
def test_sample_cluster_digest(name: str) -> None:
    summary = summarize(sample_documents(), scorer=name, words=100)
    assert summary.sentences
    assert sum(len(s.text.split()) for s in summary.sentences) <= 100
    assert {d.id for d in summary.documents} == {p.name for p in SAMPLE.glob("*.txt")}
    assert max(s.score for s in summary.sentences) <= 1.0
    texts = [s.text for s in summary.sentences]
    assert len(set(texts)) == len(texts)
    assert "Loading..." not in texts  # standalone lines are not chosen while prose exists


def test_default_budget_is_one_hundred_words() -> None:
    summary = summarize(sample_documents())
    assert summary.budget == Budget(words=100)
    assert summary.scorer == "lead"


def test_as_dict_is_the_json_schema() -> None:
    summary = summarize(sample_documents(), scorer="textrank", words=60)
    data = json.loads(json.dumps(summary.as_dict()))
    assert set(data) >= {"headline", "sentences", "scorer", "budget"}
    assert data["budget"] == {"words": 60}
    first = data["sentences"][0]
    assert set(first) == {"text", "score", "corroboration", "sources"}
    assert [source["id"] for source in data["sources"]] == sorted(
        p.name for p in SAMPLE.glob("*.txt")
    )
    assert set(first["sources"][0]) == {"document", "index"}


def test_output_is_deterministic() -> None:
    first = summarize(sample_documents(), scorer="lexrank", words=80)
    second = summarize(sample_documents(), scorer="lexrank", words=80)
    assert first.as_dict() == second.as_dict()


def test_scorer_parameters_pass_through() -> None:
    plain = summarize(sample_documents(), scorer="lexrank", sentences=3)
    continuous = summarize(
        sample_documents(), scorer="lexrank", sentences=3, scorer_params={"threshold": None}
    )
    assert [c.score for c in plain.candidates] != [c.score for c in continuous.candidates]
    with pytest.raises(SummarizeError, match="bad parameters"):
        summarize(sample_documents(), scorer="lexrank", scorer_params={"nonsense": 1})


@pytest.mark.parametrize(
    ("inputs", "kwargs", "message"),
    [
        ("   \n\n  ", {}, "nothing to summarize"),
        (STORY, {"words": 0}, "words must be a whole number"),
        (STORY, {"words": 10, "sentences": 2}, "exactly one"),
        (STORY, {"scorer": "nope"}, "available:"),
        (STORY, {"order": "random"}, "unknown order"),
        (STORY, {"language": "elvish"}, "unsupported language"),
        ([3], {}, "cannot summarize a int"),
    ],
)
def test_bad_calls_raise_one_clear_error(inputs: object, kwargs: dict, message: str) -> None:
    with pytest.raises(SummarizeError, match=message):
        summarize(inputs, **kwargs)


def test_duplicate_document_ids_are_refused() -> None:
    doc = build_document(STORY, "same")
    with pytest.raises(SummarizeError, match="unique"):
        summarize([doc, doc])


def test_every_registered_scorer_summarizes_the_sample() -> None:
    for name in scorers.names():
        if getattr(scorers.get(name), "needs_references", False):
            continue  # the oracle: see tests/test_baselines.py
        assert summarize(sample_documents(), scorer=name, sentences=2).sentences, name
