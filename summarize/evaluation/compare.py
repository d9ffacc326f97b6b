"""Scoring any systems' outputs against references with ROUGE, with paired bootstrap
intervals and significance between systems: the engine of ``summarize rouge``.

**Systems.** A system is a JSONL file with one ``{"id": ..., "summary": ...}`` object per
line (``summary`` a string, lines separated by ``"\\n"``, or a list of lines), or a folder
with one file per id (the id is the file name up to its first dot: ``d061.txt`` is
``d061``). Its name is the file's or folder's stem.

**References.** An evaluation set (the JSONL cluster format of
:mod:`summarize.inputs.clusters`: ``id`` and ``summaries``, or ``headlines`` with
``target="headlines"``; the documents are not read), or a folder of reference files named
``id.*`` (``d061.A``, ``d061.B.txt``, ``D30001.M.100.T.A``: everything up to the first dot
is the id), the references of an id in file-name order.

**What is scored.** The ids that have references and an output from every system. An id
that a system lacks is reported and left out for all systems (so the comparison stays
paired); an empty output is reported and scored as it is (0). Outputs for ids without
references are reported and ignored.

**Statistics.** Each system's mean per figure over the ids, with a percentile interval from
``resamples`` paired bootstrap resamples of the ids (the same draw for every system), and
for every pair of systems the share of resamples in which one mean is higher: ``a`` beats
``b`` when that share reaches ``confidence`` (one-sided). Randomness comes only from a
``numpy.random.Generator`` seeded with ``seed``.

Ids are shared out in batches over ``jobs`` processes; each batch builds its own scorer.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from summarize.errors import SummarizeError
from summarize.evaluation.rouge import RougeOptions, RougeScorer
from summarize.evaluation.statistics import Interval, bootstrap_means, interval, win_rates

PARTS = ("R", "P", "F")
TARGETS = ("summaries", "headlines")

Progress = Callable[[int, int], None]
"""Called with (ids done, ids in all) as scoring proceeds."""


@dataclass(frozen=True)
class SystemOutputs:
    """One system's outputs by id."""

    name: str
    path: str
    outputs: Mapping[str, str]


@dataclass(frozen=True)
class IdScores:
    """Every system's figures on one id (``values[system][figure]``, figures in
    :attr:`Comparison.figures` order)."""

    id: str
    values: tuple[tuple[float, ...], ...]


@dataclass(frozen=True)
class SystemResult:
    """One system: each figure's mean and interval; ``empty``: ids with an empty output."""

    name: str
    path: str
    figures: Mapping[str, Interval]
    empty: tuple[str, ...] = ()


@dataclass(frozen=True)
class Comparison:
    """Several systems scored on the same ids.

    ``wins[figure][a][b]``: the share of resamples in which system ``a``'s mean is higher
    than ``b``'s; ``a`` beats ``b`` when it reaches ``confidence``.
    """

    options: RougeOptions
    ids: tuple[str, ...]
    results: tuple[SystemResult, ...]
    wins: Mapping[str, Mapping[str, Mapping[str, float]]]
    per_id: tuple[IdScores, ...] = ()
    notes: tuple[str, ...] = ()
    confidence: float = 0.95
    resamples: int = 1000
    seed: int = 0
    seconds: float = 0.0
    references: str = ""
    reference_count: Mapping[int, int] = field(default_factory=dict)

    @property
    def figures(self) -> tuple[str, ...]:
        return figure_names(self.options)

    @property
    def systems(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.results)

    def result(self, name: str) -> SystemResult:
        return next(r for r in self.results if r.name == name)

    def beats(self, a: str, b: str, figure: str) -> bool:
        """Whether system ``a`` beats ``b`` on ``figure`` (paired bootstrap, one-sided)."""
        return a != b and self.wins[figure][a][b] >= self.confidence


def figure_names(options: RougeOptions) -> tuple[str, ...]:
    """``"ROUGE-1 R"``, ``"ROUGE-1 P"``, ``"ROUGE-1 F"``, ... for the measures computed."""
    return tuple(f"{metric} {part}" for metric in options.metrics for part in PARTS)


# -- reading -----------------------------------------------------------------------------------


def _id_of(path: Path) -> str:
    return path.name.split(".", 1)[0]


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def read_system(path: str | Path) -> SystemOutputs:
    """A system's outputs from a JSONL file or a folder of one file per id."""
    path = Path(path)
    if path.is_dir():
        outputs: dict[str, str] = {}
        for file in _files(path):
            key = _id_of(file)
            if key in outputs:
                raise SummarizeError(f"{path}: two files for id {key!r}")
            outputs[key] = file.read_text(encoding="utf-8", errors="replace")
        if not outputs:
            raise SummarizeError(f"{path}: no output files")
        return SystemOutputs(path.name, str(path), outputs)
    if not path.is_file():
        raise SummarizeError(f"{path}: no such file or folder")
    outputs = {}
    for number, record in _json_lines(path):
        where = f"{path}:{number}"
        given = record.get("id")
        if not isinstance(given, (str, int)) or isinstance(given, bool):
            raise SummarizeError(f'{where}: "id" must be a string')
        key = str(given)
        if "summary" not in record:
            raise SummarizeError(f'{where}: missing "summary"')
        outputs_key = _summary_text(record["summary"], where)
        if key in outputs:
            raise SummarizeError(f"{where}: id {key!r} given twice")
        outputs[key] = outputs_key
    if not outputs:
        raise SummarizeError(f"{path}: no outputs")
    return SystemOutputs(path.stem, str(path), outputs)


def _summary_text(value: object, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(line, str) for line in value):
        return "\n".join(value)
    raise SummarizeError(f'{where}: "summary" must be a string or a list of lines')


def _json_lines(path: Path) -> list[tuple[int, dict]]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SummarizeError(f"{path}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise SummarizeError(f"{path}:{number}: expected a JSON object")
            records.append((number, record))
    return records


def read_references(path: str | Path, target: str = "summaries") -> dict[str, tuple[str, ...]]:
    """The references by id: from an evaluation set (JSONL) or a folder of ``id.*`` files.
    Ids of a set without references for ``target`` are left out."""
    if target not in TARGETS:
        raise SummarizeError(f"unknown target {target!r}; available: {', '.join(TARGETS)}")
    path = Path(path)
    if path.is_dir():
        grouped: dict[str, list[str]] = {}
        for file in _files(path):
            text = file.read_text(encoding="utf-8", errors="replace")
            grouped.setdefault(_id_of(file), []).append(text)
        if not grouped:
            raise SummarizeError(f"{path}: no reference files")
        return {key: tuple(texts) for key, texts in grouped.items()}
    if not path.is_file():
        raise SummarizeError(f"{path}: no such file or folder")
    references: dict[str, tuple[str, ...]] = {}
    for number, record in _json_lines(path):
        where = f"{path}:{number}"
        key = record.get("id")
        if not isinstance(key, str):
            raise SummarizeError(f'{where}: "id" must be a string')
        value = record.get(target)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SummarizeError(f'{where}: "{target}" must be a list of strings')
        if key in references:
            raise SummarizeError(f"{where}: id {key!r} given twice")
        texts = tuple(v for v in value if v.strip())
        if texts:
            references[key] = texts
    if not references:
        raise SummarizeError(f"{path}: no reference {target}")
    return references


# -- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Batch:
    """Ids to score in one process: each id's references and every system's output."""

    options: RougeOptions
    items: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]


def _score_batch(batch: _Batch) -> list[IdScores]:
    scorer = RougeScorer(batch.options)
    metrics = batch.options.metrics
    scored = []
    for key, references, outputs in batch.items:
        prepared = [scorer.prepare(r) for r in references]
        rows = []
        for output in outputs:
            result = scorer.score_stats(scorer.prepare(output), prepared)
            rows.append(
                tuple(
                    value
                    for metric in metrics
                    for value in (
                        result[metric].recall,
                        result[metric].precision,
                        result[metric].fmeasure,
                    )
                )
            )
        scored.append(IdScores(key, tuple(rows)))
    return scored


def score_ids(
    items: Sequence[tuple[str, tuple[str, ...], tuple[str, ...]]],
    options: RougeOptions,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[IdScores]:
    """Score ``(id, references, outputs)`` items in order on ``jobs`` processes (0: one per
    CPU)."""
    if jobs < 0:
        raise SummarizeError(f"jobs must be at least 0, got {jobs}")
    total = len(items)
    workers = min(jobs or os.cpu_count() or 1, max(total, 1))
    # few large batches: each builds one scorer, whose stems are then reused
    size = max(1, min(500, -(-total // (workers * 4))))
    batches = [_Batch(options, tuple(items[i : i + size])) for i in range(0, total, size)]
    if progress:
        progress(0, total)
    scored: list[IdScores] = []
    if workers <= 1:
        for batch in batches:
            scored.extend(_score_batch(batch))
            if progress:
                progress(len(scored), total)
        return scored
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for part in pool.map(_score_batch, batches):
            scored.extend(part)
            if progress:
                progress(len(scored), total)
    return scored


def compare(
    systems: Sequence[SystemOutputs],
    references: Mapping[str, tuple[str, ...]],
    options: RougeOptions | None = None,
    *,
    resamples: int = 1000,
    confidence: float = 0.95,
    seed: int = 0,
    jobs: int = 1,
    progress: Progress | None = None,
    references_name: str = "",
) -> Comparison:
    """Score every system on the ids they all have references and outputs for, and compare
    them (see the module's description)."""
    started = time.perf_counter()
    options = options or RougeOptions()
    if not systems:
        raise SummarizeError("no system to score")
    names = [s.name for s in systems]
    if len(set(names)) != len(names):
        raise SummarizeError(f"two systems share a name: {', '.join(names)}")
    if resamples < 1:
        raise SummarizeError(f"resamples must be at least 1, got {resamples}")
    if not 0 < confidence < 1:
        raise SummarizeError(f"confidence must be between 0 and 1, got {confidence}")
    notes = []
    ids = [key for key in references if all(key in s.outputs for s in systems)]
    for system in systems:
        missing = [key for key in references if key not in system.outputs]
        if missing:
            notes.append(
                f"{system.name}: no output for {len(missing)} id(s) with references "
                f"({_first(missing)}); left out for every system"
            )
        extra = [key for key in system.outputs if key not in references]
        if extra:
            notes.append(
                f"{system.name}: {len(extra)} id(s) without references ignored ({_first(extra)})"
            )
    if not ids:
        raise SummarizeError("no id has references and an output from every system")
    empty = {s.name: tuple(key for key in ids if not s.outputs[key].strip()) for s in systems}
    for name, keys in empty.items():
        if keys:
            notes.append(f"{name}: empty output for {len(keys)} id(s), scored 0 ({_first(keys)})")
    items = [(key, references[key], tuple(s.outputs[key] for s in systems)) for key in ids]
    scored = score_ids(items, options, jobs=jobs, progress=progress)
    figures = figure_names(options)
    values = np.array([id_scores.values for id_scores in scored], dtype=np.float64)
    rng = np.random.default_rng(seed)
    resampled = bootstrap_means(values, rng, resamples)
    results = []
    for s, system in enumerate(systems):
        stats = {}
        for f, figure in enumerate(figures):
            low, high = interval(resampled[:, s, f], confidence)
            stats[figure] = Interval(float(values[:, s, f].mean()), low, high)
        results.append(SystemResult(system.name, system.path, stats, empty[system.name]))
    wins = {}
    for f, figure in enumerate(figures):
        rates = win_rates(resampled[:, :, f])
        wins[figure] = {
            a: {b: float(rates[i, j]) for j, b in enumerate(names)} for i, a in enumerate(names)
        }
    counts: dict[int, int] = {}
    for key in ids:
        counts[len(references[key])] = counts.get(len(references[key]), 0) + 1
    return Comparison(
        options=options,
        ids=tuple(ids),
        results=tuple(results),
        wins=wins,
        per_id=tuple(scored),
        notes=tuple(notes),
        confidence=confidence,
        resamples=resamples,
        seed=seed,
        seconds=time.perf_counter() - started,
        references=references_name,
        reference_count=dict(sorted(counts.items())),
    )


def _first(keys: Sequence[str], shown: int = 3) -> str:
    head = ", ".join(keys[:shown])
    return f"{head}, ..." if len(keys) > shown else head
