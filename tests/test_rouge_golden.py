"""Every value the Perl script ROUGE-1.5.5 printed for the 304 golden cases of
``../shared/rouge/perl-golden.jsonl``, equal to 5 decimals.

``perl_compatible=True`` must give every printed R, P and F and every raw count. The default
(corrected) mode must give the same R and P wherever the script's quirks do not apply
(everything but ROUGE-L/W of the cases whose ``lcs_byte_bug`` is set), and its F must be
the exact weighted harmonic mean of the script's own counts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarize.evaluation.rouge import RougeOptions, RougeScorer

GOLDEN = Path(__file__).resolve().parents[2] / "shared" / "rouge" / "perl-golden.jsonl"

pytestmark = pytest.mark.skipif(not GOLDEN.exists(), reason="no ../shared/rouge golden data")


def _cases() -> list[dict]:
    if not GOLDEN.exists():
        return []
    with GOLDEN.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


CASES = _cases()


def _options(settings: dict, perl: bool) -> RougeOptions:
    return RougeOptions(
        n=settings["n"],
        lcs=settings["lcs"],
        weight=settings["w"],
        skip=4 if settings["su4"] else None,
        stem=settings["m"],
        stopwords=settings["stopwords"],
        words=settings["l"],
        bytes_=settings["b"],
        multi_ref="pool" if settings["f"] == "A" else "max",
        alpha=settings["p"],
        perl_compatible=perl,
    )


def _file(lines: list[str]) -> str:
    """The text as Perl read it: the lines, each ended by a line break."""
    return "".join(line + "\n" for line in lines)


def _score(case: dict, perl: bool):
    scorer = RougeScorer(_options(case["settings"], perl))
    return scorer.score(_file(case["system"]), [_file(r) for r in case["references"]])


def _f5(value: float) -> str:
    return format(value, ".5f")


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_perl_compatible_mode_prints_what_perl_printed(case):
    result = _score(case, perl=True)
    assert set(result.scores) == set(case["perl"])
    for metric, expected in case["perl"].items():
        score = result[metric]
        got = {"R": score.recall, "P": score.precision, "F": score.fmeasure}
        for part in ("R", "P", "F"):
            assert _f5(got[part]) == _f5(expected[part]), (metric, part)
        counts = result.counts[metric]
        raw = case["perl_counts"][metric]
        for name in ("hit", "model", "peer"):
            assert getattr(counts, name) == pytest.approx(raw[name], rel=1e-12, abs=0), (
                metric,
                name,
            )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_corrected_mode_differs_only_where_perl_is_wrong(case):
    result = _score(case, perl=False)
    perl_mode = _score(case, perl=True)
    alpha = case["settings"]["p"]
    weight = case["settings"]["w"]
    for metric, expected in case["perl"].items():
        score = result[metric]
        lcs_metric = metric == "ROUGE-L" or metric.startswith("ROUGE-W")
        if case["lcs_byte_bug"] and lcs_metric:
            continue
        assert _f5(score.recall) == _f5(expected["R"]), metric
        assert _f5(score.precision) == _f5(expected["P"]), metric
        # F from the exact R and P of the script's own counts
        raw = case["perl_counts"][metric]
        recall = raw["hit"] / raw["model"] if raw["model"] else 0.0
        precision = raw["hit"] / raw["peer"] if raw["peer"] else 0.0
        if metric.startswith("ROUGE-W"):
            recall, precision = recall ** (1 / weight), precision ** (1 / weight)
        denominator = (1 - alpha) * precision + alpha * recall
        exact_f = precision * recall / denominator if denominator > 0 else 0.0
        assert score.fmeasure == pytest.approx(exact_f, rel=1e-9, abs=1e-12), metric
    # the flag says fixing the script's -b count changes the ROUGE-L or ROUGE-W values here
    changed = [
        metric
        for metric in case["perl"]
        if (metric == "ROUGE-L" or metric.startswith("ROUGE-W"))
        and _printed(result[metric]) != _printed(perl_mode[metric])
    ]
    assert bool(changed) == case["lcs_byte_bug"]


def _printed(score) -> tuple[str, str]:
    return _f5(score.recall), _f5(score.precision)


def test_the_golden_file_covers_what_the_issue_asks():
    assert len(CASES) == 304
    assert sum(c["lcs_byte_bug"] for c in CASES) == 47
    assert {c["settings"]["f"] for c in CASES} == {"A", "B"}
