"""Evaluations (:class:`~summarize.evaluation.results.Evaluation`, the results of ``summarize
eval``) as rich tables, Markdown, CSV and JSON.

A table per set (scorers x metrics, the best per column in bold, each mean's confidence
interval under it in dim text, significance marks explained in the caption) and
per-cluster tables. The files ``--output`` writes are in :mod:`summarize.render.files`, the
``--plot`` bar chart in :mod:`summarize.render.plot`.
"""

from __future__ import annotations

import csv
import io

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from summarize.evaluation.results import CEILINGS, METRICS, Evaluation, SetResult
from summarize.render.common import count_cell, one_line, percent, table_cell

EVAL_COLUMNS = (
    ("R1 R", "rouge1.recall"),
    ("R1 F", "rouge1.fmeasure"),
    ("R2 R", "rouge2.recall"),
    ("R2 F", "rouge2.fmeasure"),
    ("RL R", "rougeL.recall"),
    ("RL F", "rougeL.fmeasure"),
)
"""The table's columns: recall and F1 of each measure (precision is in the files)."""
BETTER, WORSE, BEATS_ALL = "\u25b2", "\u25bc", "\u2020"


def render_evaluation(
    evaluation: Evaluation,
    console: Console,
    *,
    baseline: str | None = None,
    per_cluster: bool = False,
) -> None:
    """Write every set's table (and with ``per_cluster`` its per-cluster scores) to
    ``console``; marks compare each scorer with ``baseline``."""
    for number, result in enumerate(evaluation.sets):
        if number:
            console.print()
        console.print(EvaluationTable(result, baseline))
        if per_cluster:
            console.print(PerClusterTable(result))
    console.print(Text(f"{_duration(evaluation.seconds)} wall time", style="dim"))


def evaluation_caption(result: SetResult, baseline: str | None) -> str:
    """What the figures and marks of a set's table mean."""
    parts = [
        f"ROUGE in %, mean over {result.clusters:,} clusters; under it the "
        f"{result.confidence:.0%} confidence interval ({result.resamples:,} paired bootstrap "
        "resamples of the clusters). Bold: best in the column"
        + (" (oracle aside: it sees the references)" if _has_ceiling(result) else "")
        + f". {BEATS_ALL}: the best beats every other scorer"
    ]
    if baseline is not None and baseline in result.scorers:
        parts.append(f"{BETTER} / {WORSE}: better / worse than {baseline}")
    return (
        "; ".join(parts) + f" (higher mean in at least {result.confidence:.0%} of the resamples)."
    )


def evaluation_title(result: SetResult) -> str:
    return f"{result.name} \u00b7 {result.target} \u00b7 {result.budget}"


def evaluation_marks(result: SetResult, scorer: str, metric: str, baseline: str | None) -> str:
    """The significance marks of one cell: ``†`` when the column's best beats every other
    scorer, ``▲`` / ``▼`` when the scorer beats / loses to ``baseline``."""
    marks = ""
    if result.is_best(scorer, metric) and result.beats_all(scorer, metric):
        marks += BEATS_ALL
    if baseline is not None and baseline in result.scorers and scorer != baseline:
        if result.beats(scorer, baseline, metric):
            marks += BETTER
        elif result.beats(baseline, scorer, metric):
            marks += WORSE
    return marks


class EvaluationTable:
    """One set's results: a row per scorer, a column per metric of :data:`EVAL_COLUMNS`."""

    def __init__(self, result: SetResult, baseline: str | None = None) -> None:
        self.result = result
        self.baseline = baseline

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        result = self.result
        table = Table(
            title=Text(evaluation_title(result), style="bold"),
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=(0, 0, 0, 1),
            header_style="bold",
        )
        table.add_column("scorer", overflow="fold")
        for label, _ in EVAL_COLUMNS:
            table.add_column(label, justify="right", no_wrap=True)
        failures = any(row.failures for row in result.results)
        if failures:
            table.add_column("failed", justify="right", no_wrap=True)
        for row in result.results:
            cells: list[RenderableType] = [
                Text(row.scorer, style="italic" if row.scorer in CEILINGS else "")
            ]
            for _, metric in EVAL_COLUMNS:
                figure = row.metrics[metric]
                cell = Text()
                best = result.is_best(row.scorer, metric)
                cell.append(percent(figure.mean), style="bold green" if best else "")
                marks = evaluation_marks(result, row.scorer, metric, self.baseline)
                if marks:
                    cell.append(marks, style="bold")
                cell.append(f"\n{percent(figure.low, 1)}\u2013{percent(figure.high, 1)}", "dim")
                cells.append(cell)
            if failures:
                cells.append(count_cell(row.failures))
            table.add_row(*cells)
        yield table
        yield Text(evaluation_caption(result, self.baseline), style="dim")
        for note in result.notes:
            yield Text(note, style="yellow")


class PerClusterTable:
    """Every cluster's scores: a row per (cluster, scorer), recall and F1 of each measure."""

    def __init__(self, result: SetResult) -> None:
        self.result = result

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(
            title=f"{self.result.name}: per cluster",
            title_justify="left",
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("cluster", overflow="fold")
        table.add_column("scorer", no_wrap=True)
        for label, _ in EVAL_COLUMNS:
            table.add_column(label, justify="right", no_wrap=True)
        previous = None
        for score in self.result.per_cluster:
            first = score.cluster != previous
            previous = score.cluster
            table.add_row(
                score.cluster if first else "",
                score.scorer,
                *(
                    Text("fail", style="red") if score.failure else percent(score.value(metric))
                    for _, metric in EVAL_COLUMNS
                ),
            )
        yield table


def evaluation_markdown(
    evaluation: Evaluation, *, baseline: str | None = None, per_cluster: bool = False
) -> str:
    """Every set as a Markdown section: its table (mean, marks, interval per cell), the
    caption and notes, and with ``per_cluster`` a table of every cluster's scores."""
    blocks = []
    for result in evaluation.sets:
        blocks.append(f"### {table_cell(evaluation_title(result))}")
        lines = [
            "| scorer | " + " | ".join(label for label, _ in EVAL_COLUMNS) + " | failures |",
            "|---|" + "---:|" * (len(EVAL_COLUMNS) + 1),
        ]
        for row in result.results:
            cells = []
            for _, metric in EVAL_COLUMNS:
                figure = row.metrics[metric]
                mean = percent(figure.mean)
                if result.is_best(row.scorer, metric):
                    mean = f"**{mean}**"
                marks = evaluation_marks(result, row.scorer, metric, baseline)
                cells.append(
                    f"{mean}{marks} ({percent(figure.low, 1)}\u2013{percent(figure.high, 1)})"
                )
            name = f"*{row.scorer}*" if row.scorer in CEILINGS else row.scorer
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {row.failures} |")
        blocks.append("\n".join(lines))
        blocks.append(evaluation_caption(result, baseline))
        if result.notes:
            blocks.append("\n".join(f"- {one_line(note)}" for note in result.notes))
        if per_cluster:
            rows = [
                "| cluster | scorer | " + " | ".join(label for label, _ in EVAL_COLUMNS) + " |",
                "|---|---|" + "---:|" * len(EVAL_COLUMNS),
            ]
            for score in result.per_cluster:
                figures = " | ".join(
                    "fail" if score.failure else percent(score.value(metric))
                    for _, metric in EVAL_COLUMNS
                )
                rows.append(f"| {table_cell(score.cluster)} | {score.scorer} | {figures} |")
            blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def evaluation_data(evaluation: Evaluation, *, per_cluster: bool = False) -> dict[str, object]:
    """The JSON shape: settings, wall time, and per set every scorer's figures (fractions:
    mean, low, high), the bootstrap win rates and, with ``per_cluster``, every cluster's
    figures."""
    settings = evaluation.settings
    sets = []
    for result in evaluation.sets:
        data: dict[str, object] = {
            "name": result.name,
            "path": result.path,
            "target": result.target,
            "budget": result.budget,
            "clusters": result.clusters,
            "skipped": result.skipped,
            "notes": list(result.notes),
            "scorers": [
                {
                    "name": row.scorer,
                    "failures": row.failures,
                    "seconds": round(row.seconds, 3),
                    "scores": _nested(
                        {
                            metric: {
                                "mean": round(figure.mean, 6),
                                "low": round(figure.low, 6),
                                "high": round(figure.high, 6),
                            }
                            for metric, figure in row.metrics.items()
                        }
                    ),
                }
                for row in result.results
            ],
            "wins": {
                metric: {a: {b: round(v, 4) for b, v in row.items()} for a, row in rows.items()}
                for metric, rows in result.wins.items()
            },
        }
        if per_cluster:
            data["per_cluster"] = [
                {
                    "cluster": score.cluster,
                    "scorer": score.scorer,
                    "failure": score.failure,
                    "scores": _nested(
                        {m: round(v, 6) for m, v in zip(METRICS, score.values, strict=True)}
                    ),
                }
                for score in result.per_cluster
            ]
        sets.append(data)
    return {
        "settings": {
            "scorers": list(settings.scorers),
            "target": settings.target,
            "budget": settings.budget.as_dict() if settings.budget else None,
            "stem": settings.stem,
            "multi_ref": settings.multi_ref,
            "resamples": settings.resamples,
            "confidence": settings.confidence,
            "seed": settings.seed,
        },
        "seconds": round(evaluation.seconds, 3),
        "sets": sets,
    }


def evaluation_csv(evaluation: Evaluation, *, per_cluster: bool = False) -> str:
    """One row per figure (long form): ``set, scorer, cluster, metric, value, low, high``.
    Means have an empty ``cluster`` and their interval; with ``per_cluster`` every
    cluster's figures follow, without an interval."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["set", "scorer", "cluster", "metric", "value", "low", "high"])
    for result in evaluation.sets:
        for row in result.results:
            for metric, figure in row.metrics.items():
                writer.writerow(
                    [result.name, row.scorer, "", metric]
                    + [f"{x:.6f}" for x in (figure.mean, figure.low, figure.high)]
                )
        if per_cluster:
            for score in result.per_cluster:
                for metric, value in zip(METRICS, score.values, strict=True):
                    writer.writerow(
                        [result.name, score.scorer, score.cluster, metric, f"{value:.6f}", "", ""]
                    )
    return buffer.getvalue()


def _nested(flat: dict[str, object]) -> dict[str, dict[str, object]]:
    """``{"rouge1.recall": x}`` -> ``{"rouge1": {"recall": x}}``."""
    nested: dict[str, dict[str, object]] = {}
    for key, value in flat.items():
        measure, part = key.split(".")
        nested.setdefault(measure, {})[part] = value
    return nested


def _has_ceiling(result: SetResult) -> bool:
    return any(s in CEILINGS for s in result.scorers) and len(result.scorers) > 1


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"
