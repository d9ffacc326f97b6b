"""Showing a :class:`~summarize.model.Summary`: the only module that writes output.

Four formats (:data:`FORMATS`): ``rich`` (a panel for a terminal), ``text`` (plain lines),
``json`` (:meth:`Summary.as_dict`) and ``markdown``. The rich views are thin renderables over
the summary; sentence text always goes through :class:`rich.text.Text`, never markup, so
brackets in the news are printed as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .errors import SummarizeError
from .model import Budget, Sentence, SentenceRef, Summary, SummarySentence

FORMATS = ("rich", "text", "json", "markdown")
CHOSEN_MARK = "\u2713"


def render(summary: Summary, fmt: str, console: Console, *, explain: bool = False) -> None:
    """Write ``summary`` to ``console`` in format ``fmt`` (one of :data:`FORMATS`).

    ``explain`` adds every candidate sentence with its score and whether it was chosen.
    The plain formats are written to ``console.file`` as they are: no markup, highlighting
    or wrapping.
    """
    if fmt == "rich":
        console.print(SummaryPanel(summary))
        for note in summary.notes:
            console.print(Text(note, style="yellow"))
        if explain:
            console.print(CandidateTable(summary))
    elif fmt == "text":
        _write(console, to_text(summary, explain=explain))
    elif fmt == "json":
        _write(console, to_json(summary, explain=explain))
    elif fmt == "markdown":
        _write(console, to_markdown(summary, explain=explain))
    else:
        raise SummarizeError(f"unknown format {fmt!r}; available: {', '.join(FORMATS)}")


# -- descriptions shared by the formats ----------------------------------------------------


def describe_budget(budget: Budget) -> str:
    """``"100 words"``, ``"3 sentences"``, ``"500 bytes"`` or ``"20% of the words"``."""
    if budget.ratio is not None:
        return f"{budget.ratio:.0%} of the words"
    kind, value = next(iter(budget.as_dict().items()))
    unit = {"chars": "bytes"}.get(kind, kind)
    if value == 1:
        unit = unit.removesuffix("s")
    return f"{value} {unit}"


def describe_refs(refs: Iterable[SentenceRef]) -> str:
    """Source references as ``doc#index``, comma-separated."""
    return ", ".join(f"{ref.document}#{ref.index}" for ref in refs)


def chosen_refs(summary: Summary) -> frozenset[SentenceRef]:
    """Every source sentence that a summary sentence stands for."""
    return frozenset(ref for sentence in summary.sentences for ref in sentence.sources)


def candidates_in_source_order(summary: Summary) -> list[tuple[Sentence, float]]:
    """The summary's candidates by document (in input order), then by sentence index."""
    position: dict[str, int] = {}
    for document in summary.documents:
        position.setdefault(document.id, len(position))
    for sentence, _ in summary.candidates:
        position.setdefault(sentence.doc, len(position))
    return sorted(summary.candidates, key=lambda item: (position[item[0].doc], item[0].index))


# -- rich ------------------------------------------------------------------------------------


class SummaryPanel:
    """The summary in a panel: headline as title, scorer and budget as subtitle."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        summary = self.summary
        title = Text("Summary")
        subtitle = Text(f"{summary.scorer} \u00b7 {describe_budget(summary.budget)}", style="dim")
        body: list[RenderableType] = []
        if summary.headline:
            headline = Text(" ".join(summary.headline.split()), style="bold")
            if headline.cell_len <= options.max_width - 6:  # fits in the border
                title = headline
            else:  # a long headline would be cut short in the border: show it inside
                body += [headline, Text()]
        for number, sentence in enumerate(summary.sentences):
            if number:
                body.append(Text())
            body.append(Text(sentence.text))
            body.append(_source_line(sentence))
        if not summary.sentences:
            body.append(Text("(no sentence was chosen)", style="dim italic"))
        yield Panel(
            Group(*body),
            title=title,
            subtitle=subtitle,
            title_align="left",
            subtitle_align="right",
            padding=(1, 2),
        )


def _source_line(sentence: SummarySentence) -> Text:
    return Text(
        f"\u21b3 {describe_refs(sentence.sources)} \u00b7 score {sentence.score:.2f}",
        style="dim",
    )


class CandidateTable:
    """Every candidate sentence in source order: document, index, score, chosen, text."""

    def __init__(self, summary: Summary) -> None:
        self.summary = summary

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        chosen = chosen_refs(self.summary)
        table = Table(
            title="Candidate sentences",
            title_justify="left",
            expand=True,
            show_edge=False,
            pad_edge=False,
        )
        table.add_column("doc", no_wrap=True, overflow="ellipsis", max_width=options.max_width // 4)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column(CHOSEN_MARK, justify="center", no_wrap=True)
        table.add_column("text", no_wrap=True, overflow="ellipsis", ratio=1)
        rows = candidates_in_source_order(self.summary)
        for number, (sentence, score) in enumerate(rows):
            picked = sentence.ref in chosen
            first_of_doc = number == 0 or rows[number - 1][0].doc != sentence.doc
            last_of_doc = number + 1 == len(rows) or rows[number + 1][0].doc != sentence.doc
            table.add_row(
                Text(sentence.doc if first_of_doc else ""),
                str(sentence.index),
                f"{score:.2f}",
                CHOSEN_MARK if picked else "",
                Text(" ".join(sentence.text.split())),
                style="bold green" if picked else None,
                end_section=last_of_doc,
            )
        yield table


# -- plain formats ----------------------------------------------------------------------------


def to_text(summary: Summary, *, explain: bool = False) -> str:
    """Headline and a blank line (if there is a headline), then one sentence per line.

    With ``explain``, a blank line and a tab-separated table of every candidate follow.
    """
    lines = []
    if summary.headline:
        lines += [_one_line(summary.headline), ""]
    lines += [_one_line(sentence.text) for sentence in summary.sentences]
    if explain:
        chosen = chosen_refs(summary)
        lines += ["", "doc\tindex\tscore\tchosen\ttext"]
        for sentence, score in candidates_in_source_order(summary):
            picked = "yes" if sentence.ref in chosen else "no"
            lines.append(
                f"{_cell(sentence.doc)}\t{sentence.index}\t{score:.2f}\t{picked}\t"
                f"{_cell(sentence.text)}"
            )
    return "\n".join(lines) + "\n"


def to_json(summary: Summary, *, explain: bool = False) -> str:
    """:meth:`Summary.as_dict` as indented JSON (plus ``candidates`` with ``explain``)."""
    data = summary.as_dict()
    if explain:
        chosen = chosen_refs(summary)
        data["candidates"] = [
            {
                "document": sentence.doc,
                "index": sentence.index,
                "score": round(float(score), 6),
                "chosen": sentence.ref in chosen,
                "text": sentence.text,
            }
            for sentence, score in candidates_in_source_order(summary)
        ]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_markdown(summary: Summary, *, explain: bool = False) -> str:
    """``# headline``, one bullet per sentence with ``[doc#index]`` sources, notes quoted."""
    blocks = []
    if summary.headline:
        blocks.append(f"# {_one_line(summary.headline)}")
    if summary.sentences:
        blocks.append(
            "\n".join(
                f"- {_one_line(s.text)} [{describe_refs(s.sources)}]" for s in summary.sentences
            )
        )
    if summary.notes:
        blocks.append("\n>\n".join(f"> {_one_line(note)}" for note in summary.notes))
    if explain:
        chosen = chosen_refs(summary)
        rows = ["| doc | index | score | chosen | text |", "| --- | ---: | ---: | :---: | --- |"]
        for sentence, score in candidates_in_source_order(summary):
            picked = CHOSEN_MARK if sentence.ref in chosen else ""
            rows.append(
                f"| {_table_cell(sentence.doc)} | {sentence.index} | {score:.2f} | {picked} | "
                f"{_table_cell(sentence.text)} |"
            )
        blocks.append("\n".join(rows))
    return "\n\n".join(blocks) + "\n"


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
