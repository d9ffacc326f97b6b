"""Showing digests (:class:`~summarize.model.Summary` values): the only module that writes output.

Four formats (:data:`FORMATS`): ``rich`` (panels and tables for a terminal), ``text`` (plain
lines), ``json`` (:meth:`Summary.as_dict`) and ``markdown``. Every format shows which
sources carry each digest sentence as badges, ``[1][2]``: the numbers are the 1-based
positions of the documents in ``summary.documents``, listed under the digest. With
``explain``, every input sentence is listed with what became of it (chosen, kept, merged as
a duplicate, dropped as boilerplate) and why.

:func:`render` shows one digest; :func:`render_digests` shows several, each under its id.
The rich views are thin renderables over the summary; sentence text always goes through
:class:`rich.text.Text`, never markup, so brackets in the news are printed as they are.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarize.errors import SummarizeError
from summarize.evaluation.run import CEILINGS, MEASURES, METRICS, Evaluation, SetResult
from summarize.model import CHOSEN, DROPPED, KEPT, MERGED, Candidate, SentenceRef, Summary
from summarize.options import describe_budget

FORMATS = ("rich", "text", "json", "markdown")

# One colour per source badge, reused in turn when there are more sources.
BADGE_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "bright_red")
STATUS_STYLES = {CHOSEN: "bold green", KEPT: "", MERGED: "blue", DROPPED: "dim"}

Digest = tuple[str, Summary]
"""A digest with its id (a cluster's id or folder name), for :func:`render_digests`."""


def render(summary: Summary, fmt: str, console: Console, *, explain: bool = False) -> None:
    """Write one digest to ``console`` in format ``fmt`` (one of :data:`FORMATS`).

    ``explain`` adds every candidate sentence with its score, status and reason. The plain
    formats are written to ``console.file`` as they are: no markup, highlighting or wrapping.
    """
    _render([(None, summary)], fmt, console, explain=explain)


def render_digests(
    digests: Sequence[Digest], fmt: str, console: Console, *, explain: bool = False
) -> None:
    """Write several digests, each under its id: a panel per digest (rich), ``== id ==``
    sections (text), ``# id`` sections (markdown) or a JSON array of objects with ``"id"``."""
    _render(list(digests), fmt, console, explain=explain)


def _render(
    digests: list[tuple[str | None, Summary]], fmt: str, console: Console, *, explain: bool
) -> None:
    if fmt == "rich":
        for number, (digest_id, summary) in enumerate(digests):
            if number:
                console.print()
            console.print(DigestView(summary, digest_id, explain=explain))
    elif fmt == "text":
        _write(console, "\n".join(to_text(s, explain=explain, id=i) for i, s in digests))
    elif fmt == "json":
        if len(digests) == 1 and digests[0][0] is None:
            _write(console, to_json(digests[0][1], explain=explain))
        else:
            data = [_json_data(s, explain=explain, id=i) for i, s in digests]
            _write(console, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "markdown":
        _write(console, "\n".join(to_markdown(s, explain=explain, id=i) for i, s in digests))
    else:
        raise SummarizeError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


# -- descriptions shared by the formats ----------------------------------------------------


def describe_refs(refs: Iterable[SentenceRef]) -> str:
    """Source references as ``doc#index``, comma-separated."""
    return ", ".join(f"{ref.document}#{ref.index}" for ref in refs)


def source_numbers(summary: Summary) -> dict[str, int]:
    """The badge number of every document id: its 1-based position in ``summary.documents``
    (ids that only the sentences or candidates name are numbered after those)."""
    numbers: dict[str, int] = {}
    ids = [d.id for d in summary.documents]
    ids += [ref.document for s in summary.sentences for ref in s.sources]
    ids += [c.sentence.doc for c in summary.candidates]
    for doc_id in ids:
        numbers.setdefault(doc_id, len(numbers) + 1)
    return numbers


def badge_numbers(refs: Iterable[SentenceRef], numbers: dict[str, int]) -> list[int]:
    """The distinct source numbers of ``refs``, smallest first."""
    return sorted({numbers[ref.document] for ref in refs})


def describe_badges(refs: Iterable[SentenceRef], numbers: dict[str, int]) -> str:
    """``"[1][2]"``: one badge per source document of ``refs``."""
    return "".join(f"[{n}]" for n in badge_numbers(refs, numbers))


@dataclass(frozen=True)
class SourceRow:
    """One line of the sources table. ``kept`` counts the chosen sentences too; the counts
    are None when the summary does not account for the document's sentences."""

    number: int
    id: str
    title: str | None = None
    path: str | None = None
    kept: int | None = None
    dropped: int | None = None
    merged: int | None = None


def source_rows(summary: Summary) -> list[SourceRow]:
    """Every source of the digest, numbered as its badges are, with what became of its
    sentences (from :meth:`Summary.source_counts`)."""
    documents = {d.id: d for d in summary.documents}
    counts: dict[str, dict[str, int]] = {}
    if {c.sentence.doc for c in summary.candidates} <= documents.keys():
        counts = summary.source_counts()
    rows = []
    for doc_id, number in source_numbers(summary).items():
        document = documents.get(doc_id)
        tally = counts.get(doc_id)
        rows.append(
            SourceRow(
                number=number,
                id=doc_id,
                title=document.title if document else None,
                path=document.path if document else None,
                kept=tally[CHOSEN] + tally[KEPT] if tally else None,
                dropped=tally[DROPPED] if tally else None,
                merged=tally[MERGED] if tally else None,
            )
        )
    return rows


def candidates_in_source_order(summary: Summary) -> list[Candidate]:
    """The summary's candidates by document (in badge order), then by sentence index."""
    numbers = source_numbers(summary)
    return sorted(summary.candidates, key=lambda c: (numbers[c.sentence.doc], c.sentence.index))


# -- rich ------------------------------------------------------------------------------------


def badge_style(number: int) -> str:
    """The style of source ``number``'s badge."""
    return f"bold {BADGE_COLOURS[(number - 1) % len(BADGE_COLOURS)]}"


def _badges(numbers: Iterable[int]) -> Text:
    return Text.assemble(*((f"[{n}]", badge_style(n)) for n in numbers))


class DigestView:
    """A digest for the terminal: its panel, notes, the sources table and, with ``explain``,
    the candidates table."""

    def __init__(self, summary: Summary, id: str | None = None, *, explain: bool = False) -> None:
        self.summary = summary
        self.id = id
        self.explain = explain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield SummaryPanel(self.summary, self.id)
        for note in self.summary.notes:
            yield Text(note, style="yellow")
        yield SourcesTable(self.summary)
        if self.explain:
            yield Text()
            yield CandidateTable(self.summary)


class SummaryPanel:
    """The digest in a panel: the headline (and the digest's id, if any) as title, each
    sentence a bullet ending with its source badges, scorer and budget as subtitle."""

    def __init__(self, summary: Summary, id: str | None = None) -> None:
        self.summary = summary
        self.id = id

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        summary = self.summary
        label = Text(f" {self.id} ", style="bold reverse") if self.id is not None else None
        title = label.copy() if label else Text("Summary")
        body: list[RenderableType] = []
        if summary.headline:
            headline = Text(_one_line(summary.headline), style="bold")
            in_title = Text.assemble(label, " ", headline) if label else headline
            if in_title.cell_len <= options.max_width - 6:  # fits in the border
                title = in_title
            else:  # a long headline would be cut short in the border: show it inside
                body += [headline, Text()]
        numbers = source_numbers(summary)
        digest = Table.grid(padding=(0, 1))
        digest.add_column(no_wrap=True)
        digest.add_column(ratio=1)
        for number, sentence in enumerate(summary.sentences):
            if number:
                digest.add_row()
            line = Text(_one_line(sentence.text))
            line.append(" ")
            line.append_text(_badges(badge_numbers(sentence.sources, numbers)))
            digest.add_row(Text("\u2022", style="dim"), line)
        if summary.sentences:
            body.append(digest)
        else:
            body.append(Text("(no sentence was chosen)", style="dim italic"))
        sources = len(summary.documents)
        about = f"{summary.scorer} \u00b7 {describe_budget(summary.budget)}"
        if sources > 1:
            about += f" \u00b7 {sources} sources"
        yield Panel(
            Group(*body),
            title=title,
            subtitle=Text(about, style="dim"),
            title_align="left",
            subtitle_align="right",
            padding=(1, 2),
        )


class SourcesTable:
    """The digest's sources: badge; id, title and path; and how many of the source's
    sentences were kept (chosen or not), dropped as boilerplate and merged as duplicates."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = source_rows(self.summary)
        if not rows:
            return
        table = Table(
            box=None,
            show_edge=False,
            pad_edge=False,
            expand=False,
            header_style="bold dim",
            padding=(0, 1),
        )
        table.add_column("", no_wrap=True)
        table.add_column("source", ratio=1, overflow="fold")
        table.add_column("kept", justify="right", no_wrap=True)
        table.add_column("dropped", justify="right", no_wrap=True)
        table.add_column("merged", justify="right", no_wrap=True)
        for row in rows:
            source = Text()
            source.append(row.id, style="bold")
            if row.title:
                source.append(f"\n{_one_line(row.title)}")
            if row.path:
                source.append(f"\n{row.path}", style="dim")
            table.add_row(
                Text(f"[{row.number}]", style=badge_style(row.number)),
                source,
                *(_count(n) for n in (row.kept, row.dropped, row.merged)),
            )
        yield table


def _count(value: int | None) -> Text:
    if value is None:
        return Text("\u2013", style="dim")
    return Text(str(value), style="" if value else "dim")


class CandidateTable:
    """Every input sentence in source order: source badge, index, score, status and text,
    with the reason under the text of a merged or dropped sentence."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        numbers = source_numbers(self.summary)
        table = Table(
            title="What became of each sentence",
            title_justify="left",
            title_style="bold",
            expand=True,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("src", no_wrap=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("status", no_wrap=True)
        table.add_column("text", no_wrap=True, overflow="ellipsis", ratio=1)
        rows = candidates_in_source_order(self.summary)
        for position, candidate in enumerate(rows):
            sentence = candidate.sentence
            number = numbers[sentence.doc]
            first_of_doc = position == 0 or rows[position - 1].sentence.doc != sentence.doc
            last_of_doc = position + 1 == len(rows) or rows[position + 1].sentence.doc != (
                sentence.doc
            )
            chosen = candidate.status == CHOSEN
            text = Text(_one_line(sentence.text), style="bold" if chosen else "")
            if candidate.reason:
                text.append("\n\u21b3 ")
                text.append_text(_reason(candidate, numbers))
            scored = candidate.status != DROPPED
            table.add_row(
                Text(f"[{number}]", style=badge_style(number)) if first_of_doc else Text(),
                str(sentence.index),
                f"{candidate.score:.2f}" if scored else Text("\u2013", style="dim"),
                Text(candidate.status, style=STATUS_STYLES.get(candidate.status, "")),
                text,
                end_section=last_of_doc,
            )
        yield table


def _reason(candidate: Candidate, numbers: dict[str, int]) -> Text:
    """The reason in dim italics; for a merged sentence, the sentence it is the same as,
    its document shown as a badge."""
    ref = candidate.same_as
    if ref is not None and ref.document in numbers:
        return Text.assemble(
            ("same as ", "dim italic"),
            (f"[{numbers[ref.document]}]", badge_style(numbers[ref.document])),
            (f" #{ref.index}", "dim italic"),
        )
    return Text(_one_line(candidate.reason), style="dim italic")


# -- plain formats ----------------------------------------------------------------------------


def to_text(summary: Summary, *, explain: bool = False, id: str | None = None) -> str:
    """The headline and a blank line (if there is a headline), then one sentence per line
    ending with its source badges, a blank line and the ``Sources:`` list.

    With ``id``, a line ``== id ==`` comes first. With ``explain``, a blank line and a
    tab-separated table of every candidate (doc, index, score, status, reason, text) follow.
    """
    numbers = source_numbers(summary)
    lines = [] if id is None else [f"== {_one_line(id)} =="]
    if summary.headline:
        lines += [_one_line(summary.headline), ""]
    lines += [
        f"{_one_line(s.text)} {describe_badges(s.sources, numbers)}" for s in summary.sentences
    ]
    rows = source_rows(summary)
    if rows:
        lines += ["", "Sources:"]
        lines += [f"[{row.number}] {_describe_source(row)}" for row in rows]
    if explain:
        lines += ["", "doc\tindex\tscore\tstatus\treason\ttext"]
        for c in candidates_in_source_order(summary):
            lines.append(
                f"{_cell(c.sentence.doc)}\t{c.sentence.index}\t{c.score:.2f}\t{c.status}\t"
                f"{_cell(c.reason)}\t{_cell(c.sentence.text)}"
            )
    return "\n".join(lines) + "\n"


def to_json(summary: Summary, *, explain: bool = False) -> str:
    """:meth:`Summary.as_dict` as indented JSON (plus ``candidates`` with ``explain``)."""
    return json.dumps(_json_data(summary, explain=explain), ensure_ascii=False, indent=2) + "\n"


def _json_data(summary: Summary, *, explain: bool, id: str | None = None) -> dict[str, object]:
    data: dict[str, object] = {} if id is None else {"id": id}
    data.update(summary.as_dict())
    if explain:
        data["candidates"] = [
            {
                "document": c.sentence.doc,
                "index": c.sentence.index,
                "score": round(float(c.score), 6),
                "status": c.status,
                "reason": c.reason,
                "text": c.sentence.text,
            }
            for c in candidates_in_source_order(summary)
        ]
    return data


def to_markdown(summary: Summary, *, explain: bool = False, id: str | None = None) -> str:
    """``# headline``, one bullet per sentence ending with its source badges, a ``## Sources``
    list, notes quoted and, with ``explain``, a table of every candidate.

    With ``id``, the digest is a section ``# id`` and every heading below is one level down.
    """
    level = 1 if id is None else 2
    numbers = source_numbers(summary)
    blocks = [] if id is None else [f"# {_one_line(id)}"]
    if summary.headline:
        blocks.append(f"{'#' * level} {_one_line(summary.headline)}")
    if summary.sentences:
        blocks.append(
            "\n".join(
                f"- {_one_line(s.text)} {describe_badges(s.sources, numbers)}"
                for s in summary.sentences
            )
        )
    if summary.notes:
        blocks.append("\n>\n".join(f"> {_one_line(note)}" for note in summary.notes))
    rows = source_rows(summary)
    if rows:
        blocks.append(f"{'#' * (level + 1)} Sources")
        blocks.append("\n".join(f"- [{row.number}] {_describe_source(row)}" for row in rows))
    if explain:
        table = [
            "| doc | index | score | status | reason | text |",
            "| --- | ---: | ---: | --- | --- | --- |",
        ]
        for c in candidates_in_source_order(summary):
            table.append(
                f"| {_table_cell(c.sentence.doc)} | {c.sentence.index} | {c.score:.2f} | "
                f"{c.status} | {_table_cell(c.reason)} | {_table_cell(c.sentence.text)} |"
            )
        blocks.append("\n".join(table))
    return "\n\n".join(blocks) + "\n"


def _describe_source(row: SourceRow) -> str:
    """``id — title``, or just the id for a source without a title."""
    if row.title:
        return f"{_one_line(row.id)} \u2014 {_one_line(row.title)}"
    return _one_line(row.id)


def _write(console: Console, text: str) -> None:
    console.file.write(text)
    console.file.flush()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe for one tab-separated cell: whitespace runs (tabs, newlines) become spaces."""
    return _one_line(text)


def _table_cell(text: str) -> str:
    return _one_line(text).replace("\\", "\\\\").replace("|", "\\|")


# -- evaluation -------------------------------------------------------------------------------
#
# Results of `summarize eval` (summarize.evaluation.run.Evaluation): a table per set (scorers x
# metrics, the best per column in bold, each mean's confidence interval under it in dim
# text, significance marks explained in the caption), per-cluster tables, the files written
# by --output (.json, .csv, .md), the --plot bar chart and the progress bar.

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
EVAL_OUTPUTS = (".json", ".csv", ".md")


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
                cell.append(_percent(figure.mean), style="bold green" if best else "")
                marks = evaluation_marks(result, row.scorer, metric, self.baseline)
                if marks:
                    cell.append(marks, style="bold")
                cell.append(f"\n{_percent(figure.low, 1)}\u2013{_percent(figure.high, 1)}", "dim")
                cells.append(cell)
            if failures:
                cells.append(_count(row.failures))
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
                    Text("fail", style="red") if score.failure else _percent(score.value(metric))
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
        blocks.append(f"### {_table_cell(evaluation_title(result))}")
        lines = [
            "| scorer | " + " | ".join(label for label, _ in EVAL_COLUMNS) + " | failures |",
            "|---|" + "---:|" * (len(EVAL_COLUMNS) + 1),
        ]
        for row in result.results:
            cells = []
            for _, metric in EVAL_COLUMNS:
                figure = row.metrics[metric]
                mean = _percent(figure.mean)
                if result.is_best(row.scorer, metric):
                    mean = f"**{mean}**"
                marks = evaluation_marks(result, row.scorer, metric, baseline)
                cells.append(
                    f"{mean}{marks} ({_percent(figure.low, 1)}\u2013{_percent(figure.high, 1)})"
                )
            name = f"*{row.scorer}*" if row.scorer in CEILINGS else row.scorer
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {row.failures} |")
        blocks.append("\n".join(lines))
        blocks.append(evaluation_caption(result, baseline))
        if result.notes:
            blocks.append("\n".join(f"- {_one_line(note)}" for note in result.notes))
        if per_cluster:
            rows = [
                "| cluster | scorer | " + " | ".join(label for label, _ in EVAL_COLUMNS) + " |",
                "|---|---|" + "---:|" * len(EVAL_COLUMNS),
            ]
            for score in result.per_cluster:
                figures = " | ".join(
                    "fail" if score.failure else _percent(score.value(metric))
                    for _, metric in EVAL_COLUMNS
                )
                rows.append(f"| {_table_cell(score.cluster)} | {score.scorer} | {figures} |")
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
    import csv
    import io

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


def check_evaluation_output(path: str) -> None:
    """Raise :class:`SummarizeError` unless ``path`` ends with a known output suffix."""
    if not path.lower().endswith(EVAL_OUTPUTS):
        raise SummarizeError(
            f"cannot tell the format of {path!r}: name a file ending in " + ", ".join(EVAL_OUTPUTS)
        )


def write_evaluation(
    evaluation: Evaluation, path: str, *, baseline: str | None = None, per_cluster: bool = False
) -> None:
    """Write the results to ``path`` as JSON, CSV or Markdown, by its suffix."""
    check_evaluation_output(path)
    suffix = path.lower().rsplit(".", 1)[-1]
    if suffix == "json":
        data = evaluation_data(evaluation, per_cluster=per_cluster)
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif suffix == "csv":
        text = evaluation_csv(evaluation, per_cluster=per_cluster)
    else:
        text = evaluation_markdown(evaluation, baseline=baseline, per_cluster=per_cluster)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def check_plotting() -> None:
    """Raise :class:`SummarizeError` when matplotlib (the ``plot`` extra) is missing."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise SummarizeError("--plot needs matplotlib: pip install 'summarize[plot]'") from None


def plot_evaluation(evaluation: Evaluation, path: str) -> None:
    """A bar chart per set: the F1 of each measure (recall for headlines, as they are
    scored), a bar per scorer with its confidence interval as an error bar."""
    check_plotting()
    from matplotlib.figure import Figure

    sets = evaluation.sets
    figure = Figure(figsize=(8, 3.2 * len(sets)), layout="constrained")
    axes = figure.subplots(len(sets), 1, squeeze=False)[:, 0]
    for ax, result in zip(axes, sets, strict=True):
        part = "recall" if result.target == "headlines" else "fmeasure"
        metrics = [(f"ROUGE-{m[5:]} {part[0].upper()}", f"{m}.{part}") for m in MEASURES]
        names = result.scorers
        width = 0.8 / max(len(names), 1)
        for k, name in enumerate(names):
            row = result.result(name)
            means = [100 * row.metrics[m].mean for _, m in metrics]
            below = [100 * (row.metrics[m].mean - row.metrics[m].low) for _, m in metrics]
            above = [100 * (row.metrics[m].high - row.metrics[m].mean) for _, m in metrics]
            positions = [i - 0.4 + width * (k + 0.5) for i in range(len(metrics))]
            ax.bar(
                positions,
                means,
                width,
                yerr=[below, above],
                capsize=2,
                label=name,
                hatch="//" if name in CEILINGS else None,
            )
        ax.set_xticks(range(len(metrics)), [label for label, _ in metrics])
        ax.set_ylabel("ROUGE (%)")
        ax.set_title(evaluation_title(result), loc="left", fontsize="medium")
        ax.grid(axis="y", alpha=0.3)
        ax.set_axisbelow(True)
        ax.legend(fontsize="small", ncols=min(len(names), 4), loc="upper right")
        ax.margins(y=0.25)
    figure.savefig(path, dpi=150)


def evaluation_progress(console: Console) -> _EvaluationProgress:
    """A context manager giving a progress callback for
    :func:`summarize.evaluation.run.evaluate`: a bar on a terminal, None otherwise."""
    return _EvaluationProgress(console)


class _EvaluationProgress:
    def __init__(self, console: Console) -> None:
        self.console = console
        self._progress = None

    def __enter__(self) -> Callable[[int, int], None] | None:
        if not self.console.is_terminal:
            return None
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        progress = Progress(
            TextColumn("evaluating"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        progress.start()
        self._progress = progress
        task = progress.add_task("evaluating", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _nested(flat: dict[str, object]) -> dict[str, dict[str, object]]:
    """``{"rouge1.recall": x}`` -> ``{"rouge1": {"recall": x}}``."""
    nested: dict[str, dict[str, object]] = {}
    for key, value in flat.items():
        measure, part = key.split(".")
        nested.setdefault(measure, {})[part] = value
    return nested


def _has_ceiling(result: SetResult) -> bool:
    return any(s in CEILINGS for s in result.scorers) and len(result.scorers) > 1


def _percent(value: float, digits: int = 2) -> str:
    return f"{100 * value:.{digits}f}"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


# -- headlines --------------------------------------------------------------------------------
# Showing :class:`~summarize.headline.api.Headline` values in the four formats: the headline on
# its own line and, with ``explain``, every candidate considered with its score, weight,
# compression steps, whether it fits, and why it was passed over.

from summarize.headline.api import Headline, HeadlineCandidate  # noqa: E402  (kept with its section)

TitledHeadline = tuple[str, Headline]
"""A headline with the id of the set it was made for, for :func:`render_headlines`."""


def render_headline(result: Headline, fmt: str, console: Console, *, explain: bool = False) -> None:
    """Write one headline to ``console`` in format ``fmt`` (one of :data:`FORMATS`)."""
    _render_headlines([(None, result)], fmt, console, explain=explain)


def render_headlines(
    items: Sequence[TitledHeadline], fmt: str, console: Console, *, explain: bool = False
) -> None:
    """Write several headlines, each under its id (a JSON array of objects with ``"id"``)."""
    _render_headlines(list(items), fmt, console, explain=explain)


def _render_headlines(
    items: list[tuple[str | None, Headline]], fmt: str, console: Console, *, explain: bool
) -> None:
    if fmt == "rich":
        for number, (item_id, result) in enumerate(items):
            if number:
                console.print()
            console.print(HeadlineView(result, item_id, explain=explain))
    elif fmt == "text":
        _write(console, "".join(headline_text(r, explain=explain, id=i) for i, r in items))
    elif fmt == "json":
        if len(items) == 1 and items[0][0] is None:
            data: object = items[0][1].as_dict(explain=explain)
        else:
            data = [{"id": i, **r.as_dict(explain=explain)} for i, r in items]
        _write(console, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "markdown":
        _write(console, "\n".join(headline_markdown(r, explain=explain, id=i) for i, r in items))
    else:
        raise SummarizeError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


def describe_headline_source(document: str, source: SentenceRef | None) -> str:
    """``"a.txt#3"`` for a sentence, ``"a.txt (title)"`` for a document's title."""
    return f"{document} (title)" if source is None else f"{document}#{source.index}"


def headline_text(result: Headline, *, explain: bool = False, id: str | None = None) -> str:
    """The headline on one line (after ``== id ==`` when given). With ``explain``, a blank
    line and a tab-separated table of the candidates: rank, score, weight, fits, source,
    compression steps, reason, headline and original wording."""
    lines = [] if id is None else [f"== {_one_line(id)} =="]
    lines.append(_one_line(result.text))
    if explain:
        lines += ["", "rank\tscore\tweight\tfits\tsource\tsteps\treason\theadline\toriginal"]
        for rank, c in enumerate(result.candidates, start=1):
            lines.append(
                f"{rank}\t{c.score:.2f}\t{c.weight:.2f}\t{'yes' if c.fits else 'no'}\t"
                f"{_cell(describe_headline_source(c.document, c.source))}\t"
                f"{', '.join(c.steps)}\t{_cell(c.reason)}\t{_cell(c.text)}\t{_cell(c.original)}"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def headline_markdown(result: Headline, *, explain: bool = False, id: str | None = None) -> str:
    """``# headline`` (``# id`` then ``## headline`` with an id) and, with ``explain``, a
    table of the candidates."""
    blocks = [f"# {_one_line(result.text)}"]
    if id is not None:
        blocks = [f"# {_one_line(id)}", f"## {_one_line(result.text)}"]
    if explain:
        table = [
            "| rank | score | weight | fits | source | steps | reason | headline | original |",
            "| ---: | ---: | ---: | --- | --- | --- | --- | --- | --- |",
        ]
        for rank, c in enumerate(result.candidates, start=1):
            table.append(
                f"| {rank} | {c.score:.2f} | {c.weight:.2f} | {'yes' if c.fits else 'no'} | "
                f"{_table_cell(describe_headline_source(c.document, c.source))} | "
                f"{_table_cell(', '.join(c.steps))} | {_table_cell(c.reason)} | "
                f"{_table_cell(c.text)} | {_table_cell(c.original)} |"
            )
        blocks.append("\n".join(table))
    return "\n\n".join(blocks) + "\n"


class HeadlineView:
    """A headline for the terminal: the headline in bold (after the set's id, if any), where
    it came from, and with ``explain`` the candidates table."""

    def __init__(self, result: Headline, id: str | None = None, *, explain: bool = False) -> None:
        self.result = result
        self.id = id
        self.explain = explain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        line = Text()
        if self.id is not None:
            line.append(f" {self.id} ", style="bold reverse")
            line.append(" ")
        line.append(_one_line(self.result.text), style="bold")
        yield line
        origin = describe_headline_source(self.result.document, self.result.source)
        size = len(self.result.text.encode("utf-8"))
        yield Text(f"from {origin} \u00b7 {size} of {self.result.chars} bytes", style="dim")
        if self.explain:
            yield Text()
            yield HeadlineCandidateTable(self.result.candidates)


class HeadlineCandidateTable:
    """The candidates in the order they were considered: rank, score, weight, whether the
    compression fits, the source, and the compression (the original and the steps below
    it, then the reason it was passed over)."""

    def __init__(self, candidates: Sequence[HeadlineCandidate]) -> None:
        self.candidates = candidates

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(
            title="Headline candidates",
            title_justify="left",
            title_style="bold",
            expand=True,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("weight", justify="right", no_wrap=True)
        table.add_column("fits", no_wrap=True)
        table.add_column("source", overflow="fold", max_width=24)
        table.add_column("candidate", ratio=3, overflow="fold")
        for rank, c in enumerate(self.candidates, start=1):
            chosen = c.fits and not c.reason
            cell = Text(_one_line(c.text), style="bold green" if chosen else "")
            if c.compressed:
                cell.append("\n\u2190 ", style="dim")
                cell.append(_one_line(c.original), style="dim")
                cell.append(f"\n{', '.join(c.steps)}", style="dim italic")
            if c.reason:
                cell.append(f"\n\u21b3 {c.reason}", style="dim italic")
            table.add_row(
                str(rank),
                f"{c.score:.2f}",
                f"{c.weight:.2f}" if c.text else Text("\u2013", style="dim"),
                Text("yes", style="green") if c.fits else Text("no", style="dim"),
                describe_headline_source(c.document, c.source),
                cell,
            )
        yield table
