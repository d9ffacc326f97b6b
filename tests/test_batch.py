"""Batch summarization: folders and JSONL in and out, bad inputs, resume, the CLI (the
engines are in test_batch_engines.py)."""

from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import pytest
from rich.console import Console

from summarize.batch.engines import LocalEngine
from summarize.batch.plan import DONE, SKIPPED, Batch, Outcome, count_inputs
from summarize.batch.run import run_batch
from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.model import Budget
from summarize.options import DigestOptions

PLACES = ["Riverton", "Lakeside", "Northfield", "Ashford", "Milbrook", "Crestwood"]
GROUPS = ["council", "school board", "water authority", "museum", "hospital", "fire service"]
ACTS = [
    "approved a new budget",
    "opened a public inquiry",
    "announced longer opening hours",
    "hired twelve new staff",
    "delayed the bridge repairs",
    "published its yearly report",
]
DAYS = ["on Monday", "on Tuesday", "last week", "this morning", "after a long meeting"]
AFTERS = [
    "Residents had asked for the change in a petition signed by hundreds of people.",
    "Officials said the plan would cost less than the one rejected last year.",
    "Critics warned that the timetable was too short to be realistic.",
    "A spokesman said further details would be published next month.",
    "Local businesses welcomed the decision in a joint statement.",
]


def article(seed: int, sentences: int = 6) -> str:
    """A short, deterministic news-like article (a title line, then prose)."""
    rng = random.Random(seed)
    place, group = rng.choice(PLACES), rng.choice(GROUPS)
    lines = [f"{place} {group} {rng.choice(ACTS)}", ""]
    body = []
    for _ in range(sentences):
        body.append(
            f"The {group} of {place} {rng.choice(ACTS)} {rng.choice(DAYS)}. {rng.choice(AFTERS)}"
        )
    lines.append(" ".join(body))
    return "\n".join(lines) + "\n"


def cluster_line(cluster_id: str, seed: int, **extra: object) -> str:
    documents = [{"id": str(n), "title": None, "text": article(seed * 10 + n)} for n in range(3)]
    record = {"id": cluster_id, "documents": documents, "summaries": [], "headlines": []}
    record.update(extra)
    return json.dumps(record)


def make_folder(root: Path, count: int = 5) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (root / f"story-{n:02d}.txt").write_text(article(n), encoding="utf-8")
    return root


def read_tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def jsonl_ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


SERIAL = LocalEngine(jobs=1)


# -- folders ---------------------------------------------------------------------------------


def test_folder_to_text_files_mirrors_the_input(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 3)
    make_folder(source / "more" / "deeper", 2)
    (source / ".hidden").write_text(article(99), encoding="utf-8")
    report = run_batch(Batch(str(source), str(tmp_path / "out")), SERIAL)
    assert (report.done, report.skipped, report.failed) == (5, 0, 0)
    assert report.ok
    assert sorted(read_tree(tmp_path / "out")) == [
        "more/deeper/story-00.txt",
        "more/deeper/story-01.txt",
        "story-00.txt",
        "story-01.txt",
        "story-02.txt",
    ]
    text = (tmp_path / "out" / "story-00.txt").read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert "Sources:" in text and "[1] story-00.txt" in text


def test_json_files_carry_the_digest_and_paths_as_given(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 2)
    run_batch(Batch(str(source), str(tmp_path / "out"), format="json"), SERIAL)
    data = json.loads((tmp_path / "out" / "story-01.json").read_text(encoding="utf-8"))
    assert list(data)[:4] == ["id", "headline", "summary", "sentences"]
    assert data["id"] == "story-01.txt"
    assert data["summary"] == " ".join(s["text"] for s in data["sentences"])
    assert data["sources"][0]["path"] == os.path.join(str(source), "story-01.txt")


def test_a_bad_file_among_good_ones_fails_alone(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 3)
    (source / "binary.dat").write_bytes(bytes(range(256)) * 8)
    (source / "empty.txt").write_bytes(b"")
    (source / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (source / "garbled.txt").write_bytes(bytes(range(128, 256)) * 20)  # no text encoding
    (source / "dangling.txt").symlink_to(source / "nowhere.txt")
    (source / "stray.txt").write_bytes(article(7).encode("utf-8").replace(b"The", b"Th\xe9", 1))
    seen: list[Outcome] = []
    report = run_batch(Batch(str(source), str(tmp_path / "out")), SERIAL, seen.append)
    failed = {f.id: f.reason for f in report.failures}
    assert sorted(failed) == ["binary.dat", "blank.txt", "dangling.txt", "empty.txt", "garbled.txt"]
    assert "binary" in failed["binary.dat"]
    assert "empty" in failed["empty.txt"]
    assert "broken symbolic link" in failed["dangling.txt"]
    for file_id, reason in failed.items():
        assert reason.startswith(os.path.join(str(source), file_id)), reason
    assert report.done == 4  # the three stories and the one with a stray byte
    assert any(w.startswith(str(source / "stray.txt")) for w in report.warnings)
    assert [o.id for o in seen] == sorted(o.id for o in seen)  # input order
    assert sorted(read_tree(tmp_path / "out")) == [
        "story-00.txt",
        "story-01.txt",
        "story-02.txt",
        "stray.txt",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_fails_alone(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 2)
    locked = source / "locked.txt"
    locked.write_text(article(5), encoding="utf-8")
    locked.chmod(0)
    report = run_batch(Batch(str(source), str(tmp_path / "out")), SERIAL)
    assert [f.id for f in report.failures] == ["locked.txt"]
    assert report.done == 2


def test_clusters_are_sub_folders(tmp_path: Path) -> None:
    source = tmp_path / "in"
    make_folder(source / "alpha", 3)
    make_folder(source / "beta", 2)
    (source / "empty-cluster").mkdir()
    (source / "loose.txt").write_text(article(1), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    report = run_batch(Batch(str(source), str(out), clusters=True), SERIAL)
    assert (report.done, report.failed) == (2, 1)
    assert report.failures[0].id == "empty-cluster"
    assert "no text files" in report.failures[0].reason
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["alpha", "beta"]
    assert [s["id"] for s in lines[0]["sources"]] == [f"story-{n:02d}.txt" for n in range(3)]
    assert count_inputs(Batch(str(source), str(out), clusters=True)) == 3


def test_outputs_that_would_share_a_name_are_reported(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 1)
    (source / "story-00.md").write_text(article(3), encoding="utf-8")
    report = run_batch(Batch(str(source), str(tmp_path / "out")), SERIAL)
    assert [f.id for f in report.failures] == ["story-00.txt"]
    assert "also that of story-00.md" in report.failures[0].reason


def test_an_output_folder_inside_the_input_is_not_read(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 2)
    out = source / "digests"
    first = run_batch(Batch(str(source), str(out)), SERIAL)
    again = run_batch(Batch(str(source), str(out)), SERIAL)
    assert (first.done, again.skipped, again.done) == (2, 2, 0)
    assert count_inputs(Batch(str(source), str(out))) == 2


def test_the_output_cannot_be_or_hold_the_input(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 1)
    with pytest.raises(SummarizeError, match="cannot"):
        run_batch(Batch(str(source), str(source)), SERIAL)
    with pytest.raises(SummarizeError, match="cannot hold the input"):
        run_batch(Batch(str(source), str(tmp_path)), SERIAL)
    lines = tmp_path / "c.jsonl"
    lines.write_text(cluster_line("a", 1) + "\n", encoding="utf-8")
    with pytest.raises(SummarizeError, match="cannot be the input"):
        run_batch(Batch(str(lines), str(lines)), SERIAL)


def test_a_missing_input_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(SummarizeError, match="no such file"):
        run_batch(Batch(str(tmp_path / "nothing"), str(tmp_path / "out")), SERIAL)
    (tmp_path / "one.txt").write_text(article(1), encoding="utf-8")
    with pytest.raises(SummarizeError, match=r"not a folder or a \.jsonl"):
        run_batch(Batch(str(tmp_path / "one.txt"), str(tmp_path / "out")), SERIAL)


# -- JSONL -----------------------------------------------------------------------------------


def write_clusters(path: Path) -> Path:
    lines = [
        cluster_line("c1", 1, budget={"words": 40}),
        cluster_line("c2", 2),
        "",
        '{"id": "c3", "documents": [}',
        cluster_line("c1", 4),
        json.dumps({"id": "c5", "documents": []}),
        json.dumps({"documents": []}),
        cluster_line("c/6 odd:name", 6, budget={"sentences": 1}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_in_and_out(tmp_path: Path) -> None:
    source = write_clusters(tmp_path / "clusters.jsonl")
    out = tmp_path / "digests.jsonl"
    report = run_batch(Batch(str(source), str(out)), SERIAL)
    assert (report.done, report.failed) == (3, 4)
    reasons = {f.id: f.reason for f in report.failures}
    assert reasons["line 4"].startswith(f"{source}, line 4: invalid JSON")
    assert "duplicate cluster id 'c1' (first on line 1)" in reasons["c1"]
    assert '"documents" must be a non-empty list' in reasons["c5"]
    assert 'missing "id"' in reasons["line 7"]
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["c1", "c2", "c/6 odd:name"]
    for line in lines:
        assert list(line)[:4] == ["id", "headline", "summary", "sentences"]
        assert line["summary"] == " ".join(s["text"] for s in line["sentences"])
        assert line["headline"]
    assert lines[0]["budget"] == {"words": 40}  # the cluster's own
    assert len(lines[0]["summary"].split()) <= 40
    assert lines[1]["budget"] == {"words": 100}  # the default
    assert len(lines[2]["sentences"]) == 1
    assert count_inputs(Batch(str(source), str(out))) == 7


def test_a_budget_option_overrides_the_clusters_own(tmp_path: Path) -> None:
    source = write_clusters(tmp_path / "clusters.jsonl")
    out = tmp_path / "digests.jsonl"
    options = DigestOptions(budget=Budget(words=25), headline=False)
    run_batch(Batch(str(source), str(out), summary=options), SERIAL)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {json.dumps(line["budget"]) for line in lines} == {'{"words": 25}'}
    assert all(line["headline"] is None for line in lines)


def test_max_chars_fails_a_cluster_with_a_longer_document(tmp_path: Path) -> None:
    source = tmp_path / "clusters.jsonl"
    long_one = cluster_line("long", 1)
    short = {"id": "short", "documents": [{"id": "0", "text": article(5, sentences=1)}]}
    source.write_text(long_one + "\n" + json.dumps(short) + "\n", encoding="utf-8")
    limit = len(article(5, sentences=1)) + 10
    report = run_batch(Batch(str(source), str(tmp_path / "o.jsonl"), max_chars=limit), SERIAL)
    assert (report.done, report.failed) == (1, 1)
    assert report.failures[0].reason == (
        f"{source}, line 1: document '0' is larger than --max-chars {limit} characters"
    )


def test_input_format_applies_to_every_file_of_a_folder(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    page = "<html><body><p>{}</p><p>{}</p></body></html>"
    sentences = article(3).splitlines()[2].split(". ")
    (source / "page.txt").write_text(page.format(*sentences[:2]), encoding="utf-8")
    out = tmp_path / "out"
    quiet = DigestOptions(headline=False)
    run_batch(Batch(str(source), str(out), input_format="html", summary=quiet), SERIAL)
    digest = (out / "page.txt").read_text(encoding="utf-8")
    assert "<p>" not in digest and sentences[0] in digest
    run_batch(Batch(str(source), str(out), force=True, summary=quiet), SERIAL)
    assert "<p>" in (out / "page.txt").read_text(encoding="utf-8")  # .txt: plain text


def test_clusters_option_with_a_jsonl_input_is_an_error(tmp_path: Path) -> None:
    source = write_clusters(tmp_path / "clusters.jsonl")
    with pytest.raises(SummarizeError, match="--clusters is for a folder INPUT"):
        run_batch(Batch(str(source), str(tmp_path / "o.jsonl"), clusters=True), SERIAL)


def test_jsonl_clusters_to_a_folder(tmp_path: Path) -> None:
    source = write_clusters(tmp_path / "clusters.jsonl")
    out = tmp_path / "out"
    report = run_batch(Batch(str(source), str(out), format="json"), SERIAL)
    assert report.done == 3
    assert sorted(read_tree(out)) == ["c1.json", "c2.json", "c_6_odd_name.json"]
    data = json.loads((out / "c_6_odd_name.json").read_text(encoding="utf-8"))
    assert data["id"] == "c/6 odd:name"
    assert [s["path"] for s in data["sources"]] == [None, None, None]


# -- resume ------------------------------------------------------------------------------------


class Interrupt:
    """A progress callback that interrupts the run after ``after`` inputs."""

    def __init__(self, after: int) -> None:
        self.after = after
        self.seen = 0

    def __call__(self, outcome: Outcome) -> None:
        self.seen += 1
        if self.seen == self.after:
            raise KeyboardInterrupt


def test_resume_after_an_interrupted_run(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 8)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run_batch(Batch(str(source), str(out), format="json"), SERIAL, Interrupt(3))
    written = read_tree(out)
    assert sorted(written) == ["story-00.json", "story-01.json", "story-02.json"]
    assert all(json.loads(data) for data in written.values())  # whole files only
    # A run killed in the middle of a write leaves a truncated file (the atomic writer does
    # not, but another tool might) and a hidden temporary file: neither counts as done.
    (out / "story-03.json").write_bytes(b'{"id": "story-03.txt", "head')
    (out / ".story-04.json.1234abcd.tmp").write_bytes(b'{"id"')
    seen: list[Outcome] = []
    report = run_batch(Batch(str(source), str(out), format="json"), SERIAL, seen.append)
    assert (report.done, report.skipped, report.failed) == (5, 3, 0)
    assert [o.status for o in seen] == [SKIPPED] * 3 + [DONE] * 5
    clean = tmp_path / "clean"
    run_batch(Batch(str(source), str(clean), format="json"), SERIAL)
    resumed = read_tree(out)
    del resumed[".story-04.json.1234abcd.tmp"]
    assert resumed == read_tree(clean)


def test_force_redoes_complete_outputs(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 3)
    out = tmp_path / "out"
    run_batch(Batch(str(source), str(out)), SERIAL)
    (out / "story-01.txt").write_text("stale digest\n", encoding="utf-8")
    again = run_batch(Batch(str(source), str(out)), SERIAL)
    assert (again.done, again.skipped) == (0, 3)
    assert (out / "story-01.txt").read_text(encoding="utf-8") == "stale digest\n"
    forced = run_batch(Batch(str(source), str(out), force=True), SERIAL)
    assert (forced.done, forced.skipped) == (3, 0)
    assert (out / "story-01.txt").read_text(encoding="utf-8") != "stale digest\n"


def test_jsonl_resume_cuts_a_torn_line_and_appends_the_rest(tmp_path: Path) -> None:
    source = tmp_path / "clusters.jsonl"
    source.write_text("".join(cluster_line(f"k{n}", n) + "\n" for n in range(6)), encoding="utf-8")
    out = tmp_path / "digests.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch(Batch(str(source), str(out)), SERIAL, Interrupt(2))
    assert jsonl_ids(out) == ["k0", "k1"]
    with out.open("ab") as handle:  # what a run killed in the middle of a line leaves
        handle.write(b'{"id": "k2", "headline": "half a li')
    report = run_batch(Batch(str(source), str(out)), SERIAL)
    assert (report.done, report.skipped) == (4, 2)
    assert jsonl_ids(out) == [f"k{n}" for n in range(6)]
    clean = tmp_path / "clean.jsonl"
    run_batch(Batch(str(source), str(clean)), SERIAL)
    assert out.read_bytes() == clean.read_bytes()
    forced = run_batch(Batch(str(source), str(out), force=True), SERIAL)
    assert (forced.done, forced.skipped) == (6, 0)
    assert out.read_bytes() == clean.read_bytes()


# -- the command line ------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["batch", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_reports_and_exits_1_when_an_input_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_folder(tmp_path / "in", 2)
    (source / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(capsys, str(source), "-o", str(out), "--jobs", "1")
    assert code == 1
    assert stderr == ""  # no progress bar when not on a terminal
    lines = stdout.splitlines()
    assert lines[0].startswith("2 done, 0 skipped, 1 failed in ")
    assert lines[1:] == ["failed:", f"  {source / 'empty.txt'}: file is empty"]
    (source / "empty.txt").unlink()
    code, stdout, _ = run_cli(capsys, str(source), "-o", str(out), "--sentences", "2")
    assert code == 0
    assert stdout.startswith("0 done, 2 skipped, 0 failed in ")


def test_cli_summary_options_apply(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = make_folder(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    args = ["--jobs", "1", "--scorer", "lead", "--sentences", "1", "--no-headline"]
    code, _, _ = run_cli(capsys, str(source), "-o", str(out), *args)
    assert code == 0
    for line in out.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        assert (data["scorer"], data["budget"], data["headline"]) == (
            "lead",
            {"sentences": 1},
            None,
        )
        assert len(data["sentences"]) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "dask"], "--engine dask needs --scheduler"),
        (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler is for --engine dask"),
        (["--engine", "dask", "--scheduler", "x", "--jobs", "2"], "--jobs is for the local"),
        (["--scorer", "nope"], "unknown scorer 'nope'"),
        (["--jobs", "-1"], "expected a whole number of at least 0"),
        (["--format", "text"], "--format is for a folder OUTPUT"),
        (["--input-format", "pdf"], "invalid choice: 'pdf'"),
        (["--max-chars", "0"], "expected a whole number"),
    ],
)
def test_cli_usage_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    source = make_folder(tmp_path / "in", 1)
    code, stdout, stderr = run_cli(capsys, str(source), "-o", str(tmp_path / "o.jsonl"), *args)
    assert (code, stdout) == (2, "")
    assert len(stderr.splitlines()) == 1 and stderr.startswith("summarize: error: ")
    assert message in stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_cli_missing_input_and_output_option(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, stderr = run_cli(capsys, str(tmp_path / "none"), "-o", str(tmp_path / "out"))
    assert code == 2 and "no such file or directory" in stderr
    code, _, stderr = run_cli(capsys, str(tmp_path))
    assert code == 2 and "-o/--output" in stderr


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run_cli(capsys, "--help")
    assert code == 0
    assert "--clusters" in stdout and "--engine" in stdout and "--words" in stdout


def test_cli_shows_a_progress_bar_on_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()

    def console(stderr: bool = False, **_: object) -> Console:
        if stderr:
            return Console(file=screen, force_terminal=True, width=120)
        return Console(file=io.StringIO(), force_terminal=False)

    monkeypatch.setattr("summarize.cli.common.SafeConsole", console)
    source = make_folder(tmp_path / "in", 3)
    run_batch(Batch(str(source), str(tmp_path / "out"), force=True), SERIAL)
    (tmp_path / "out" / "story-02.txt").unlink()
    code, _, _ = run_cli(capsys, str(source), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert code == 0
    shown = screen.getvalue()
    assert "summarizing" in shown and "2 skipped" in shown
