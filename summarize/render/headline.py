"""Headlines (:class:`~summarize.headline.api.Headline` values) in every output format.

The headline on its own line and, with ``explain``, every candidate considered with its
score, weight, compression steps, whether it fits, and why it was passed over.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from summarize.headline.api import Headline, HeadlineCandidate
from summarize.model import SentenceRef
from summarize.render.common import one_line, tab_cell, table_cell
from summarize.render.formats import Views, show

TitledHeadline = tuple[str, Headline]
"""A headline with the id of the set it was made for, for :func:`render_headlines`."""


def render_headline(result: Headline, fmt: str, console: Console, *, explain: bool = False) -> None:
    """Write one headline to ``console`` in format ``fmt`` (one of
    :data:`~summarize.render.formats.OUTPUT_FORMATS`)."""
    show(HEADLINE_VIEWS, [(None, result)], fmt, console, explain=explain)


def render_headlines(
    items: Sequence[TitledHeadline], fmt: str, console: Console, *, explain: bool = False
) -> None:
    """Write several headlines, each under its id (a JSON array of objects with ``"id"``)."""
    show(HEADLINE_VIEWS, list(items), fmt, console, explain=explain)


def headline_data(
    result: Headline, *, explain: bool = False, id: str | None = None
) -> dict[str, object]:
    """The JSON shape of a headline: ``id`` (when given), then :meth:`Headline.as_dict`."""
    data: dict[str, object] = {} if id is None else {"id": id}
    data.update(result.as_dict(explain=explain))
    return data


def describe_headline_source(document: str, source: SentenceRef | None) -> str:
    """``"a.txt#3"`` for a sentence, ``"a.txt (title)"`` for a document's title."""
    return f"{document} (title)" if source is None else f"{document}#{source.index}"


def headline_text(result: Headline, *, explain: bool = False, id: str | None = None) -> str:
    """The headline on one line (after ``== id ==`` when given). With ``explain``, a blank
    line and a tab-separated table of the candidates: rank, score, weight, fits, source,
    compression steps, reason, headline and original wording."""
    lines = [] if id is None else [f"== {one_line(id)} =="]
    lines.append(one_line(result.text))
    if explain:
        lines += ["", "rank\tscore\tweight\tfits\tsource\tsteps\treason\theadline\toriginal"]
        for rank, c in enumerate(result.candidates, start=1):
            lines.append(
                f"{rank}\t{c.score:.2f}\t{c.weight:.2f}\t{'yes' if c.fits else 'no'}\t"
                f"{tab_cell(describe_headline_source(c.document, c.source))}\t"
                f"{', '.join(c.steps)}\t{tab_cell(c.reason)}\t{tab_cell(c.text)}\t"
                f"{tab_cell(c.original)}"
            )
        lines.append("")
    return "\n".join(lines) + "\n"


def headline_markdown(result: Headline, *, explain: bool = False, id: str | None = None) -> str:
    """``# headline`` (``# id`` then ``## headline`` with an id) and, with ``explain``, a
    table of the candidates."""
    blocks = [f"# {one_line(result.text)}"]
    if id is not None:
        blocks = [f"# {one_line(id)}", f"## {one_line(result.text)}"]
    if explain:
        table = [
            "| rank | score | weight | fits | source | steps | reason | headline | original |",
            "| ---: | ---: | ---: | --- | --- | --- | --- | --- | --- |",
        ]
        for rank, c in enumerate(result.candidates, start=1):
            table.append(
                f"| {rank} | {c.score:.2f} | {c.weight:.2f} | {'yes' if c.fits else 'no'} | "
                f"{table_cell(describe_headline_source(c.document, c.source))} | "
                f"{table_cell(', '.join(c.steps))} | {table_cell(c.reason)} | "
                f"{table_cell(c.text)} | {table_cell(c.original)} |"
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
        line.append(one_line(self.result.text), style="bold")
        yield line
        origin = describe_headline_source(self.result.document, self.result.source)
        size = len(self.result.text.encode("utf-8"))
        yield Text(f"from {origin} \u00b7 {size} of {self.result.bytes} bytes", style="dim")
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
            cell = Text(one_line(c.text), style="bold green" if chosen else "")
            if c.compressed:
                cell.append("\n\u2190 ", style="dim")
                cell.append(one_line(c.original), style="dim")
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


HEADLINE_VIEWS: Views[Headline] = Views(
    rich=lambda result, id, explain: HeadlineView(result, id, explain=explain),
    text=lambda result, id, explain: headline_text(result, explain=explain, id=id),
    data=lambda result, id, explain: headline_data(result, explain=explain, id=id),
    markdown=lambda result, id, explain: headline_markdown(result, explain=explain, id=id),
    text_separator="",
)
"""A headline in each output format."""
