"""Evaluation runs: summarize every cluster of a set with each scorer, score with ROUGE,
and compare the scorers with paired bootstrap confidence intervals and significance.

For each evaluation set (JSONL, read by :func:`summarize.inputs.clusters.read_clusters`) and each
scorer, every cluster is summarized with :func:`summarize.summarize` and the output is
scored against the cluster's references with :func:`summarize.evaluation.rouge.score_all` (ROUGE-1,
ROUGE-2 and summary-level ROUGE-L; precision, recall and F1; ROUGE-1.5.5 conventions).

* **Target** ``summaries``: the output is the digest, one sentence per line, at the budget
  given in :class:`EvalSettings` or else the cluster's own (the pipeline's default, 100
  words, when it has none). ``headlines``: the output is the digest's headline, or its one
  sentence when it has none (``headline=False`` in the options, or no source title), and
  the budget is only ROUGE's cut: 75 bytes unless another is given (the headline
  convention: recall of the first 75 bytes).
* **ROUGE's cut**: a ``words`` budget cuts the output and every reference to that many
  words (``-l``), a ``bytes`` budget to that many bytes (``-b``); ``ratio`` and
  ``sentences`` budgets cut nothing.
* **Baselines**: ``lead``, ``random`` (seeded with :attr:`EvalSettings.seed`; chosen by the
  greedy selector whatever ``--selector`` says, so that it stays random sentences) and
  ``oracle``, which is built for each cluster from its references (cut as ROUGE cuts them)
  and the budget. The oracle runs with merging, corroboration and the redundancy check
  relaxed (no merging, no corroboration, redundancy 0.95, the greedy selector) so that the
  pipeline keeps the sentences it picked; cleaning is the same as for every scorer, so it
  picks from the same sentences.
* A scorer that refuses a cluster (a :class:`SummarizeError`, such as sumy's size limits)
  scores 0 there and is counted as a failure; clusters without references for the target
  are left out, with a note.
* **Confidence intervals** come from a paired bootstrap over clusters: ``resamples`` times,
  as many clusters as the set has are drawn with replacement — the same draw for every
  scorer — and each scorer's mean is taken. The interval is the central ``confidence``
  share of those means (percentile method, as ROUGE-1.5.5 does; the script reports the mean
  of the resampled means, we the plain mean). Scorer A **beats** B on a measure when its
  mean is higher in at least ``confidence`` of the resamples (a one-sided paired test).
  Randomness comes only from a ``numpy.random.Generator`` seeded with ``seed``.

Clusters are spread over ``jobs`` processes; nothing here prints (see
:mod:`summarize.render.evaluation`). The settings and results are in
:mod:`summarize.evaluation.results`, the bootstrap in :mod:`summarize.evaluation.statistics`.
"""

from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from summarize.digest.pipeline import check_scorer, digest
from summarize.errors import SummarizeError
from summarize.evaluation.results import (
    HEADLINE_BYTES,
    MEASURES,
    METRICS,
    ORACLE,
    PARTS,
    TARGETS,
    ClusterScore,
    EvalSettings,
    Evaluation,
    ScorerResult,
    SetResult,
)
from summarize.evaluation.rouge import cut_lines, score_all
from summarize.evaluation.statistics import Interval, bootstrap_means, interval, win_rates
from summarize.inputs.clusters import Cluster, read_clusters
from summarize.model import Budget, Summary
from summarize.options import DigestOptions, describe_budget
from summarize.scorers.baselines import Oracle
from summarize.selectors.budget import resolve
from summarize.text.documents import as_documents

Progress = Callable[[int, int], None]
"""Called with (clusters done, clusters in all) as an evaluation proceeds."""


@dataclass(frozen=True)
class ClusterTask:
    """One cluster to summarize with every scorer (what a worker process receives)."""

    cluster: Cluster
    references: tuple[str, ...]
    settings: EvalSettings


# -- running -----------------------------------------------------------------------------------


def evaluate(
    paths: Sequence[str | Path],
    settings: EvalSettings,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Evaluation:
    """Evaluate every scorer of ``settings`` on every set at ``paths``.

    Every set is read (and checked) before anything is summarized, so a bad line stops the
    run at once. ``jobs`` processes share the clusters (0: one per CPU).
    """
    started = time.perf_counter()
    for name in settings.scorers:
        check_scorer(name)  # an unknown name fails now, listing the available ones
    check_options(settings)
    loaded = [load_set(path, settings) for path in paths]
    tasks = [
        ClusterTask(cluster, references_for(cluster, settings.target), settings)
        for _, clusters, _ in loaded
        for cluster in clusters
    ]
    scored = run_tasks(tasks, jobs, progress)
    sets = []
    offset = 0
    rng = np.random.default_rng(settings.seed)
    for path, clusters, skipped in loaded:
        chunk = scored[offset : offset + len(clusters)]
        offset += len(clusters)
        sets.append(_set_result(Path(path), clusters, skipped, chunk, settings, rng))
    return Evaluation(sets=tuple(sets), settings=settings, seconds=time.perf_counter() - started)


def check_options(settings: EvalSettings) -> None:
    """Raise :class:`SummarizeError` now for options :func:`summarize.summarize` rejects
    (an unknown selector, say), which would otherwise fail every cluster one by one."""
    probe = "The river rose. The roads were closed."
    options = replace(settings.options, scorer="lead", budget=Budget(sentences=1))
    digest(as_documents(probe, options.language), options)


def load_set(path: str | Path, settings: EvalSettings) -> tuple[Path, list[Cluster], int]:
    """The clusters of one set that have references for the target, and how many have
    none. Raises :class:`SummarizeError` when no cluster has any."""
    path = Path(path)
    clusters = list(read_clusters(path, language=settings.language))
    usable = [c for c in clusters if references_for(c, settings.target)]
    if not usable:
        other = next(t for t in TARGETS if t != settings.target)
        hint = (
            f" (it has {other}: --target {other})"
            if any(references_for(c, other) for c in clusters)
            else ""
        )
        raise SummarizeError(
            f"{path}: no cluster has reference {settings.target} to score against{hint}"
        )
    return path, usable, len(clusters) - len(usable)


def references_for(cluster: Cluster, target: str) -> tuple[str, ...]:
    """The cluster's references for ``target`` ("summaries" or "headlines")."""
    return cluster.summaries if target == "summaries" else cluster.headlines


def run_tasks(
    tasks: Sequence[ClusterTask], jobs: int = 1, progress: Progress | None = None
) -> list[list[ClusterScore]]:
    """Every task's scores, in task order, on ``jobs`` processes (0: one per CPU)."""
    if jobs < 0:
        raise SummarizeError(f"jobs must be at least 0, got {jobs}")
    workers = min(jobs or os.cpu_count() or 1, max(len(tasks), 1))
    total = len(tasks)
    if progress:
        progress(0, total)
    results: list[list[ClusterScore]] = []
    if workers <= 1:
        for task in tasks:
            results.append(evaluate_cluster(task))
            if progress:
                progress(len(results), total)
        return results
    chunksize = max(1, min(8, total // (workers * 16)))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for outcome in pool.map(evaluate_cluster, tasks, chunksize=chunksize):
            results.append(outcome)
            if progress:
                progress(len(results), total)
    return results


def evaluate_cluster(task: ClusterTask) -> list[ClusterScore]:
    """Summarize one cluster with each scorer and score each output."""
    settings, cluster = task.settings, task.cluster
    budget = summary_budget(cluster, settings)
    limits = rouge_limits(budget)
    scores = []
    for name in settings.scorers:
        started = time.perf_counter()
        failure = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # sumy's LSA warns about tiny inputs
                system = system_text(_summary(name, cluster, task.references, settings), settings)
        except SummarizeError as exc:
            system, failure = "", str(exc)
        seconds = time.perf_counter() - started
        result = score_all(
            system, task.references, stem=settings.stem, multi_ref=settings.multi_ref, **limits
        )
        values = tuple(getattr(result[m], p) for m in MEASURES for p in PARTS)
        scores.append(ClusterScore(cluster.id, name, values, seconds, failure))
    return scores


def summary_budget(cluster: Cluster, settings: EvalSettings) -> Budget:
    """The budget the output is measured by: the one given, else the cluster's own (for
    summaries) or 75 bytes (for headlines)."""
    if settings.budget is not None:
        return settings.budget
    if settings.target == "headlines":
        return Budget(bytes=HEADLINE_BYTES)
    return cluster.budget or DigestOptions().resolved_budget


def rouge_limits(budget: Budget) -> dict[str, int]:
    """ROUGE's cut for a budget: ``words`` (``-l``) or ``bytes_`` (``-b``); none for
    ``ratio`` and ``sentences``."""
    if budget.words is not None:
        return {"words": budget.words}
    if budget.bytes is not None:
        return {"bytes_": budget.bytes}
    if budget.chars is not None:
        raise SummarizeError("ROUGE cuts summaries in words or bytes, not characters")
    return {}


def system_text(summary: Summary, settings: EvalSettings) -> str:
    """What is scored: the digest's sentences one per line, or for headlines the headline
    (else the first sentence)."""
    if settings.target == "headlines":
        if summary.headline:
            return summary.headline
        return summary.sentences[0].text if summary.sentences else ""
    return "\n".join(s.text for s in summary.sentences)


def _summary(
    name: str, cluster: Cluster, references: tuple[str, ...], settings: EvalSettings
) -> Summary:
    budget = summary_budget(cluster, settings)
    headlines = settings.target == "headlines"
    options = replace(
        settings.options, scorer=name, budget=Budget(sentences=1) if headlines else budget
    )
    if name == ORACLE:
        # The ceiling: every sentence on its own, chosen greedily for the references.
        options = replace(
            options,
            duplicates=None,
            corroboration=0.0,
            redundancy=0.95,
            selector="greedy",
            headline=options.headline and not headlines,
        )
        oracle = _oracle(cluster, references, budget, settings)
        return digest(cluster.documents, options, scorer=oracle)
    if name == "random":
        # a floor: random sentences, not coverage weighted by random scores
        options = replace(options, scorer_params={"seed": settings.seed}, selector="greedy")
    return digest(cluster.documents, options)


def _oracle(
    cluster: Cluster, references: tuple[str, ...], budget: Budget, settings: EvalSettings
) -> Oracle:
    """The oracle for one cluster: its references cut as ROUGE cuts them, the budget the
    pipeline selects under."""
    limits = rouge_limits(budget)
    cut = tuple("\n".join(cut_lines(r, **limits)) for r in references)
    cut_words, cut_bytes = limits.get("words"), limits.get("bytes_")
    if settings.target == "headlines":
        return Oracle(cut, words=cut_words, bytes=cut_bytes, sentences=1, stem=settings.stem)
    pool = [s for d in cluster.documents for s in d.sentences]
    selected = resolve(budget, pool)
    if selected.sentences is not None:
        return Oracle(
            cut, words=cut_words, bytes=cut_bytes, sentences=selected.sentences, stem=settings.stem
        )
    return Oracle(cut, words=selected.words, bytes=selected.bytes, stem=settings.stem)


def _set_result(
    path: Path,
    clusters: list[Cluster],
    skipped: int,
    scored: list[list[ClusterScore]],
    settings: EvalSettings,
    rng: np.random.Generator,
) -> SetResult:
    names = settings.scorers
    # values[c, s, m]: cluster c, scorer s, metric m
    values = np.array([[cs.values for cs in per_cluster] for per_cluster in scored])
    resampled = bootstrap_means(values, rng, settings.resamples)
    results = []
    for s, name in enumerate(names):
        metrics = {}
        for m, metric in enumerate(METRICS):
            low, high = interval(resampled[:, s, m], settings.confidence)
            metrics[metric] = Interval(float(values[:, s, m].mean()), low, high)
        own = [per_cluster[s] for per_cluster in scored]
        results.append(
            ScorerResult(
                scorer=name,
                metrics=metrics,
                failures=sum(cs.failure is not None for cs in own),
                seconds=sum(cs.seconds for cs in own),
            )
        )
    wins = {}
    for m, metric in enumerate(METRICS):
        rates = win_rates(resampled[:, :, m])
        wins[metric] = {
            a: {b: float(rates[i, j]) for j, b in enumerate(names)} for i, a in enumerate(names)
        }
    return SetResult(
        name=path.stem,
        path=str(path),
        target=settings.target,
        budget=_describe_budgets(clusters, settings),
        clusters=len(clusters),
        skipped=skipped,
        results=tuple(results),
        wins=wins,
        per_cluster=tuple(cs for per_cluster in scored for cs in per_cluster),
        notes=_notes(skipped, scored, settings),
        confidence=settings.confidence,
        resamples=settings.resamples,
    )


def _notes(
    skipped: int, scored: list[list[ClusterScore]], settings: EvalSettings
) -> tuple[str, ...]:
    notes = []
    if skipped:
        notes.append(f"{skipped} cluster(s) without reference {settings.target} were left out")
    for s, name in enumerate(settings.scorers):
        failed = [per_cluster[s] for per_cluster in scored if per_cluster[s].failure]
        if failed:
            notes.append(
                f"{name} failed on {len(failed)} cluster(s), scored 0 there "
                f"(first, {failed[0].cluster}: {failed[0].failure})"
            )
    return tuple(notes)


def _describe_budgets(clusters: list[Cluster], settings: EvalSettings) -> str:
    kinds = sorted({describe_budget(summary_budget(c, settings)) for c in clusters})
    cut = ", ".join(kinds)
    if settings.target == "headlines":
        return f"one headline or sentence, cut to {cut}"
    return cut
