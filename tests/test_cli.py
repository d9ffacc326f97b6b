"""The command line: options, output formats, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli import main
from summarize.scorers import scorers

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus" / "russia-syria-withdrawal"

STORY = (
    "The library will stay open late during exam week. "
    "Students asked for longer hours in a letter to the board. "
    "The board agreed after a short meeting on Friday.\n"
)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ")
    return lines[0]


def test_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(CORPUS), "--format", "text")
    assert code == 0, err
    assert err == ""
    lines = out.splitlines()
    assert lines
    assert all(line.strip() for line in lines)
    assert sum(len(line.split()) for line in lines) <= 100
    assert "\x1b" not in out


def test_default_format_is_text_when_piped(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS))
    assert code == 0
    assert "╭" not in out
    assert "\x1b" not in out


def test_json_format_respects_the_default_budget(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["budget"] == {"words": 100}
    assert data["scorer"] == "textrank"
    assert sum(len(s["text"].split()) for s in data["sentences"]) <= 100
    documents = {src["document"] for s in data["sentences"] for src in s["sources"]}
    assert documents <= {
        "putin-considers-withdrawing-troops.txt",
        "russia-begins-withdrawal-us-sceptical.txt",
    }


def test_sentences_budget(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--sentences", "2", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["sentences"]) == 2


def test_other_budgets_and_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, str(CORPUS), "--chars", "400", "--format", "json", "--scorer", "lead",
        "--order", "score", "--no-redundancy",
    )  # fmt: skip
    assert code == 0
    data = json.loads(out)
    assert data["scorer"] == "lead"
    assert sum(len(s["text"].encode()) for s in data["sentences"]) <= 400
    code, out, _ = run(capsys, str(CORPUS), "--ratio", "0.1", "--redundancy", "0.3")
    assert code == 0
    assert out.strip()


def test_paths_after_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    extra = tmp_path / "library.txt"
    extra.write_text(STORY, encoding="utf-8")
    code, out, _ = run(capsys, str(CORPUS), "--format", "json", "--explain", str(extra))
    assert code == 0
    documents = {candidate["document"] for candidate in json.loads(out)["candidates"]}
    assert "library.txt" in documents
    assert len(documents) == 3


def test_markdown_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--format", "markdown", "--explain")
    assert code == 0
    assert out.startswith("- ")
    assert "| doc | index | score | chosen | text |" in out


def test_rich_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--format", "rich", "--sentences", "2")
    assert code == 0
    assert "Summary" in out
    assert "textrank" in out


def test_list_scorers(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--list-scorers")
    assert code == 0
    assert err == ""
    assert out.splitlines() == scorers.names()
    assert "textrank" in out.splitlines()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("summarize ")
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for option in ("--scorer", "--sentences", "--words", "--chars", "--ratio", "--order",
                   "--redundancy", "--no-redundancy", "--language", "--format", "--explain",
                   "--list-scorers"):  # fmt: skip
        assert option in out


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))
    code, out, _ = run(capsys, "-", "--format", "json", "--sentences", "1")
    assert code == 0
    assert json.loads(out)["sentences"][0]["sources"][0]["document"] == "stdin"


def test_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    line = assert_one_error(*run(capsys, str(missing)))
    assert line == f"summarize: error: {missing}: no such file or directory"


def test_empty_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    line = assert_one_error(*run(capsys, str(empty)))
    assert line.endswith("file is empty")


def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blob = tmp_path / "blob.txt"
    blob.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 20)
    line = assert_one_error(*run(capsys, str(blob)))
    assert line.endswith("looks like a binary file, not text")


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--words", "0"], "--words"),
        (["--words", "ten"], "--words"),
        (["--sentences", "-3"], "--sentences"),
        (["--chars", "1.5"], "--chars"),
        (["--ratio", "2"], "--ratio"),
        (["--ratio", "0"], "--ratio"),
        (["--ratio", "nan"], "--ratio"),
        (["--redundancy", "1.5"], "--redundancy"),
        (["--words", "50", "--sentences", "2"], "not allowed with"),
        (["--ratio", "0.5", "--chars", "100"], "not allowed with"),
        (["--redundancy", "0.4", "--no-redundancy"], "not allowed with"),
        (["--format", "html"], "--format"),
        (["--order", "random"], "--order"),
        (["--bogus"], "unrecognized arguments"),
        (["--language", "klingon"], "unsupported language"),
    ],
)
def test_bad_options(capsys: pytest.CaptureFixture[str], options: list[str], expected: str) -> None:
    line = assert_one_error(*run(capsys, str(CORPUS), *options))
    assert expected in line


def test_unknown_scorer_lists_the_available_ones(capsys: pytest.CaptureFixture[str]) -> None:
    line = assert_one_error(*run(capsys, str(CORPUS), "--scorer", "nope"))
    assert "nope" in line
    for name in scorers.names():
        assert name in line


def test_no_paths(capsys: pytest.CaptureFixture[str]) -> None:
    line = assert_one_error(*run(capsys))
    assert "no input given" in line


def test_undecodable_bytes_warn_but_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(STORY.replace("exam", "exäm").encode("latin-1"))
    code, out, err = run(capsys, str(path), "--format", "text")
    assert code == 0
    assert err == f"summarize: warning: {path}: invalid UTF-8 bytes were replaced\n"
    assert "library" in out


def test_folder_with_a_bad_file_warns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(bytes(100))
    code, out, err = run(capsys, str(tmp_path), "--format", "text")
    assert code == 0
    assert err.startswith("summarize: warning: ")
    assert "bad.bin: skipped" in err
    assert len(err.splitlines()) == 1
    assert out.strip()


def test_notes_go_to_stderr_in_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(CORPUS), "--words", "3", "--format", "text")
    assert code == 0
    assert len(out.split()) <= 3
    assert err.startswith("summarize: warning: ")


def test_internal_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke\nbadly")

    monkeypatch.setattr("summarize.cli.summarize", explode)
    monkeypatch.delenv("SUMMARIZE_DEBUG", raising=False)
    code, _, err = run(capsys, str(CORPUS))
    assert code == 1
    assert err == "summarize: internal error: RuntimeError: something broke badly\n"


def test_internal_error_traceback_in_debug_mode(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("summarize.cli.summarize", explode)
    monkeypatch.setenv("SUMMARIZE_DEBUG", "1")
    code, _, err = run(capsys, str(CORPUS))
    assert code == 1
    assert "Traceback" in err
    assert err.endswith("summarize: internal error: RuntimeError: boom\n")


def test_keyboard_interrupt(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("summarize.cli.read_documents", interrupt)
    code, out, err = run(capsys, str(CORPUS))
    assert (code, out, err) == (130, "", "")


def run_process(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "import sys; from summarize.cli import main; sys.exit(main())"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=120, **kwargs
    )  # type: ignore[call-overload]


def test_subprocess_on_the_corpus() -> None:
    result = run_process("corpus/russia-syria-withdrawal", "--sentences", "3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 3
    assert "\x1b" not in result.stdout


def test_subprocess_error_has_no_traceback() -> None:
    result = run_process("corpus/does-not-exist")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "summarize: error: corpus/does-not-exist: no such file or directory\n"


def test_subprocess_broken_pipe_is_quiet() -> None:
    code = "import sys; from summarize.cli import main; sys.exit(main())"
    # A reader that goes away at once, like `| head -0`: close our end of the pipe early.
    process = subprocess.Popen(
        [sys.executable, "-c", code, "corpus/russia-syria-withdrawal", "--format", "json",
         "--explain"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert err == b""
