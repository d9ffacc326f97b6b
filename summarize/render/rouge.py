"""Showing the results of ``summarize rouge`` (:class:`summarize.evaluation.compare.Comparison`).

Formats (:data:`COMPARISON_FORMATS`): ``table`` (a rich table: a row per system, recall and
F of each measure with the interval under it, the best per column in bold, significance
marks), and ``json``, ``csv`` and ``md`` (every figure: R, P and F). ``--output FILE``
picks one of the file formats by the name's suffix. Marks: ``▲`` / ``▼`` better / worse
than the baseline, ``†`` the column's best beats every other system (paired bootstrap,
one-sided, at the comparison's confidence).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from summarize.errors import SummarizeError
from summarize.evaluation.compare import Comparison
from summarize.render.common import percent, table_cell

COMPARISON_FORMATS = ("table", "json", "csv", "md")
OUTPUTS = {".json": "json", ".csv": "csv", ".md": "md"}
BETTER, WORSE, BEATS_ALL = "\u25b2", "\u25bc", "\u2020"
TABLE_PARTS = ("R", "F")
"""The parts the terminal table shows (the files have R, P and F)."""


def output_format(path: str) -> str:
    """The format of an ``--output`` file, by its suffix."""
    for suffix, fmt in OUTPUTS.items():
        if path.lower().endswith(suffix):
            return fmt
    raise SummarizeError(
        f"cannot tell the format of {path!r}: name a file ending in " + ", ".join(OUTPUTS)
    )


def is_best(comparison: Comparison, system: str, figure: str) -> bool:
    """Whether ``system`` has the highest mean on ``figure`` (ties included)."""
    top = max(r.figures[figure].mean for r in comparison.results)
    return comparison.result(system).figures[figure].mean >= top - 1e-12


def marks(comparison: Comparison, system: str, figure: str, baseline: str | None) -> str:
    """``†`` when ``system`` is the column's best and beats every other system; ``▲`` /
    ``▼`` when it beats / loses to ``baseline``."""
    found = ""
    others = [s for s in comparison.systems if s != system]
    if (
        others
        and is_best(comparison, system, figure)
        and all(comparison.beats(system, other, figure) for other in others)
    ):
        found += BEATS_ALL
    if baseline is not None and system != baseline:
        if comparison.beats(system, baseline, figure):
            found += BETTER
        elif comparison.beats(baseline, system, figure):
            found += WORSE
    return found


def caption(comparison: Comparison, baseline: str | None) -> str:
    """What the figures and marks mean, and how they were made."""
    options = comparison.options
    refs = ", ".join(
        f"{n} reference(s): {count}" for n, count in comparison.reference_count.items()
    )
    mode = "perl-compatible" if options.perl_compatible else "corrected"
    text = (
        f"ROUGE in %, mean over {len(comparison.ids):,} ids ({refs}); under it the "
        f"{comparison.confidence:.0%} interval ({comparison.resamples:,} paired bootstrap "
        f"resamples, seed {comparison.seed}). Bold: best in the column. {BEATS_ALL}: the best "
        "beats every other system"
    )
    if baseline is not None:
        text += f"; {BETTER} / {WORSE}: better / worse than {baseline}"
    text += (
        f" (higher mean in at least {comparison.confidence:.0%} of the resamples). "
        f"ROUGE-1.5.5 flags: {options.flags()}"
        + (", jackknifed over references" if options.jackknife else "")
        + f"; {mode} mode."
    )
    return text


def _columns(comparison: Comparison, parts: Sequence[str]) -> list[str]:
    return [f for f in comparison.figures if f.rsplit(" ", 1)[1] in parts]


def _label(figure: str) -> str:
    metric, part = figure.rsplit(" ", 1)
    return f"{metric.replace('ROUGE-', 'R')} {part}"


def rich_table(comparison: Comparison, baseline: str | None = None) -> Table:
    """The terminal table: recall and F of each measure per system."""
    table = Table(
        title=Text(f"ROUGE against {comparison.references}".rstrip(), style="bold"),
        title_justify="left",
        caption=caption(comparison, baseline),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    names = max(len(name) for name in comparison.systems)
    table.add_column("system", no_wrap=True, min_width=min(names, 30))
    columns = _columns(comparison, TABLE_PARTS)
    for figure in columns:
        table.add_column(_label(figure), justify="right", no_wrap=True, min_width=9)
    for result in comparison.results:
        cells = [Text(result.name)]
        for figure in columns:
            stats = result.figures[figure]
            cell = Text()
            best = is_best(comparison, result.name, figure)
            cell.append(percent(stats.mean), style="bold green" if best else "")
            found = marks(comparison, result.name, figure, baseline)
            if found:
                cell.append(found, style="bold")
            cell.append(f"\n{percent(stats.low, 1)}\u2013{percent(stats.high, 1)}", "dim")
            cells.append(cell)
        table.add_row(*cells)
    return table


def per_id_table(comparison: Comparison) -> Table:
    """Every id's recall and F per system."""
    table = Table(title="per id", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("id", overflow="fold")
    table.add_column("system", no_wrap=True)
    columns = _columns(comparison, TABLE_PARTS)
    indexes = [comparison.figures.index(f) for f in columns]
    for figure in columns:
        table.add_column(_label(figure), justify="right", no_wrap=True)
    for scores in comparison.per_id:
        for s, name in enumerate(comparison.systems):
            table.add_row(
                scores.id if s == 0 else "",
                name,
                *(percent(scores.values[s][i]) for i in indexes),
            )
    return table


def to_data(comparison: Comparison, *, baseline: str | None = None, per_id: bool = False) -> dict:
    """The JSON shape: options, ids, every system's figures (fractions: mean, low, high and
    marks), the bootstrap win rates, notes and, with ``per_id``, every id's figures."""
    options = comparison.options
    data: dict[str, object] = {
        "references": comparison.references,
        "options": {
            "metrics": list(options.metrics),
            "flags": options.flags(),
            "stem": options.stem,
            "stopwords": options.stopwords,
            "words": options.words,
            "bytes": options.bytes_,
            "multi_ref": options.multi_ref,
            "alpha": options.alpha,
            "jackknife": options.jackknife,
            "perl_compatible": options.perl_compatible,
        },
        "ids": len(comparison.ids),
        "references_per_id": {str(k): v for k, v in comparison.reference_count.items()},
        "resamples": comparison.resamples,
        "confidence": comparison.confidence,
        "seed": comparison.seed,
        "baseline": baseline,
        "seconds": round(comparison.seconds, 3),
        "systems": [
            {
                "name": result.name,
                "path": result.path,
                "empty_outputs": list(result.empty),
                "figures": {
                    figure: {
                        "mean": round(stats.mean, 6),
                        "low": round(stats.low, 6),
                        "high": round(stats.high, 6),
                        "marks": marks(comparison, result.name, figure, baseline),
                    }
                    for figure, stats in result.figures.items()
                },
            }
            for result in comparison.results
        ],
        "wins": {
            figure: {a: {b: round(v, 4) for b, v in row.items()} for a, row in rows.items()}
            for figure, rows in comparison.wins.items()
        },
        "notes": list(comparison.notes),
    }
    if per_id:
        data["per_id"] = [
            {
                "id": scores.id,
                "systems": {
                    name: dict(
                        zip(
                            comparison.figures, (round(v, 6) for v in scores.values[s]), strict=True
                        )
                    )
                    for s, name in enumerate(comparison.systems)
                },
            }
            for scores in comparison.per_id
        ]
    return data


def to_csv(comparison: Comparison, *, per_id: bool = False) -> str:
    """Long form, one row per figure: ``system, id, metric, part, value, low, high``; means
    have an empty ``id`` and their interval, per-id rows (``per_id``) none."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["system", "id", "metric", "part", "value", "low", "high"])
    for result in comparison.results:
        for figure, stats in result.figures.items():
            metric, part = figure.rsplit(" ", 1)
            writer.writerow(
                [result.name, "", metric, part]
                + [f"{x:.6f}" for x in (stats.mean, stats.low, stats.high)]
            )
    if per_id:
        for scores in comparison.per_id:
            for s, name in enumerate(comparison.systems):
                for figure, value in zip(comparison.figures, scores.values[s], strict=True):
                    metric, part = figure.rsplit(" ", 1)
                    writer.writerow([name, scores.id, metric, part, f"{value:.6f}", "", ""])
    return buffer.getvalue()


def to_markdown(
    comparison: Comparison, *, baseline: str | None = None, per_id: bool = False
) -> str:
    """A Markdown table (every figure: mean, marks, interval), the caption, the notes and,
    with ``per_id``, a table of every id's figures."""
    figures = comparison.figures
    lines = [
        "| system | " + " | ".join(_label(f) for f in figures) + " |",
        "|---|" + "---:|" * len(figures),
    ]
    for result in comparison.results:
        cells = []
        for figure in figures:
            stats = result.figures[figure]
            mean = percent(stats.mean)
            if is_best(comparison, result.name, figure):
                mean = f"**{mean}**"
            found = marks(comparison, result.name, figure, baseline)
            cells.append(f"{mean}{found} ({percent(stats.low, 1)}\u2013{percent(stats.high, 1)})")
        lines.append(f"| {table_cell(result.name)} | " + " | ".join(cells) + " |")
    blocks = ["\n".join(lines), caption(comparison, baseline)]
    if comparison.notes:
        blocks.append("\n".join(f"- {table_cell(note)}" for note in comparison.notes))
    if per_id:
        rows = [
            "| id | system | " + " | ".join(_label(f) for f in figures) + " |",
            "|---|---|" + "---:|" * len(figures),
        ]
        for scores in comparison.per_id:
            for s, name in enumerate(comparison.systems):
                values = " | ".join(percent(v) for v in scores.values[s])
                rows.append(f"| {table_cell(scores.id)} | {table_cell(name)} | {values} |")
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


def render_text(
    comparison: Comparison, fmt: str, *, baseline: str | None = None, per_id: bool = False
) -> str:
    """The results as ``json``, ``csv`` or ``md`` text."""
    if fmt == "json":
        data = to_data(comparison, baseline=baseline, per_id=per_id)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return to_csv(comparison, per_id=per_id)
    if fmt == "md":
        return to_markdown(comparison, baseline=baseline, per_id=per_id)
    raise SummarizeError(f"unknown format {fmt!r}; available: {', '.join(COMPARISON_FORMATS)}")


def render_comparison(
    comparison: Comparison,
    console: Console,
    fmt: str = "table",
    *,
    baseline: str | None = None,
    per_id: bool = False,
) -> None:
    """Write the results to ``console`` in ``fmt`` (one of :data:`COMPARISON_FORMATS`)."""
    if fmt == "table":
        # off a terminal, wide enough for every column: names and intervals are never cut
        names = max(len(name) for name in comparison.systems)
        width = names + 4 + 13 * len(_columns(comparison, TABLE_PARTS))
        if not console.is_terminal and console.width < width:
            console = Console(file=console.file, width=width, color_system=None)
        console.print(rich_table(comparison, baseline))
        if per_id:
            console.print(per_id_table(comparison))
        return
    console.file.write(render_text(comparison, fmt, baseline=baseline, per_id=per_id))


def write_comparison(
    comparison: Comparison, path: str, *, baseline: str | None = None, per_id: bool = False
) -> None:
    """Write the results to ``path`` as JSON, CSV or Markdown, by its suffix."""
    text = render_text(comparison, output_format(path), baseline=baseline, per_id=per_id)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
