"""``summarize rouge``: reading systems and references, the comparison with intervals and
significance, the outputs, and the options of :class:`RougeOptions` beyond the golden
cases (jackknifing, the -b quirk on a hand-made case, SU's last token)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from summarize.cli import main
from summarize.errors import SummarizeError
from summarize.evaluation import rouge as rouge_module
from summarize.evaluation import run
from summarize.evaluation.compare import (
    SystemOutputs,
    compare,
    read_references,
    read_system,
)
from summarize.evaluation.rouge import RougeOptions, RougeScorer, Score, skip_bigrams
from summarize.render.rouge import render_comparison, to_csv, to_data, to_markdown

REFERENCES = {
    "a": ("The river rose overnight.\nTwo villages were evacuated.",),
    "b": ("Prices climbed sharply in March.", "Shoppers worried as prices rose."),
    "c": ("The council approved the budget.",),
}
GOOD = {
    "a": "The river rose overnight.\nVillages were evacuated.",
    "b": "Prices rose sharply.",
    "c": "The council approved a new budget.",
}
POOR = {"a": "Nothing happened.", "b": "", "c": "A budget."}


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _references_set(path: Path) -> Path:
    rows = [
        {"id": key, "documents": [], "summaries": list(refs), "headlines": []}
        for key, refs in REFERENCES.items()
    ]
    return _write_jsonl(path, rows)


def _system(path: Path, outputs: dict[str, str]) -> Path:
    return _write_jsonl(path, [{"id": k, "summary": v} for k, v in outputs.items()])


# -- options ------------------------------------------------------------------------------------


def test_jackknife_is_the_mean_over_left_out_references():
    system = "prices rose sharply"
    refs = ["prices climbed sharply", "shoppers saw prices rise", "prices rose"]
    options = RougeOptions(n=1, lcs=False, skip=None, jackknife=True)
    jack = RougeScorer(options).score(system, refs)["ROUGE-1"]
    plain = RougeScorer(RougeOptions(n=1, lcs=False, skip=None))
    subsets = [plain.score(system, refs[:i] + refs[i + 1 :])["ROUGE-1"] for i in range(3)]
    assert jack.recall == pytest.approx(sum(s.recall for s in subsets) / 3)
    assert jack.fmeasure == pytest.approx(sum(s.fmeasure for s in subsets) / 3)
    # one reference: nothing to leave out
    single = RougeScorer(options).score(system, refs[:1])["ROUGE-1"]
    assert single == plain.score(system, refs[:1])["ROUGE-1"]


def test_perl_byte_limit_quirk_on_rouge_l_by_hand():
    # -b 5 on "a b" / "c d" / "e f" (3 bytes each, breaks not counted):
    #   the true cut keeps "a b" (3 < 5), then "c d" cut to 2 bytes: "c "  -> tokens a b c
    #   the script's ROUGE-L units never add up their bytes: every line is shorter than 5,
    #   so all three lines are units (base 6), while clipping allows only a, b, c.
    text = "a b\nc d\ne f"
    corrected = RougeScorer(RougeOptions(n=1, skip=None, stem=False, bytes_=5))
    perl = RougeScorer(RougeOptions(n=1, skip=None, stem=False, bytes_=5, perl_compatible=True))
    assert corrected.score(text, text)["ROUGE-L"] == Score(1.0, 1.0, 1.0)
    result = perl.score(text, text)
    assert result.counts["ROUGE-L"] == rouge_module.Counts(3, 6, 3)
    assert result["ROUGE-L"] == Score(precision=1.0, recall=0.5, fmeasure=0.66667)
    assert result["ROUGE-1"] == Score(1.0, 1.0, 1.0)  # ROUGE-N uses the true cut


def test_su_never_counts_the_last_token_as_a_unigram():
    assert skip_bigrams(["a"], 4) == {}
    grams = skip_bigrams(["a", "b", "c"], 0)
    assert grams == {("a",): 1, ("b",): 1, ("a", "b"): 1, ("b", "c"): 1}
    # gap 4: the sixth token is still paired with the first, the seventh is not
    words = list("abcdefg")
    assert ("a", "f") in skip_bigrams(words, 4) and ("a", "g") not in skip_bigrams(words, 4)


def test_stopwords_are_removed_before_stemming():
    options = RougeOptions(n=1, lcs=False, skip=None, stopwords=True)
    result = RougeScorer(options).score("The reuters said the river rose", "river rose")
    assert result.counts["ROUGE-1"] == rouge_module.Counts(hit=2, model=2, peer=2)


def test_options_are_checked():
    with pytest.raises(SummarizeError):
        RougeOptions(n=5)
    with pytest.raises(SummarizeError):
        RougeOptions(weight=1.0)
    with pytest.raises(SummarizeError):
        RougeOptions(words=10, bytes_=10)
    with pytest.raises(SummarizeError):
        RougeOptions(n=0, lcs=False, skip=None)
    assert RougeOptions(n=4, weight=1.2, words=100).flags() == (
        "-n 4 -2 4 -u -w 1.2 -m -l 100 -f A -p 0.5"
    )


def test_summarize_eval_scores_through_the_same_code():
    assert run.score_all is rouge_module.score_all
    text = "The river rose.\nTwo villages were evacuated."
    scores = rouge_module.score_all(text, ["The river rose.", "Villages were evacuated."])
    full = RougeScorer(RougeOptions(n=2, skip=None)).score(
        text, ["The river rose.", "Villages were evacuated."]
    )
    assert scores["rouge1"] == full["ROUGE-1"]
    assert scores["rougeL"] == full["ROUGE-L"]


# -- reading ------------------------------------------------------------------------------------


def test_read_system_from_jsonl_and_folder(tmp_path):
    path = _write_jsonl(
        tmp_path / "model.jsonl",
        [{"id": "a", "summary": ["line one", "line two"]}, {"id": "b", "summary": "text"}],
    )
    system = read_system(path)
    assert system.name == "model"
    assert system.outputs == {"a": "line one\nline two", "b": "text"}
    folder = tmp_path / "peers"
    folder.mkdir()
    (folder / "a.txt").write_text("one", encoding="utf-8")
    (folder / "b.M.100.T.1").write_text("two", encoding="utf-8")
    assert read_system(folder).outputs == {"a": "one", "b": "two"}
    _write_jsonl(tmp_path / "dup.jsonl", [{"id": "a", "summary": ""}, {"id": "a", "summary": ""}])
    with pytest.raises(SummarizeError, match="twice"):
        read_system(tmp_path / "dup.jsonl")


def test_read_references_from_a_set_and_a_folder(tmp_path):
    assert read_references(_references_set(tmp_path / "set.jsonl")) == REFERENCES
    folder = tmp_path / "models"
    folder.mkdir()
    (folder / "d1.B.txt").write_text("second", encoding="utf-8")
    (folder / "d1.A.txt").write_text("first", encoding="utf-8")
    (folder / "d2.A").write_text("other", encoding="utf-8")
    assert read_references(folder) == {"d1": ("first", "second"), "d2": ("other",)}
    with pytest.raises(SummarizeError, match="no reference headlines"):
        read_references(tmp_path / "set.jsonl", "headlines")


# -- comparing ----------------------------------------------------------------------------------


def _comparison(**kwargs):
    systems = [SystemOutputs("good", "good", GOOD), SystemOutputs("poor", "poor", POOR)]
    return compare(systems, REFERENCES, RougeOptions(), resamples=200, **kwargs)


def test_compare_scores_every_id_like_the_scorer():
    comparison = _comparison()
    scorer = RougeScorer(RougeOptions())
    figures = comparison.figures
    assert figures[:3] == ("ROUGE-1 R", "ROUGE-1 P", "ROUGE-1 F")
    for scores in comparison.per_id:
        expected = scorer.score(GOOD[scores.id], REFERENCES[scores.id])
        assert scores.values[0][figures.index("ROUGE-L F")] == expected["ROUGE-L"].fmeasure
    mean = sum(s.values[0][0] for s in comparison.per_id) / 3
    stats = comparison.result("good").figures["ROUGE-1 R"]
    assert stats.mean == pytest.approx(mean)
    assert stats.low <= stats.mean <= stats.high
    # the same seed gives the same intervals and win rates
    assert _comparison().wins == comparison.wins


def test_compare_reports_missing_ids_and_empty_outputs():
    systems = [
        SystemOutputs("good", "good", GOOD),
        SystemOutputs("partial", "partial", {"a": "The river rose.", "b": "  ", "x": "extra"}),
    ]
    comparison = compare(systems, REFERENCES, RougeOptions(), resamples=50)
    assert comparison.ids == ("a", "b")  # "c" is missing from one system: left out for all
    notes = " | ".join(comparison.notes)
    assert "partial: no output for 1 id(s) with references (c)" in notes
    assert "partial: 1 id(s) without references ignored (x)" in notes
    assert "partial: empty output for 1 id(s), scored 0 (b)" in notes
    assert comparison.result("partial").empty == ("b",)
    with pytest.raises(SummarizeError, match="every system"):
        compare([SystemOutputs("x", "x", {"zz": "a"})], REFERENCES, RougeOptions())


def test_compare_on_two_processes_gives_the_same_figures():
    one = _comparison()
    two = _comparison(jobs=2)
    assert one.per_id == two.per_id
    assert one.wins == two.wins


def test_outputs_carry_every_figure_and_the_marks():
    comparison = _comparison()
    data = to_data(comparison, baseline="poor", per_id=True)
    good = data["systems"][0]
    assert good["name"] == "good"
    assert set(good["figures"]) == set(comparison.figures)
    assert data["options"]["flags"] == "-n 2 -2 4 -u -m -f A -p 0.5"
    assert len(data["per_id"]) == 3
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison, per_id=True))))
    assert len(rows) == 2 * len(comparison.figures) * (1 + 3)
    markdown = to_markdown(comparison, baseline="poor")
    assert markdown.startswith("| system | R1 R | R1 P | R1 F |")
    console = Console(file=io.StringIO(), width=60)
    render_comparison(comparison, console, "table", baseline="poor")
    shown = console.file.getvalue()
    assert "good" in shown and "poor" in shown and "ROUGE-1.5.5 flags" in shown


# -- the command --------------------------------------------------------------------------------


def test_command_writes_json_and_reports_problems(tmp_path, capsys):
    refs = _references_set(tmp_path / "set.jsonl")
    good = _system(tmp_path / "good.jsonl", GOOD)
    poor = _system(tmp_path / "poor.jsonl", POOR)
    out = tmp_path / "scores.json"
    status = main(
        ["rouge", str(good), str(poor), "--references", str(refs), "--baseline", "poor",
         "-n", "4", "--weight", "1.2", "--output", str(out), "--per-id", "--resamples", "100"]
    )  # fmt: skip
    assert status == 0
    captured = capsys.readouterr()
    assert "poor: empty output for 1 id(s), scored 0 (b)" in captured.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["name"] for s in data["systems"]] == ["good", "poor"]
    assert "ROUGE-W-1.2 R" in data["systems"][0]["figures"]
    assert data["baseline"] == "poor"
    status = main(["rouge", str(good), "--references", str(refs), "--format", "csv"])
    assert status == 0
    assert capsys.readouterr().out.startswith("system,id,metric,part,value,low,high")


def test_command_errors_are_usage_errors(tmp_path, capsys):
    refs = _references_set(tmp_path / "set.jsonl")
    good = _system(tmp_path / "good.jsonl", GOOD)
    assert main(["rouge", str(good), "--references", str(refs), "--baseline", "lead"]) == 2
    assert "--baseline 'lead' is not among the systems" in capsys.readouterr().err
    assert main(["rouge", str(good), "--references", str(refs), "--output", "x.txt"]) == 2
    assert main(["rouge", str(tmp_path / "none.jsonl"), "--references", str(refs)]) == 2
    assert main(["rouge", str(good), "--references", str(refs), "-n", "5"]) == 2
