"""Evaluation runs (``summarize eval``): hand-computed ROUGE of the baselines on tiny sets,
the paired bootstrap, failures and skipped clusters, the output files, the plot and
one-line errors for bad set files."""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.evaluation.results import METRICS, EvalSettings
from summarize.evaluation.run import evaluate, summary_budget
from summarize.evaluation.statistics import bootstrap_means, interval, win_rates
from summarize.inputs.clusters import read_clusters
from summarize.model import Budget
from summarize.options import DigestOptions
from summarize.render.evaluation import EvaluationTable, evaluation_markdown

from .conftest import EVAL, SAMPLE

# Each story: a lead sentence that shares little with the reference, a second sentence
# that is nearly the reference, and a third about something else. With a budget of one
# sentence, lead takes the first and the oracle the second.
STORIES = [
    (
        "Flood closes valley roads",
        "Heavy rain flooded the valley overnight. Two villages were evacuated on Monday. "
        "The weather was mild in the south.",
        "Rain flooded two villages on Monday.",
    ),
    (
        "Council backs park plan",
        "The council met for three hours. It approved new money for the city parks. "
        "A vote on roads comes next month.",
        "The council approved money for parks.",
    ),
    (
        "Bakery wins bread prize",
        "Crowds gathered in the square on Sunday. A small bakery won the regional bread prize. "
        "Its owner thanked her staff.",
        "A bakery won the bread prize.",
    ),
    (
        "Museum reopens after repairs",
        "Visitors queued before dawn. The city museum reopened after two years of repairs. "
        "Tickets sold out quickly.",
        "The museum reopened after repairs.",
    ),
]


def record(number: int, **changes: object) -> dict[str, object]:
    title, text, summary = STORIES[number]
    data: dict[str, object] = {
        "id": f"c{number}",
        "documents": [{"id": "0", "title": title, "text": text}],
        "summaries": [summary],
        "headlines": [title],
        "budget": {"sentences": 1},
    }
    data.update(changes)
    return data


def write_set(tmp_path: Path, *records: object, name: str = "tiny.jsonl") -> Path:
    path = tmp_path / name
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    return write_set(tmp_path, *(record(i) for i in range(len(STORIES))))


def settings(*names: str, **changes: object) -> EvalSettings:
    values: dict[str, object] = {"scorers": names, "resamples": 200}
    values.update(changes)
    return EvalSettings(**values)  # type: ignore[arg-type]


def cluster_value(result, cluster: str, scorer: str, metric: str) -> float:
    score = next(s for s in result.per_cluster if s.cluster == cluster and s.scorer == scorer)
    return score.value(metric)


# --------------------------------------------------------------------------------------------
# Golden values


def test_lead_and_oracle_on_a_hand_computed_cluster(tiny: Path) -> None:
    # c0, one sentence. Stemmed tokens of the reference "Rain flooded two villages on
    # Monday.": rain flood two villag on mondai (6; bigrams 5).
    # lead:   "Heavy rain flooded the valley overnight." -> heavi rain flood the vallei
    #         overnight (6): hits rain, flood -> R1 P = R = F = 2/6; bigram hit rain-flood
    #         -> R2 = 1/5; LCS "rain flood" -> RL = 2/6.
    # oracle: "Two villages were evacuated on Monday." -> two villag were evacu on mondai:
    #         hits two, villag, on, mondai -> R1 = 4/6; bigrams two-villag, on-mondai -> 2/5;
    #         LCS "two villag on mondai" -> RL = 4/6.
    (result,) = evaluate([tiny], settings("lead", "oracle")).sets
    expected = {
        "lead": (Fraction(2, 6), Fraction(1, 5), Fraction(2, 6)),
        "oracle": (Fraction(4, 6), Fraction(2, 5), Fraction(4, 6)),
    }
    for scorer, figures in expected.items():
        for measure, value in zip(("rouge1", "rouge2", "rougeL"), figures, strict=True):
            for part in ("precision", "recall", "fmeasure"):
                got = cluster_value(result, "c0", scorer, f"{measure}.{part}")
                assert got == pytest.approx(float(value)), (scorer, measure, part)


def test_means_intervals_and_significance(tiny: Path) -> None:
    (result,) = evaluate([tiny], settings("lead", "random", "oracle")).sets
    assert result.clusters == 4
    assert result.scorers == ("lead", "random", "oracle")
    for row in result.results:
        for metric in METRICS:
            figure = row.metrics[metric]
            values = [cluster_value(result, f"c{i}", row.scorer, metric) for i in range(4)]
            assert figure.mean == pytest.approx(np.mean(values))
            assert min(values) <= figure.low <= figure.mean <= figure.high <= max(values)
    recall = "rouge1.recall"
    assert result.result("oracle").metrics[recall].mean > result.result("lead").metrics[recall].mean
    assert result.wins[recall]["oracle"]["lead"] >= 0.95
    assert result.beats("oracle", "lead", recall)
    assert not result.beats("lead", "oracle", recall)
    assert result.best(recall) in ("lead", "random")  # the oracle is never "the best"


def test_random_is_reproducible_and_seeded(tiny: Path) -> None:
    def random_scores(seed: int) -> list[float]:
        (result,) = evaluate([tiny], settings("random", seed=seed)).sets
        return [s.values[0] for s in result.per_cluster]

    assert random_scores(0) == random_scores(0)
    assert any(random_scores(seed) != random_scores(0) for seed in range(1, 6))


def test_random_stays_random_sentences_whatever_the_selector(tmp_path: Path) -> None:
    # the sample cluster at 60 words: coverage weighted by random scores chooses otherwise
    # than the best random scores, so this would differ if --selector reached the baseline
    documents = [
        {"id": p.name, "text": p.read_text(encoding="utf-8")} for p in sorted(SAMPLE.iterdir())
    ]
    path = write_set(tmp_path, record(0, documents=documents, budget={"words": 60}, headlines=[]))

    def random_scores(selector: str) -> tuple[float, ...]:
        options = DigestOptions(selector=selector)
        (result,) = evaluate([path], settings("random", options=options)).sets
        return tuple(result.per_cluster[0].values)

    assert random_scores("submodular") == random_scores("greedy")


def test_the_sets_budget_applies_unless_one_is_given(tiny: Path) -> None:
    (cluster, *_) = read_clusters(tiny)
    assert summary_budget(cluster, settings("lead")) == Budget(sentences=1)
    given = settings("lead", budget=Budget(words=4))
    assert summary_budget(cluster, given) == Budget(words=4)
    assert summary_budget(cluster, settings("lead", target="headlines")) == Budget(bytes=75)
    # 4 words: lead "Heavy rain flooded the" against "Rain flooded two villages":
    # hits rain, flood -> R1 recall 2/4
    (result,) = evaluate([tiny], given).sets
    assert cluster_value(result, "c0", "lead", "rouge1.recall") == pytest.approx(0.5)


def test_headlines_target(tiny: Path) -> None:
    # With a source title the headline is the title, which is the reference: all 1.
    (result,) = evaluate([tiny], settings("lead", target="headlines")).sets
    assert result.result("lead").metrics["rouge1.recall"].mean == pytest.approx(1.0)
    # Without headlines the first sentence is scored: "Heavy rain flooded the valley
    # overnight." against "Flood closes valley roads" (flood close vallei road): hits flood,
    # vallei -> recall 2/4.
    no_headline = settings("lead", target="headlines", options=DigestOptions(headline=False))
    (result,) = evaluate([tiny], no_headline).sets
    assert cluster_value(result, "c0", "lead", "rouge1.recall") == pytest.approx(0.5)


def test_no_stem_and_multi_ref_settings(tmp_path: Path) -> None:
    path = write_set(
        tmp_path, record(0, summaries=["Rain flooded two villages on Monday.", "Heavy rain."])
    )
    # pooled: lead hits 2 of 6 and 2 of 2 -> recall 4/8; max: the second (recall 1)
    (pooled,) = evaluate([path], settings("lead")).sets
    assert cluster_value(pooled, "c0", "lead", "rouge1.recall") == pytest.approx(0.5)
    (best,) = evaluate([path], settings("lead", multi_ref="max")).sets
    assert cluster_value(best, "c0", "lead", "rouge1.recall") == pytest.approx(1.0)
    # unstemmed, "flooded" still matches "flooded": same hits here
    (plain,) = evaluate([path], settings("lead", stem=False)).sets
    assert cluster_value(plain, "c0", "lead", "rouge1.recall") == pytest.approx(0.5)


def test_failures_score_zero_and_clusters_without_references_are_left_out(
    tmp_path: Path,
) -> None:
    path = write_set(
        tmp_path,
        record(0),
        record(1, id="empty", documents=[{"id": "0", "text": ""}]),
        record(2, summaries=[]),
    )
    (result,) = evaluate([path], settings("lead")).sets
    assert result.clusters == 2
    assert result.skipped == 1
    assert result.result("lead").failures == 1
    assert cluster_value(result, "empty", "lead", "rouge1.recall") == 0.0
    assert any("left out" in note for note in result.notes)
    assert any("lead failed on 1 cluster" in note and "empty" in note for note in result.notes)


def test_a_set_without_references_is_an_error(tmp_path: Path) -> None:
    path = write_set(tmp_path, record(0, summaries=[]))
    with pytest.raises(SummarizeError, match=r"no cluster has reference summaries.*headlines"):
        evaluate([path], settings("lead"))


def test_parallel_runs_match_and_report_progress(tiny: Path) -> None:
    seen: list[tuple[int, int]] = []
    one = evaluate(
        [tiny, tiny], settings("lead", "oracle"), jobs=1, progress=lambda *a: seen.append(a)
    )
    two = evaluate([tiny, tiny], settings("lead", "oracle"), jobs=2)
    assert [s.values for s in one.sets[0].per_cluster] == [
        s.values for s in two.sets[0].per_cluster
    ]
    assert [r.metrics for r in one.sets[1].results] == [r.metrics for r in two.sets[1].results]
    assert seen[0] == (0, 8)
    assert seen[-1] == (8, 8)


def test_settings_are_checked() -> None:
    with pytest.raises(SummarizeError):
        EvalSettings(scorers=())
    with pytest.raises(SummarizeError):
        EvalSettings(scorers=("lead",), target="titles")
    with pytest.raises(SummarizeError):
        EvalSettings(scorers=("lead",), multi_ref="mean")
    with pytest.raises(SummarizeError):
        EvalSettings(scorers=("lead",), resamples=0)


def test_auto_is_evaluated_as_the_default_digest_picks(tmp_path: Path) -> None:
    # Two sources: lead takes a first sentence, LexRank the one both sources carry.
    pair = record(1, id="pair")
    pair["documents"] = [
        {"id": "a", "text": "The mayor spoke on Friday. The new library cost ten million."},
        {"id": "b", "text": "Rain fell all morning. The new library cost ten million euros."},
    ]
    pair["summaries"] = ["The library cost ten million euros."]
    path = write_set(tmp_path, record(0), pair)
    (result,) = evaluate([path], settings("auto", "lead", "lexrank-lead")).sets
    sizes = {c.id: len(c.documents) for c in read_clusters(path)}
    assert set(sizes.values()) == {1, 2}  # both kinds are there
    for cluster, documents in sizes.items():
        meant = "lead" if documents == 1 else "lexrank-lead"
        value = cluster_value(result, cluster, "auto", "rouge1.recall")
        assert value == cluster_value(result, cluster, meant, "rouge1.recall")
    pair_lead = cluster_value(result, "pair", "lead", "rouge1.recall")
    assert pair_lead < cluster_value(result, "pair", "auto", "rouge1.recall")


def test_unknown_scorer_fails_before_any_work(tiny: Path) -> None:
    with pytest.raises(SummarizeError, match="available"):
        evaluate([tiny], settings("lead", "no-such-scorer"))


# --------------------------------------------------------------------------------------------
# Bootstrap


def test_bootstrap_is_seeded_paired_and_exact_for_constants() -> None:
    values = np.array([[0.1, 0.2], [0.5, 0.6], [0.9, 1.0]])
    first = bootstrap_means(values, np.random.default_rng(7), 500)
    again = bootstrap_means(values, np.random.default_rng(7), 500)
    assert first.shape == (500, 2)
    np.testing.assert_array_equal(first, again)
    # paired: the second column is the first plus 0.1 in every cluster, so in every resample
    np.testing.assert_allclose(first[:, 1] - first[:, 0], 0.1)
    assert win_rates(first)[1, 0] == 1.0
    assert win_rates(first)[0, 1] == 0.0
    constant = bootstrap_means(np.full((4, 1), 0.25), np.random.default_rng(0), 100)
    assert interval(constant[:, 0]) == pytest.approx((0.25, 0.25))


def test_bootstrap_interval_covers_the_mean() -> None:
    rng = np.random.default_rng(1)
    values = rng.random((200, 1))
    means = bootstrap_means(values, np.random.default_rng(2), 1000)[:, 0]
    low, high = interval(means, 0.95)
    assert low < values.mean() < high
    # the standard error of a uniform mean over 200 values is about 0.02: a 95% interval
    # is about 4 of those wide
    assert 0.05 < high - low < 0.1


def test_win_rates_of_equal_scorers_are_zero() -> None:
    resampled = np.tile(np.array([[0.3, 0.3]]), (50, 1))
    assert win_rates(resampled).max() == 0.0


# --------------------------------------------------------------------------------------------
# Rendering


def rendered(result, baseline: str | None = "lead") -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=100).print(EvaluationTable(result, baseline))
    return buffer.getvalue()


def test_table_marks_and_caption(tiny: Path) -> None:
    (result,) = evaluate([tiny], settings("lead", "random", "oracle")).sets
    text = rendered(result)
    for label in ("R1 R", "R1 F", "R2 R", "R2 F", "RL R", "RL F"):
        assert label in text
    oracle_line = next(line for line in text.splitlines() if line.startswith("oracle"))
    assert "\u25b2" in oracle_line  # better than lead
    assert "better / worse than lead" in " ".join(text.split())
    assert "tiny \u00b7 summaries \u00b7 1 sentence" in text
    markdown = evaluation_markdown(evaluate([tiny], settings("lead", "oracle")))
    assert "| *oracle* |" in markdown
    assert "| lead | **" in markdown


# --------------------------------------------------------------------------------------------
# Command line


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["eval", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_error(code: int, out: str, err: str) -> str:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarize: error: ")
    return lines[0]


def test_cli_table(capsys: pytest.CaptureFixture[str], tiny: Path) -> None:
    code, out, err = run(capsys, str(tiny), "--resamples", "100")
    assert code == 0, err
    assert err == ""
    for scorer in ("lexrank-lead", "lead", "random", "oracle"):
        assert any(line.startswith(scorer) for line in out.splitlines())
    assert "wall time" in out


def test_cli_shows_the_progress_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tiny: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()

    def console(stderr: bool = False, **_: object) -> Console:
        if stderr:
            return Console(file=screen, force_terminal=True, width=120)
        return Console(file=io.StringIO(), force_terminal=False)

    monkeypatch.setattr("summarize.cli.common.SafeConsole", console)
    code, _, _ = run(capsys, str(tiny), "--scorer", "lead", "--resamples", "50")
    assert code == 0
    shown = screen.getvalue()
    assert "evaluating" in shown and f"{len(STORIES)}/{len(STORIES)}" in shown


def test_cli_output_files(capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path) -> None:
    common = ["--scorer", "lead,oracle", "--resamples", "50", "--budget", "words=6"]
    for suffix in ("json", "csv", "md"):
        target = tmp_path / f"results.{suffix}"
        code, _, err = run(capsys, str(tiny), *common, "--output", str(target), "--per-cluster")
        assert code == 0, err
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert data["settings"]["budget"] == {"words": 6}
    (entry,) = data["sets"]
    assert entry["clusters"] == 4
    assert [s["name"] for s in entry["scorers"]] == ["lead", "oracle"]
    lead = entry["scorers"][0]["scores"]["rouge1"]["recall"]
    assert lead["low"] <= lead["mean"] <= lead["high"]
    assert entry["wins"]["rouge1.recall"]["oracle"]["lead"] >= 0.0
    assert len(entry["per_cluster"]) == 8
    rows = list(csv.DictReader(io.StringIO((tmp_path / "results.csv").read_text("utf-8"))))
    means = [r for r in rows if not r["cluster"]]
    assert len(means) == 2 * len(METRICS)
    assert len(rows) - len(means) == 8 * len(METRICS)
    markdown = (tmp_path / "results.md").read_text(encoding="utf-8")
    assert markdown.startswith("### tiny")
    assert "| cluster | scorer |" in markdown


def test_cli_budget_forms(capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    for option in (["--budget", "bytes=40"], ["--chars", "40"]):
        code, _, err = run(capsys, str(tiny), "--scorer", "lead", *option, "--output", str(target))
        assert code == 0, err
        assert json.loads(target.read_text("utf-8"))["settings"]["budget"] == {"bytes": 40}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--budget", "pages=3"], "--budget"),
        (["--budget", "words=ten"], "words must be a whole number"),
        (["--budget", "ratio=2"], "ratio must be in (0, 1]"),
        (["--budget", "words=5", "--words", "5"], "give the budget once"),
        (["--target", "titles"], "--target"),
        (["--multi-ref", "mean"], "--multi-ref"),
        (["--jobs", "-2"], "--jobs"),
        (["--resamples", "0"], "--resamples"),
        (["--scorer", "nope"], "unknown scorer 'nope'"),
        (["--scorer", ","], "at least one scorer"),
        (["--baseline", "textrank"], "not among the scorers"),
        (["--output", "results.txt"], "cannot tell the format"),
    ],
)
def test_cli_bad_options(
    capsys: pytest.CaptureFixture[str], tiny: Path, options: list[str], expected: str
) -> None:
    line = one_error(*run(capsys, str(tiny), *options))
    assert expected in line


def test_cli_bad_set_files_name_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = json.dumps(record(0))
    cases = {
        "json.jsonl": ([good, '{"id": "c9", "documents": ['], "line 2: invalid JSON"),
        "missing.jsonl": (
            [good, good, json.dumps({"id": "c9", "documents": [{"text": "A b."}]})],
            'line 3: missing "summaries"',
        ),
        "empty.jsonl": ([json.dumps(record(0, summaries=[""]))], 'line 1: "summaries"[0] is empty'),
        "no-docs.jsonl": ([json.dumps(record(0, documents=[]))], 'line 1: "documents" must be'),
    }
    for name, (lines, expected) in cases.items():
        path = write_set(tmp_path, *lines, name=name)
        line = one_error(*run(capsys, str(path), "--scorer", "lead"))
        assert expected in line
        assert name in line
    line = one_error(*run(capsys, str(tmp_path / "absent.jsonl")))
    assert "absent.jsonl" in line


def test_cli_warns_about_failures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_set(tmp_path, record(0), record(1, id="x", documents=[{"text": ""}]))
    code, _, err = run(capsys, str(path), "--scorer", "lead", "--resamples", "20")
    assert code == 0
    assert err.startswith("summarize: warning: tiny: lead failed on 1 cluster(s)")


def test_cli_plot(capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    target = tmp_path / "scores.png"
    code, _, err = run(capsys, str(tiny), "--scorer", "lead,oracle", "--plot", str(target))
    assert code == 0, err
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_plot_without_matplotlib(
    capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import fails
    line = one_error(*run(capsys, str(tiny), "--plot", str(tmp_path / "p.png")))
    assert "summarize[plot]" in line


def test_cli_help_mentions_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for option in ("--budget", "--target", "--no-stem", "--multi-ref", "--jobs", "--output",
                   "--per-cluster", "--plot", "--resamples", "--seed", "--baseline"):  # fmt: skip
        assert option in out


# --------------------------------------------------------------------------------------------
# The development sets (skipped when ../shared/eval is absent)


@pytest.mark.skipif(not (EVAL / "allsides-val.jsonl").exists(), reason="no evaluation sets")
def test_baselines_rank_as_expected_on_a_dev_set(tmp_path: Path) -> None:
    with (EVAL / "allsides-val.jsonl").open(encoding="utf-8") as handle:
        head = list(itertools.islice(handle, 60))
    path = tmp_path / "allsides-head.jsonl"
    path.write_text("".join(head), encoding="utf-8")
    (result,) = evaluate([path], settings("lead", "random", "oracle"), jobs=2).sets
    for metric in ("rouge1.recall", "rouge2.recall"):
        assert result.beats("oracle", "lead", metric)
        assert result.beats("oracle", "random", metric)
    lead, random = (result.result(s).metrics["rouge2.recall"].mean for s in ("lead", "random"))
    assert lead > random


def test_ties_are_all_best_and_the_oracle_never_is(tiny: Path) -> None:
    # For headlines every scorer shows the source title: lead and random tie everywhere.
    (result,) = evaluate([tiny], settings("lead", "random", "oracle", target="headlines")).sets
    for metric in METRICS:
        assert result.is_best("lead", metric)
        assert result.is_best("random", metric)
        assert not result.is_best("oracle", metric)
        assert not result.beats_all("lead", metric)


def test_bad_pipeline_options_fail_before_any_work(tiny: Path) -> None:
    with pytest.raises(SummarizeError, match="unknown order"):
        evaluate([tiny], settings("lead", options=DigestOptions(order="sideways")))
