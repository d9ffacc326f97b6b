"""The command line: options, output formats, and one-line errors with exit status 2."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from summarize.cli.app import main
from summarize.scorers import scorers

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "corpus" / "russia-syria-withdrawal"

CORPUS_IDS = {"putin-considers-withdrawing-troops.txt", "russia-begins-withdrawal-us-sceptical.txt"}

STORY = (
    "The library will stay open late during exam week. "
    "Students asked for longer hours in a letter to the board. "
    "The board agreed after a short meeting on Friday.\n"
)
# A page with a headline, a player stub and a picture caption around the story.
PAGE = (
    "Library hours grow for exams\n\n"
    "The library will stay open until midnight during exam week. "
    "Students asked the board for longer opening hours in a letter.\n\n"
    "Loading...\n\n"
    "The head librarian (L) unlocks the reading room on Monday evening.\n\n"
    "The board agreed to the longer hours after a short meeting on Friday.\n"
)
BAKERY = (
    "A small bakery won the regional bread prize on Sunday. "
    "The owner said the winning recipe came from her grandmother. "
    "Queues formed outside the shop before it opened.\n"
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


# The digest's headline is made from its own ranking (lexrank-lead for two sources): the
# title of the source whose lead is the more central.
CORPUS_HEADLINE = "Vladimir Putin considers withdrawing Russian troops from Syria"


def digest_lines(out: str) -> list[str]:
    """The digest sentences of one text-format digest with a headline (badges cut off)."""
    body = out.split("\n\n")[1]
    return [re.sub(r" (\[\d+\])+$", "", line) for line in body.splitlines()]


def test_text_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(CORPUS), "--format", "text")
    assert code == 0, err
    assert err == ""
    headline, body, only_in, sources = out.rstrip("\n").split("\n\n")
    assert headline == CORPUS_HEADLINE
    assert only_in.startswith("Only in [2] (Russia says it has begun")  # one outlet's fact
    lines = body.splitlines()
    assert lines
    assert all(re.search(r" (\[[12]\])+$", line) for line in lines)
    assert sum(len(line.split()) for line in digest_lines(out)) <= 100
    assert sources.splitlines() == [
        "Sources:",
        "[1] putin-considers-withdrawing-troops.txt — "
        "Vladimir Putin considers withdrawing Russian troops from Syria",
        "[2] russia-begins-withdrawal-us-sceptical.txt — "
        "Russia says it has begun a military withdrawal from Syria, US sceptical",
    ]
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
    assert data["scorer"] == "lead"
    assert sum(len(s["text"].split()) for s in data["sentences"]) <= 100
    documents = {src["document"] for s in data["sentences"] for src in s["sources"]}
    assert documents <= CORPUS_IDS


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
    assert out.startswith(f"# {CORPUS_HEADLINE}\n\n- ")
    assert "[2]\n" in out
    assert "\n## Sources\n\n- [1] putin-considers-withdrawing-troops.txt — " in out
    assert "| doc | index | score | status | reason | text |" in out
    assert "| dropped | picture caption |" in out


def test_rich_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--format", "rich", "--sentences", "2")
    assert code == 0
    assert out.startswith(f"╭─ {CORPUS_HEADLINE} ─")
    assert "lead · 2 sentences · 2 sources" in out
    assert "[1][2]" in out
    assert "putin-considers-withdrawing-troops.txt" in out
    assert "What became" not in out


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
                   "--list-scorers", "--keep-boilerplate", "--no-merge", "--duplicates",
                   "--corroboration", "--no-headline", ".jsonl"):  # fmt: skip
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
        (["--duplicates", "0"], "--duplicates"),
        (["--duplicates", "1.2"], "--duplicates"),
        (["--duplicates", "0.8", "--no-merge"], "not allowed with"),
        (["--corroboration", "-0.5"], "--corroboration"),
        (["--corroboration", "nan"], "--corroboration"),
        (["--corroboration", "inf"], "--corroboration"),
        (["--corroboration", "lots"], "--corroboration"),
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
    assert err == f"summarize: warning: {path}: not UTF-8; read as Windows-1252\n"
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
    assert sum(len(line.split()) for line in digest_lines(out)) <= 3
    assert err.startswith("summarize: warning: ")


def test_internal_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("something broke\nbadly")

    monkeypatch.setattr("summarize.cli.app.digest", explode)
    monkeypatch.delenv("SUMMARIZE_DEBUG", raising=False)
    code, _, err = run(capsys, str(CORPUS))
    assert code == 1
    assert err == "summarize: internal error: RuntimeError: something broke badly\n"


def test_internal_error_traceback_in_debug_mode(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("summarize.cli.app.digest", explode)
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

    monkeypatch.setattr("summarize.cli.app.read_inputs", interrupt)
    code, out, err = run(capsys, str(CORPUS))
    assert (code, out, err) == (130, "", "")


def run_process(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "summarize"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, cwd=ROOT, timeout=120, **kwargs
    )  # type: ignore[call-overload]


def test_subprocess_on_the_corpus() -> None:
    result = run_process("corpus/russia-syria-withdrawal", "--sentences", "3")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(digest_lines(result.stdout)) == 3
    assert "\x1b" not in result.stdout


def test_subprocess_error_has_no_traceback() -> None:
    result = run_process("corpus/does-not-exist")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == "summarize: error: corpus/does-not-exist: no such file or directory\n"


def test_subprocess_broken_pipe_is_quiet() -> None:
    code = "import sys; from summarize.cli.app import main; sys.exit(main())"
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


# -- multi-source digests ----------------------------------------------------------------------


def test_corpus_digest_is_clean_and_corroborated(capsys: pytest.CaptureFixture[str]) -> None:
    # LexRank centrality, greedy by score (the former default): the order's quote, which
    # both sources carry, is chosen and credited to both
    args = [str(CORPUS), "--scorer", "auto", "--selector", "greedy", "--format", "json"]
    args.append("--explain")
    code, out, err = run(capsys, *args)
    assert code == 0, err
    data = json.loads(out)
    assert data["headline"] is not None
    assert {source["id"] for source in data["sources"]} == CORPUS_IDS
    candidates = {(c["document"], c["index"]): c for c in data["candidates"]}
    for sentence in data["sentences"]:
        refs = [(ref["document"], ref["index"]) for ref in sentence["sources"]]
        assert refs and all(ref in candidates for ref in refs)
        assert all(candidates[ref]["status"] in {"chosen", "merged"} for ref in refs)
        assert sentence["corroboration"] == len({document for document, _ in refs})
        assert sentence["text"] != "Loading..."
        assert "(2nd R)" not in sentence["text"]
    assert any(sentence["corroboration"] == 2 for sentence in data["sentences"])
    loading = [c for c in data["candidates"] if c["text"] == "Loading..."]
    assert loading and all(c["status"] == "dropped" and c["reason"] for c in loading)


def test_explain_shows_why_a_line_was_dropped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run(capsys, str(page), "--format", "text", "--explain")
    assert code == 0, err
    assert out.startswith("Library hours grow for exams\n\n")
    rows = {row.split("\t")[-1]: row.split("\t") for row in out.splitlines() if "\t" in row}
    assert rows["Loading..."][3] == "dropped"
    assert rows["Loading..."][4]  # the reason
    caption = rows["The head librarian (L) unlocks the reading room on Monday evening."]
    assert caption[3:5] == ["dropped", "picture caption"]
    assert "Loading..." not in out.split("\n\ndoc\t")[0]


def test_explain_in_rich_shows_status_and_reason(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(capsys, str(page), "--format", "rich", "--explain")
    assert code == 0
    table = out.split("What became of each sentence", 1)[1]
    assert "status" in table
    assert "↳ picture caption" in table
    assert "dropped" in table and "chosen" in table


def test_keep_boilerplate(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "library.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, out, _ = run(
        capsys, str(page), "--keep-boilerplate", "--sentences", "1", "--format", "json",
        "--explain",
    )  # fmt: skip
    assert code == 0
    statuses = {c["text"]: (c["status"], c["reason"]) for c in json.loads(out)["candidates"]}
    assert statuses["Loading..."] == ("kept", "")
    assert "dropped" not in {status for status, _ in statuses.values()}


def test_merging_corroboration_and_headline_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(CORPUS), "--no-merge", "--no-headline", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["headline"] is None
    assert all(sentence["corroboration"] == 1 for sentence in data["sentences"])
    code, out, _ = run(capsys, str(CORPUS), "--no-headline", "--format", "text")
    assert code == 0
    assert not out.startswith("Vladimir Putin considers")
    for options in (["--duplicates", "0.9"], ["--corroboration", "0"], ["--corroboration", "3"]):
        code, out, _ = run(capsys, str(CORPUS), *options, "--format", "json")
        assert code == 0
        assert json.loads(out)["sentences"]


def write_folders(root: Path) -> tuple[Path, Path]:
    library, bakery = root / "library", root / "bakery"
    library.mkdir()
    bakery.mkdir()
    (library / "page.txt").write_text(PAGE, encoding="utf-8")
    (library / "story.txt").write_text(STORY, encoding="utf-8")
    (bakery / "prize.txt").write_text(BAKERY, encoding="utf-8")
    return library, bakery


def test_two_folders_make_two_digests(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library, bakery = write_folders(tmp_path)
    code, out, err = run(capsys, str(library), str(bakery), "--format", "text")
    assert code == 0, err
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    assert headers == ["== library ==", "== bakery =="]
    assert out.startswith("== library ==\nLibrary hours grow for exams\n\n")
    assert "\n\n== bakery ==\n" in out
    assert "[1] prize.txt" in out.split("== bakery ==")[1]

    code, out, _ = run(capsys, str(library), str(bakery), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [digest["id"] for digest in data] == ["library", "bakery"]
    assert {s["id"] for s in data[0]["sources"]} == {"page.txt", "story.txt"}
    assert [s["id"] for s in data[1]["sources"]] == ["prize.txt"]


def test_two_folders_in_markdown_and_rich(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library, bakery = write_folders(tmp_path)
    code, out, _ = run(capsys, str(library), str(bakery), "--format", "markdown")
    assert code == 0
    assert "# library\n\n## Library hours grow for exams\n" in out
    assert "\n# bakery\n" in out
    code, out, _ = run(capsys, str(library), str(bakery), "--format", "rich")
    assert code == 0
    titles = [line for line in out.splitlines() if line.startswith("╭")]
    assert len(titles) == 2
    assert " library " in titles[0] and " bakery " in titles[1]


def test_folder_and_file_make_one_digest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    library, bakery = write_folders(tmp_path)
    code, out, _ = run(capsys, str(library), str(bakery / "prize.txt"), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, dict)
    assert {s["id"] for s in data["sources"]} == {"page.txt", "story.txt", "prize.txt"}


def cluster(cluster_id: str, texts: list[str], budget: dict[str, int] | None) -> str:
    documents = [{"id": f"d{n}", "title": None, "text": text} for n, text in enumerate(texts)]
    record = {
        "id": cluster_id,
        "documents": documents,
        "summaries": [],
        "headlines": [],
        "budget": budget,
    }
    return json.dumps(record) + "\n"


def test_jsonl_makes_one_digest_per_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(
        cluster("libraries", [STORY, PAGE], {"sentences": 1})
        + "\n"
        + cluster("bread", [BAKERY], None),
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(clusters), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [digest["id"] for digest in data] == ["libraries", "bread"]
    assert data[0]["budget"] == {"sentences": 1}  # the cluster's own
    assert len(data[0]["sentences"]) == 1
    assert data[1]["budget"] == {"words": 100}  # the default
    assert [s["id"] for s in data[0]["sources"]] == ["d0", "d1"]

    code, out, _ = run(capsys, str(clusters), "--sentences", "2", "--format", "json")
    assert code == 0
    assert [digest["budget"] for digest in json.loads(out)] == [{"sentences": 2}] * 2

    code, out, _ = run(capsys, str(clusters), "--format", "text")
    assert code == 0
    assert [line for line in out.splitlines() if line.startswith("==")] == [
        "== libraries ==",
        "== bread ==",
    ]


def test_jsonl_with_a_bad_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    clusters = tmp_path / "broken.jsonl"
    clusters.write_text(cluster("fine", [STORY], None) + '{"id": "c2", "documents": [\n')
    line = assert_one_error(*run(capsys, str(clusters)))
    assert line.startswith(f"summarize: error: {clusters}, line 2: ")
    assert "invalid JSON" in line


def test_jsonl_problems_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.jsonl"
    line = assert_one_error(*run(capsys, str(missing)))
    assert line == f"summarize: error: {missing}: no such file or directory"

    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(cluster("fine", [STORY], None))
    line = assert_one_error(*run(capsys, str(clusters), str(CORPUS)))
    assert "cannot be mixed" in line

    empty = tmp_path / "empty.jsonl"
    empty.write_text(cluster("hollow", ["...", ""], None))
    line = assert_one_error(*run(capsys, str(empty)))
    assert "'hollow'" in line and "nothing to summarize" in line


def test_bytes_budget_counts_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(CORPUS), "--bytes", "160", "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data["budget"] == {"bytes": 160}
    assert sum(len(s["text"].encode("utf-8")) for s in data["sentences"]) <= 160


def test_chars_is_a_deprecated_name_for_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(CORPUS), "--chars", "160", "--format", "json")
    assert code == 0
    assert "--chars counts bytes and is deprecated: use --bytes" in err
    assert json.loads(out)["budget"] == {"bytes": 160}


def test_chars_keyword_warns_and_counts_bytes() -> None:
    from summarize import summarize

    text = "The river rose overnight. Roads were closed by noon. Schools stayed shut."
    with pytest.warns(DeprecationWarning, match="use 'bytes'"):
        summary = summarize(text, chars=30, headline=False)
    assert summary.budget.bytes == 30
