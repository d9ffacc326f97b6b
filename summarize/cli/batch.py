"""``summarize batch INPUT -o OUTPUT``: a digest of every input of a folder or JSONL file.

Parses the options, runs :func:`summarize.batch.run.run_batch`, shows the progress bar of
:mod:`summarize.render.progress` on a terminal (nothing when standard error is not one) and
ends with a report: how many inputs were done, skipped and failed, and why each failure
failed. Exit status 0 when none failed,
1 when any did, 2 for bad options, an input that cannot be read at all or an output that
cannot be written at all (a full disk: one error line, what was written stays).
"""

from __future__ import annotations

import argparse

from rich.console import Console
from rich.text import Text

from summarize.batch.engines import DaskEngine, Engine, LocalEngine
from summarize.batch.plan import (
    BATCH_FILE_FORMATS,
    DONE,
    FAILED,
    SKIPPED,
    Batch,
    Outcome,
    count_inputs,
)
from summarize.batch.run import Report, run_batch
from summarize.cli import common as cli
from summarize.render.common import one_line
from summarize.render.progress import ProgressBar, progress_bar

HELP = "a digest of every input of a folder or a .jsonl file of clusters, in parallel"
ENGINES = ("local", "dask")
# Warnings listed in the report; the rest are counted.
SHOWN_WARNINGS = 20


def build_parser() -> argparse.ArgumentParser:
    """The batch command's options: its own and the shared summary options."""
    parser = cli.Parser(
        prog=f"{cli.PROG} batch",
        description=(
            "Summarize every input of a folder or a .jsonl file of clusters, each on its own,\n"
            "in parallel. Each file of a folder is one document (with --clusters, each\n"
            "sub-folder is one cluster); each line of a .jsonl file is one cluster. The\n"
            "output is a folder mirroring the input (one .txt or .json per input) or a\n"
            ".jsonl file (one line per input). A rerun skips inputs whose output is complete;\n"
            "a bad input is reported and skipped while the rest go on."
        ),
        epilog=(
            "examples:\n"
            "  summarize batch news/ -o digests/\n"
            "  summarize batch stories/ --clusters -o digests.jsonl --words 80\n"
            "  summarize batch clusters.jsonl -o digests/ --format json --jobs 4\n"
            "  summarize batch clusters.jsonl -o digests.jsonl --engine dask "
            "--scheduler tcp://10.0.0.5:8786\n"
            "\n"
            "exit status: 0 when every input was done or skipped, 1 when any failed,\n"
            "2 for bad options or an input or output that cannot be used at all."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "input", metavar="INPUT", help="a folder of text files, or a .jsonl file of clusters"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUTPUT",
        help="a folder (created if needed) or a .jsonl file to write the digests to",
    )
    parser.add_argument(
        "--clusters",
        action="store_true",
        help="each sub-folder of INPUT is one cluster (files directly in INPUT are ignored)",
    )
    parser.add_argument(
        "--format",
        choices=BATCH_FILE_FORMATS,
        help="the files of a folder OUTPUT: plain text (.txt, the default) or JSON (.json)",
    )
    parser.add_argument(
        "--force", action="store_true", help="redo inputs whose output is already complete"
    )
    parallel = parser.add_argument_group("where the work runs")
    parallel.add_argument(
        "--jobs",
        type=cli.jobs_count,
        metavar="N",
        help="worker processes of the local engine (default and 0: one per CPU; never more "
        "than the CPUs or the inputs)",
    )
    parallel.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local worker processes (default), or a Dask distributed cluster (needs the "
        "dask extra: pip install 'summarize[dask]')",
    )
    parallel.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler's address, e.g. tcp://10.0.0.5:8786 (with --engine dask)",
    )
    cli.add_summary_options(parser)
    cli.add_input_options(parser)
    return parser


def run(argv: list[str]) -> int:
    """Run ``summarize batch`` with the arguments ``argv``; return the exit status."""
    options = cli.parse(build_parser(), argv)
    if isinstance(options, int):
        return options
    batch = _batch(options)
    engine = _engine(options)
    if isinstance(engine, LocalEngine) and options.jobs:  # fewer workers than asked for?
        _, note = engine.workers(count_inputs(batch, options.jobs))
        if note is not None:
            cli.say("note", note)
    errors = cli.SafeConsole(stderr=True)
    total = count_inputs(batch) if errors.is_terminal else None
    with progress_bar(errors, "summarizing", total) as bar:
        report = _run(batch, engine, None if bar is None else BatchProgress(bar))
    show_report(report, batch, cli.SafeConsole())
    return 0 if report.ok else 1


def _batch(options: argparse.Namespace) -> Batch:
    if options.output.lower().endswith(".jsonl") and options.format == "text":
        raise cli.UsageError("a .jsonl OUTPUT holds JSON lines; --format is for a folder OUTPUT")
    return Batch(
        input=options.input,
        output=options.output,
        clusters=options.clusters,
        format=options.format or "text",
        force=options.force,
        summary=cli.summary_options(options),
        input_format=options.input_format,
        max_chars=options.max_chars,
        follow_links=options.follow_links,
    )


def _engine(options: argparse.Namespace) -> Engine:
    if options.engine == "dask":
        if not options.scheduler:
            raise cli.UsageError("--engine dask needs --scheduler ADDRESS")
        if options.jobs is not None:
            raise cli.UsageError("--jobs is for the local engine; Dask uses its workers")
        return DaskEngine(options.scheduler)
    if options.scheduler:
        raise cli.UsageError("--scheduler is for --engine dask")
    return LocalEngine(options.jobs)


class _Tally:
    """Counts of outcomes so far, for a message when the run is interrupted."""

    def __init__(self) -> None:
        self.counts = {DONE: 0, SKIPPED: 0, FAILED: 0}

    def __call__(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1


def _run(batch: Batch, engine: Engine, advance: BatchProgress | None) -> Report:
    tally = _Tally()

    def progress(outcome: Outcome) -> None:
        tally(outcome)
        if advance is not None:
            advance(outcome)

    try:
        return run_batch(batch, engine, progress)
    except KeyboardInterrupt:
        counts = tally.counts
        cli.say(
            "interrupted",
            f"{counts[DONE]} done, {counts[SKIPPED]} skipped, {counts[FAILED]} failed so far; "
            "run the same command again to go on where this one stopped",
        )
        raise


# -- progress ---------------------------------------------------------------------------------


class BatchProgress:
    """Moves the bar on by one input; skipped inputs shrink the total instead, so the rate
    and the time left are those of the inputs really worked on. Failures so far are noted
    beside the bar."""

    def __init__(self, bar: ProgressBar) -> None:
        self.bar = bar
        self.skipped = 0
        self.failed = 0

    def __call__(self, outcome: Outcome) -> None:
        if outcome.status == SKIPPED:
            self.skipped += 1
            self.bar.update(total=max(0.0, (self.bar.total or 0) - 1), note=self._note())
        else:
            self.failed += outcome.status == FAILED
            self.bar.update(advance=1, note=self._note())

    def _note(self) -> str:
        parts = []
        if self.skipped:
            parts.append(f"{self.skipped:,} skipped")
        if self.failed:
            parts.append(f"{self.failed:,} failed")
        return ", ".join(parts)


# -- the report ------------------------------------------------------------------------------


def show_report(report: Report, batch: Batch, console: Console) -> None:
    """The final report: counts, time and rate, then every failure with its reason and the
    first warnings. Plain lines when the console is not a terminal."""
    worked = report.done + report.failed
    line = Text(f"{report.done:,} done", style="bold green")
    line.append(f", {report.skipped:,} skipped, ")
    line.append(f"{report.failed:,} failed", style="bold red" if report.failed else "")
    line.append(f" in {report.seconds:,.1f} s")
    if worked and report.seconds > 0:
        line.append(f" ({worked / report.seconds:,.1f} inputs/s)")
    line.append(f"; output: {batch.output}")
    console.print(line, soft_wrap=True)
    if report.failures:
        console.print(Text("failed:", style="bold red"), soft_wrap=True)
        for failure in report.failures:
            console.print(Text(f"  {one_line(failure.reason)}"), soft_wrap=True)
    total_warnings = len(report.warnings) + report.more_warnings
    if total_warnings:
        console.print(Text(f"warnings ({total_warnings:,}):", style="yellow"), soft_wrap=True)
        for warning in report.warnings[:SHOWN_WARNINGS]:
            console.print(Text(f"  {one_line(warning)}"), soft_wrap=True)
        if total_warnings > SHOWN_WARNINGS:
            console.print(Text(f"  ... and {total_warnings - SHOWN_WARNINGS:,} more"))
