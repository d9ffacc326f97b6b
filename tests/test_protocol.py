"""The default-choosing rule of benchmarks/protocol.py, on invented figures."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from protocol import BASELINE, METHODS, Cell, choose, compare, split_labels


def cell(gain: float, loss: bool = False) -> Cell:
    return Cell(0.0, 0.0, gain, gain - 1, gain + 1, False, loss, 0.0)


def test_the_choice_is_the_best_mean_gain_among_methods_that_lose_nowhere() -> None:
    table = {
        ("a", 0): {BASELINE: cell(0), "big-on-one": cell(5), "steady": cell(1)},
        ("b", 0): {BASELINE: cell(0), "big-on-one": cell(-2, loss=True), "steady": cell(0.5)},
    }
    assert choose(table, [BASELINE, "big-on-one", "steady"]) == "steady"


def test_a_paired_difference_is_significant_when_its_interval_excludes_zero() -> None:
    rng = np.random.default_rng(1)
    base = rng.normal(30, 5, size=(200, 3))
    better = base + np.array([1.0, 1.0, 0.0])
    noisy = base + rng.normal(0, 5, size=(200, 3))
    cells = compare({BASELINE: base, "better": better, "noisy": noisy})
    assert cells["better"].win and not cells["better"].loss
    assert cells["better"].gain == pytest.approx(1.0)
    assert not cells[BASELINE].win and not cells[BASELINE].loss
    assert not cells["noisy"].win and not cells["noisy"].loss


def test_a_methods_list_splits_between_labels_not_inside_their_parameters() -> None:
    labels = [m.label for m in METHODS]
    assert split_labels(",".join(labels)) == labels
    assert split_labels(
        "lead+ilp(min_share=0.3,quotes=False),lead+ilp (greedy for one article),"
    ) == [
        "lead+ilp(min_share=0.3,quotes=False)",
        "lead+ilp (greedy for one article)",
    ]
