"""What an evaluation run is given and what it finds: :class:`EvalSettings` in, an
:class:`Evaluation` out (per set, every scorer's means with their intervals, the bootstrap
win rates and every cluster's scores). How they are computed is in
:mod:`summarize.evaluation.run` and :mod:`summarize.evaluation.statistics`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from summarize.errors import SummarizeError
from summarize.evaluation.rouge import check_multi_ref
from summarize.evaluation.statistics import Interval
from summarize.model import Budget
from summarize.options import DigestOptions

TARGETS = ("summaries", "headlines")
MEASURES = ("rouge1", "rouge2", "rougeL")
PARTS = ("precision", "recall", "fmeasure")
METRICS = tuple(f"{measure}.{part}" for measure in MEASURES for part in PARTS)
"""Every figure of a score, as ``"rouge1.recall"`` and so on."""
HEADLINE_BYTES = 75
ORACLE = "oracle"
CEILINGS = (ORACLE,)
"""Scorers that see the references: never "the best" in a comparison."""


@dataclass(frozen=True)
class EvalSettings:
    """What to run and how to score it.

    ``options`` say how digests are made (order, redundancy, cleaning, ...); their scorer
    and budget are replaced by each of ``scorers`` and by ``budget``. ``budget`` None means
    each cluster's own (summaries) or 75 bytes (headlines).
    """

    scorers: tuple[str, ...]
    budget: Budget | None = None
    target: str = "summaries"
    stem: bool = True
    multi_ref: str = "pool"
    options: DigestOptions = field(default_factory=DigestOptions)
    resamples: int = 1000
    confidence: float = 0.95
    seed: int = 0
    language: str = "english"

    def __post_init__(self) -> None:
        if not self.scorers:
            raise SummarizeError("no scorer to evaluate")
        if self.target not in TARGETS:
            raise SummarizeError(f"unknown target {self.target!r}; available: {', '.join(TARGETS)}")
        check_multi_ref(self.multi_ref)
        if isinstance(self.resamples, bool) or not isinstance(self.resamples, int):
            raise SummarizeError(f"resamples must be a whole number, got {self.resamples!r}")
        if self.resamples < 1:
            raise SummarizeError(f"resamples must be at least 1, got {self.resamples}")
        if not 0 < self.confidence < 1:
            raise SummarizeError(f"confidence must be between 0 and 1, got {self.confidence}")


@dataclass(frozen=True)
class ClusterScore:
    """One scorer on one cluster: the figures in :data:`METRICS` order (fractions)."""

    cluster: str
    scorer: str
    values: tuple[float, ...]
    seconds: float
    failure: str | None = None

    def value(self, metric: str) -> float:
        return self.values[METRICS.index(metric)]


@dataclass(frozen=True)
class ScorerResult:
    """One scorer on one set: every metric's mean and interval, failures, summed seconds."""

    scorer: str
    metrics: Mapping[str, Interval]
    failures: int
    seconds: float


@dataclass(frozen=True)
class SetResult:
    """The evaluation of one set.

    ``wins[metric][a][b]`` is the share of bootstrap resamples in which scorer ``a``'s mean
    is higher than ``b``'s; ``a`` beats ``b`` when it reaches ``confidence``.
    """

    name: str
    path: str
    target: str
    budget: str
    clusters: int
    skipped: int
    results: tuple[ScorerResult, ...]
    wins: Mapping[str, Mapping[str, Mapping[str, float]]]
    per_cluster: tuple[ClusterScore, ...] = ()
    notes: tuple[str, ...] = ()
    confidence: float = 0.95
    resamples: int = 1000

    @property
    def scorers(self) -> tuple[str, ...]:
        return tuple(r.scorer for r in self.results)

    def result(self, scorer: str) -> ScorerResult:
        return next(r for r in self.results if r.scorer == scorer)

    def beats(self, a: str, b: str, metric: str) -> bool:
        """Whether scorer ``a`` beats ``b`` on ``metric`` (paired bootstrap, one-sided)."""
        return a != b and self.wins[metric][a][b] >= self.confidence

    def best(self, metric: str) -> str | None:
        """The scorer with the highest mean on ``metric``, ceilings (the oracle) left out
        unless nothing else was run; the first of equals."""
        contenders = [r for r in self.results if r.scorer not in CEILINGS] or list(self.results)
        if not contenders:
            return None
        return max(contenders, key=lambda r: r.metrics[metric].mean).scorer

    def is_best(self, scorer: str, metric: str) -> bool:
        """Whether ``scorer`` has the best mean on ``metric`` (ties included; ceilings only
        when nothing else was run)."""
        best = self.best(metric)
        if best is None or (scorer in CEILINGS and best != scorer):
            return False
        top = self.result(best).metrics[metric].mean
        return self.result(scorer).metrics[metric].mean >= top - 1e-12

    def beats_all(self, scorer: str, metric: str) -> bool:
        """Whether ``scorer`` beats every other non-ceiling scorer on ``metric``."""
        others = [s for s in self.scorers if s != scorer and s not in CEILINGS]
        return bool(others) and all(self.beats(scorer, other, metric) for other in others)


@dataclass(frozen=True)
class Evaluation:
    """Every set's results, the settings they were made with, and the wall time."""

    sets: tuple[SetResult, ...]
    settings: EvalSettings
    seconds: float

    @property
    def notes(self) -> tuple[str, ...]:
        return tuple(f"{s.name}: {note}" for s in self.sets for note in s.notes)
