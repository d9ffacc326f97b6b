"""Reading evaluation clusters from JSONL: values, budgets, and one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.errors import SummarizeError
from summarize.inputs.clusters import Cluster, read_clusters
from summarize.model import Budget

from .conftest import EVAL

BODY = "The river rose overnight. Two villages were evacuated. Roads remain closed."


def cluster(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "id": "c1",
        "documents": [
            {"id": "0", "title": "Flood closes roads", "text": BODY},
            {"id": "1", "title": None, "text": "Rescuers reached the valley. Nobody was hurt."},
        ],
        "summaries": ["A flood forced two villages to evacuate."],
        "headlines": ["Floods hit valley"],
        "budget": {"words": 20},
    }
    record.update(changes)
    return record


def write(tmp_path: Path, *lines: object) -> Path:
    path = tmp_path / "set.jsonl"
    text = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def error(path: Path) -> str:
    with pytest.raises(SummarizeError) as caught:
        list(read_clusters(path))
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_reads_a_cluster(tmp_path):
    [read] = read_clusters(write(tmp_path, cluster()))
    assert isinstance(read, Cluster)
    assert read.id == "c1"
    assert [d.id for d in read.documents] == ["0", "1"]
    assert read.documents[0].title == "Flood closes roads"
    assert [s.text for s in read.documents[0].sentences][:2] == [
        "The river rose overnight.",
        "Two villages were evacuated.",
    ]
    assert read.summaries == ("A flood forced two villages to evacuate.",)
    assert read.headlines == ("Floods hit valley",)
    assert read.budget == Budget(words=20)


def test_null_title_is_detected_from_the_text(tmp_path):
    docs = [{"id": "0", "title": None, "text": "Flood closes roads\n\n" + BODY}]
    [read] = read_clusters(write(tmp_path, cluster(documents=docs)))
    assert read.documents[0].title == "Flood closes roads"
    assert read.documents[0].sentences[0].text == "The river rose overnight."


def test_given_title_is_kept_and_the_text_left_whole(tmp_path):
    docs = [{"id": "0", "title": "Given", "text": "Flood closes roads\n\n" + BODY}]
    [read] = read_clusters(write(tmp_path, cluster(documents=docs)))
    assert read.documents[0].title == "Given"
    assert read.documents[0].sentences[0].text == "Flood closes roads"


def test_document_ids_default_to_positions_and_text_may_be_empty(tmp_path):
    docs = [{"text": BODY}, {"text": "", "title": "Headline only"}]
    [read] = read_clusters(write(tmp_path, cluster(documents=docs)))
    assert [d.id for d in read.documents] == ["0", "1"]
    assert read.documents[1].sentences == ()


@pytest.mark.parametrize(
    ("budget", "expected"),
    [
        ({"words": 230}, Budget(words=230)),
        ({"bytes": 75}, Budget(bytes=75)),
        ({"ratio": 0.4}, Budget(ratio=0.4)),
        ({"sentences": 3}, Budget(sentences=3)),
        (None, None),
    ],
)
def test_budgets(tmp_path, budget, expected):
    [read] = read_clusters(write(tmp_path, cluster(budget=budget)))
    assert read.budget == expected


def test_absent_budget_is_none_and_empty_reference_lists_are_allowed(tmp_path):
    record = cluster(summaries=[], headlines=[])
    del record["budget"]
    [read] = read_clusters(write(tmp_path, record))
    assert (read.budget, read.summaries, read.headlines) == (None, (), ())


def test_blank_lines_are_skipped_and_clusters_stream(tmp_path):
    path = write(tmp_path, "", cluster(id="a"), "   ", cluster(id="b"), "{broken")
    clusters = read_clusters(path)
    assert next(clusters).id == "a"  # read before the broken last line is reached
    assert next(clusters).id == "b"
    with pytest.raises(SummarizeError, match="line 5: invalid JSON"):
        next(clusters)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('{"id": "a\tb"}', "invalid JSON (Invalid control character at column 10)"),
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object, got a list"),
        (cluster(id=7), '"id" must be a string'),
        ({"documents": [{"text": "x"}], "summaries": [], "headlines": []}, 'missing "id"'),
        (cluster(documents=[]), '"documents" must be a non-empty list'),
        (cluster(documents="text"), '"documents" must be a non-empty list'),
        (cluster(documents=["text"]), "document 0 must be an object"),
        (cluster(documents=[{"id": "0"}]), 'document 0: missing "text"'),
        (cluster(documents=[{"text": 3}]), 'document 0: "text" must be a string'),
        (cluster(documents=[{"text": "a", "title": 1}]), '"title" must be a string or null'),
        (cluster(documents=[{"text": "a", "id": 0}]), '"id" must be a string'),
        (cluster(documents=[{"id": "0", "text": "a"}, {"id": "0", "text": "b"}]), "duplicate"),
        (cluster(summaries=None), '"summaries" must be a list'),
        (cluster(summaries="one"), '"summaries" must be a list'),
        (cluster(summaries=[""]), '"summaries"[0] is empty'),
        (cluster(headlines=[1]), '"headlines"[0] must be a string'),
        (cluster(budget={"words": 0}), 'bad "budget"'),
        (cluster(budget={"words": 2.5}), 'bad "budget"'),
        (cluster(budget={"ratio": 1.5}), 'bad "budget"'),
        (cluster(budget={"words": "230"}), "must be a number"),
        (cluster(budget={"words": True}), "must be a number"),
        (cluster(budget={"tokens": 5}), '"budget" key must be one of'),
        (cluster(budget={"words": 5, "bytes": 9}), '"budget" must be an object with one'),
        (cluster(budget=230), '"budget" must be an object with one'),
    ],
)
def test_errors_name_file_and_line(tmp_path, line, expected):
    path = write(tmp_path, cluster(id="fine"), "", line)
    message = error(path)
    assert "line 3:" in message
    assert expected in message


def test_missing_reference_fields_are_errors(tmp_path):
    record = cluster()
    del record["headlines"]
    assert 'line 1: missing "headlines"' in error(write(tmp_path, record))


def test_empty_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert "no clusters" in error(path)
    path.write_text("\n  \n", encoding="utf-8")
    assert "no clusters" in error(path)


def test_missing_file_is_an_error(tmp_path):
    assert "cannot read" in error(tmp_path / "absent.jsonl")


def test_non_utf8_is_an_error(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(cluster()).encode() + b"\n" + b'{"id": "\xe9"}\n')
    assert "line 2: not UTF-8" in error(path)


@pytest.mark.skipif(not EVAL.is_dir(), reason="no evaluation sets")
@pytest.mark.parametrize(
    ("name", "count", "budget"),
    [
        ("multinews-200.jsonl", 200, Budget(words=230)),
        ("allsides-val.jsonl", 307, Budget(words=80)),
        ("cnndm-summeval.jsonl", 100, Budget(words=60)),
        ("newsroom-60.jsonl", 60, Budget(words=60)),
    ],
)
def test_reads_the_dev_sets(name, count, budget):
    path = EVAL / name
    if not path.exists():
        pytest.skip(f"{name} is absent")
    clusters = list(read_clusters(path))
    assert len(clusters) == count
    assert len({c.id for c in clusters}) == count
    assert all(c.budget == budget for c in clusters)
    assert all(c.documents and c.summaries for c in clusters)
