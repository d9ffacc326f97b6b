"""Digests (:class:`~summarize.model.Summary` values) in every output format.

``rich`` (panels and tables for a terminal), ``text`` (plain lines), ``json``
(:func:`digest_data`) and ``markdown``. Every format shows which sources carry each digest
sentence as badges, ``[1][2]``: the numbers are the 1-based positions of the documents in
``summary.documents``, listed under the digest. With ``explain``, every input sentence is
listed with what became of it (chosen, kept, merged as a duplicate, dropped as boilerplate)
and why, and what trimming cut from it. Under a multi-source digest, a fact that only one
source reports (``summary.exclusives``) is a line of its own, ``Only in [2] (title): ...``;
in JSON, the list ``only_in``.

:func:`render` shows one digest; :func:`render_digests` shows several, each under its id.
:data:`DIGEST_FILE_FORMATS` are the files ``summarize batch`` writes, one per digest. The
rich views are thin renderables over the summary; sentence text always goes through
:class:`rich.text.Text`, never markup, so brackets in the news are printed as they are.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from summarize.model import (
    CHOSEN,
    DROPPED,
    KEPT,
    MERGED,
    Candidate,
    SentenceRef,
    Summary,
    SummarySentence,
)
from summarize.options import describe_budget
from summarize.render.common import count_cell, one_line, tab_cell, table_cell
from summarize.render.formats import FileFormat, Views, show

# One colour per source badge, reused in turn when there are more sources.
BADGE_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "bright_red")
STATUS_STYLES: Mapping[str, str] = MappingProxyType(
    {CHOSEN: "bold green", KEPT: "", MERGED: "blue", DROPPED: "dim"}
)

Digest = tuple[str, Summary]
"""A digest with its id (a cluster's id or folder name), for :func:`render_digests`."""


def render(summary: Summary, fmt: str, console: Console, *, explain: bool = False) -> None:
    """Write one digest to ``console`` in format ``fmt`` (one of
    :data:`~summarize.render.formats.OUTPUT_FORMATS`).

    ``explain`` adds every candidate sentence with its score, status and reason. The plain
    formats are written to ``console.file`` as they are: no markup, highlighting or wrapping.
    """
    show(DIGEST_VIEWS, [(None, summary)], fmt, console, explain=explain)


def render_digests(
    digests: Sequence[Digest], fmt: str, console: Console, *, explain: bool = False
) -> None:
    """Write several digests, each under its id: a panel per digest (rich), ``== id ==``
    sections (text), ``# id`` sections (markdown) or a JSON array of objects with ``"id"``."""
    show(DIGEST_VIEWS, list(digests), fmt, console, explain=explain)


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


def only_in_label(fact: SummarySentence, summary: Summary, numbers: dict[str, int]) -> str:
    """``"Only in [2] (title)"``: the one source of an exclusive fact, by its badge and its
    title (its id when it has none)."""
    badges = describe_badges(fact.sources, numbers)
    return f"Only in {badges} ({_source_names(fact, summary, numbers)})"


def _source_names(fact: SummarySentence, summary: Summary, numbers: dict[str, int]) -> str:
    titles = {d.id: d.title for d in summary.documents}
    doc_ids = sorted({ref.document for ref in fact.sources}, key=numbers.__getitem__)
    return ", ".join(one_line(titles.get(d) or d) for d in doc_ids)


def describe_cuts(candidate: Candidate) -> str:
    """What trimming cut from a candidate: ``'cut "on Monday", "officials said"'``; empty
    when nothing was cut."""
    if not candidate.cuts:
        return ""
    return "cut " + ", ".join(f'"{one_line(cut)}"' for cut in candidate.cuts)


def explain_reason(candidate: Candidate) -> str:
    """The reason column of ``--explain``: why a sentence was merged or dropped, or what
    trimming cut from it."""
    return "; ".join(part for part in (candidate.reason, describe_cuts(candidate)) if part)


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
            headline = Text(one_line(summary.headline), style="bold")
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
            line = Text(one_line(sentence.text))
            line.append(" ")
            line.append_text(_badges(badge_numbers(sentence.sources, numbers)))
            digest.add_row(Text("\u2022", style="dim"), line)
        if summary.sentences:
            body.append(digest)
        else:
            body.append(Text("(no sentence was chosen)", style="dim italic"))
        for fact in summary.exclusives:
            line = Text.assemble(
                ("Only in ", "italic"),
                _badges(badge_numbers(fact.sources, numbers)),
                (f" ({_source_names(fact, summary, numbers)}): ", "italic"),
                one_line(fact.text),
            )
            body += [Text(), line]
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
                source.append(f"\n{one_line(row.title)}")
            if row.path:
                source.append(f"\n{row.path}", style="dim")
            table.add_row(
                Text(f"[{row.number}]", style=badge_style(row.number)),
                source,
                *(count_cell(n) for n in (row.kept, row.dropped, row.merged)),
            )
        yield table


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
            text = Text(one_line(sentence.text), style="bold" if chosen else "")
            if candidate.reason:
                text.append("\n\u21b3 ")
                text.append_text(_reason(candidate, numbers))
            if candidate.cuts:
                text.append("\n\u2702 ")
                text.append(describe_cuts(candidate), style="dim italic")
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
    return Text(one_line(candidate.reason), style="dim italic")


# -- plain formats ----------------------------------------------------------------------------


def to_text(summary: Summary, *, explain: bool = False, id: str | None = None) -> str:
    """The headline and a blank line (if there is a headline), then one sentence per line
    ending with its source badges, a blank line and the ``Sources:`` list.

    With ``id``, a line ``== id ==`` comes first. With ``explain``, a blank line and a
    tab-separated table of every candidate (doc, index, score, status, reason, text) follow.
    """
    numbers = source_numbers(summary)
    lines = [] if id is None else [f"== {one_line(id)} =="]
    if summary.headline:
        lines += [one_line(summary.headline), ""]
    lines += [
        f"{one_line(s.text)} {describe_badges(s.sources, numbers)}" for s in summary.sentences
    ]
    if summary.exclusives:
        lines.append("")
        lines += [
            f"{only_in_label(fact, summary, numbers)}: {one_line(fact.text)}"
            for fact in summary.exclusives
        ]
    rows = source_rows(summary)
    if rows:
        lines += ["", "Sources:"]
        lines += [f"[{row.number}] {_describe_source(row)}" for row in rows]
    if explain:
        lines += ["", "doc\tindex\tscore\tstatus\treason\ttext"]
        for c in candidates_in_source_order(summary):
            lines.append(
                f"{tab_cell(c.sentence.doc)}\t{c.sentence.index}\t{c.score:.2f}\t{c.status}\t"
                f"{tab_cell(explain_reason(c))}\t{tab_cell(c.sentence.text)}"
            )
    return "\n".join(lines) + "\n"


def digest_data(
    summary: Summary, *, explain: bool = False, id: str | None = None
) -> dict[str, object]:
    """The JSON shape of a digest, the same everywhere (``--format json``, ``summarize
    batch``'s files and lines): ``id`` (when given), ``headline``, ``summary`` (the digest's
    text, one sentence per line), then the rest of :meth:`Summary.as_dict` (sentences with
    their sources, ``only_in`` for several documents, scorer, selector, budget, source
    documents, notes) and, with ``explain``, ``candidates`` (with ``cuts`` when trimming
    cut something)."""
    data = summary.as_dict()
    shaped: dict[str, object] = {} if id is None else {"id": id}
    shaped["headline"] = data.pop("headline")
    shaped["summary"] = summary.text
    shaped.update(data)
    if explain:
        shaped["candidates"] = [
            {
                "document": c.sentence.doc,
                "index": c.sentence.index,
                "score": round(float(c.score), 6),
                "status": c.status,
                "reason": c.reason,
                "text": c.sentence.text,
            }
            | ({"cuts": list(c.cuts)} if c.cuts else {})
            for c in candidates_in_source_order(summary)
        ]
    return shaped


def to_json(summary: Summary, *, explain: bool = False, id: str | None = None) -> str:
    """:func:`digest_data` as indented JSON, ending with a newline."""
    data = digest_data(summary, explain=explain, id=id)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_json_line(summary: Summary, id: str) -> str:
    """:func:`digest_data` with ``id`` as one line of JSON (a JSONL record)."""
    return json.dumps(digest_data(summary, id=id), ensure_ascii=False) + "\n"


def to_markdown(summary: Summary, *, explain: bool = False, id: str | None = None) -> str:
    """``# headline``, one bullet per sentence ending with its source badges, a ``## Sources``
    list, notes quoted and, with ``explain``, a table of every candidate.

    With ``id``, the digest is a section ``# id`` and every heading below is one level down.
    """
    level = 1 if id is None else 2
    numbers = source_numbers(summary)
    blocks = [] if id is None else [f"# {one_line(id)}"]
    if summary.headline:
        blocks.append(f"{'#' * level} {one_line(summary.headline)}")
    if summary.sentences:
        blocks.append(
            "\n".join(
                f"- {one_line(s.text)} {describe_badges(s.sources, numbers)}"
                for s in summary.sentences
            )
        )
    if summary.exclusives:
        blocks.append(
            "\n".join(
                f"*{only_in_label(fact, summary, numbers)}:* {one_line(fact.text)}"
                for fact in summary.exclusives
            )
        )
    if summary.notes:
        blocks.append("\n>\n".join(f"> {one_line(note)}" for note in summary.notes))
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
                f"| {table_cell(c.sentence.doc)} | {c.sentence.index} | {c.score:.2f} | "
                f"{c.status} | {table_cell(explain_reason(c))} | {table_cell(c.sentence.text)} |"
            )
        blocks.append("\n".join(table))
    return "\n\n".join(blocks) + "\n"


def _describe_source(row: SourceRow) -> str:
    """``id — title``, or just the id for a source without a title."""
    if row.title:
        return f"{one_line(row.id)} \u2014 {one_line(row.title)}"
    return one_line(row.id)


DIGEST_VIEWS: Views[Summary] = Views(
    rich=lambda summary, id, explain: DigestView(summary, id, explain=explain),
    text=lambda summary, id, explain: to_text(summary, explain=explain, id=id),
    data=lambda summary, id, explain: digest_data(summary, explain=explain, id=id),
    markdown=lambda summary, id, explain: to_markdown(summary, explain=explain, id=id),
)
"""A digest in each output format."""

DIGEST_FILE_FORMATS: Mapping[str, FileFormat[Summary]] = MappingProxyType(
    {
        "text": FileFormat(".txt", lambda summary, id: to_text(summary)),
        "json": FileFormat(".json", lambda summary, id: to_json(summary, id=id)),
        "jsonl": FileFormat(".jsonl", to_json_line),
    }
)
"""A digest as a file of its own (``text``, ``json``) or as a line of a ``.jsonl`` file
(``jsonl``), by name."""
