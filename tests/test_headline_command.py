"""The ``summarize headline`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.cli.app import main

from .conftest import SAMPLE


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["headline", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_command_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SAMPLE), "--format", "text")
    assert (code, err) == (0, "")
    assert out == "Vladimir Putin considers withdrawing Russian troops from Syria\n"


def test_command_bytes_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "--bytes", "40", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"headline", "source", "bytes"}
    assert data["bytes"] == 40 and len(data["headline"].encode("utf-8")) <= 40


def test_command_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "--explain", "--format", "text")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == ""
    assert lines[2].split("\t") == [
        "rank", "score", "weight", "fits", "source", "steps", "reason", "headline", "original",
    ]  # fmt: skip
    rows = [line.split("\t") for line in lines[3:] if line]
    assert rows and all(len(row) == 9 for row in rows)
    assert rows[0][7] == lines[0] and rows[0][6] == ""  # the chosen one has no reason
    # a title fits: the sentences are listed, not compressed, with the reason
    assert any(row[6] == "a source title fits" and not row[5] for row in rows)

    code, out, _ = run(capsys, str(SAMPLE), "--explain", "--format", "text", "--bytes", "45")
    rows = [line.split("\t") for line in out.splitlines()[3:] if line]
    assert code == 0 and any(row[5] for row in rows)  # compression steps are shown

    code, out, _ = run(capsys, str(SAMPLE), "--explain", "--format", "json")
    assert code == 0
    assert json.loads(out)["candidates"]


def test_command_markdown_and_rich(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(SAMPLE), "--explain", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Vladimir Putin considers withdrawing Russian troops from Syria\n\n")
    assert "| rank | score | weight |" in out
    code, out, _ = run(capsys, str(SAMPLE), "--explain", "--format", "rich")
    assert code == 0
    assert out.splitlines()[0] == "Vladimir Putin considers withdrawing Russian troops from Syria"
    assert "Headline candidates" in out and "(title)" in out


def test_command_one_headline_per_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for name, text in (
        ("ferry", "A new ferry line opened at the harbour on Tuesday. It runs twice a day."),
        ("bakery", "A small bakery won the regional bread prize on Sunday. Queues formed."),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.txt").write_text(text, encoding="utf-8")
    folders = [str(tmp_path / "ferry"), str(tmp_path / "bakery")]
    code, out, _ = run(capsys, *folders, "--format", "text")
    assert code == 0
    assert out == (
        "== ferry ==\nNew ferry line opened at harbour\n"
        "== bakery ==\nSmall bakery wins regional bread prize\n"
    )
    code, out, _ = run(capsys, *folders, "--format", "json")
    assert [item["id"] for item in json.loads(out)] == ["ferry", "bakery"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "no input given"),
        ((str(SAMPLE), "--bytes", "10"), "no headline fits in 10 bytes"),
        ((str(SAMPLE), "--bytes", "0"), "expected a whole number of at least 1"),
        ((str(SAMPLE), "--scorer", "nope"), "nope"),
        (("missing.txt",), "missing.txt"),
    ],
)
def test_command_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and err.startswith("summarize: error: ")
    assert message in err


def test_command_chars_is_deprecated(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(SAMPLE), "--chars", "40", "--format", "json")
    assert code == 0 and "--chars counts bytes and is deprecated: use --bytes" in err
    assert json.loads(out)["bytes"] == 40


def test_command_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "--bytes" in out and "--explain" in out
