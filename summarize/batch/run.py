"""Batch summarization: one digest for each of many inputs, in parallel and resumable.

The input (:attr:`Batch.input`) is a folder or a ``.jsonl`` file of clusters:

* a folder: every file in it and in its sub-folders is one document, summarized on its
  own; with :attr:`Batch.clusters`, every sub-folder is one cluster instead (the files
  directly in it, read as the default command reads a folder);
* a ``.jsonl`` file: one cluster per line, in the format :mod:`summarize.inputs.clusters` reads
  (``summaries`` and ``headlines`` may be left out; they are not used). A cluster's own
  budget applies when the summary options give none.

Hidden files and folders (names starting with ".") are left out. The output
(:attr:`Batch.output`) is a ``.jsonl`` file, one line per input, or else a folder that
mirrors the input, with one ``.txt`` or ``.json`` file per input: the digest as
:data:`summarize.render.digest.DIGEST_FILE_FORMATS` writes it (JSON: the digest's one
JSON shape, :func:`summarize.render.digest.digest_data`, with the input's ``id``).

How the work flows (:func:`run_batch`): inputs are planned one at a time
(:mod:`summarize.batch.plan`: folders walked in name order, the JSONL file read line by
line, never all at once). An input whose output is already there and complete is skipped,
unless :attr:`Batch.force`. Every other input becomes a small :class:`Task` that an engine
(:mod:`summarize.batch.engines`: local worker processes, or a Dask cluster) runs through
:func:`summarize_task`, which reads the input itself, summarizes it and returns the output
text in a :class:`Result`. Tasks travel in chunks (:func:`summarize_tasks`), a few inputs
at a time, so that handing work to another process costs little against the work itself.

A bounded number of tasks is in flight at once (:func:`execute`), and results are written
in input order as soon as every earlier one is, so memory does not grow with the number of
inputs (only the ids seen are remembered). Outputs go to a sink
(:mod:`summarize.batch.sinks`) and writes are atomic: a folder's files are written under a
temporary name and renamed into place; a JSONL line is appended in one system call, and a
torn last line left by a killed run is cut off by the next run. A JSONL output keeps its
lines in input order within one run; a resumed run appends the rest after the lines
already there.

An input that cannot be summarized (missing, unreadable, empty, binary, not a regular file,
a link out of the input folder, a bad JSONL line, a cluster without text) fails alone: its
reason, naming the input (a JSONL input's line), is in the :class:`Report` and the others
go on. An output that cannot be written at all (a full disk, :mod:`summarize.batch.fatal`)
stops the run instead. Nothing here prints: progress goes to a callback, one
:class:`Outcome` per input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent import futures
from dataclasses import dataclass
from typing import Any

from summarize.batch.engines import Engine, LocalEngine, Runner, default_jobs
from summarize.batch.fatal import OutputFailed, is_fatal
from summarize.batch.plan import (
    BATCH_FILE_FORMATS,
    DONE,
    FAILED,
    LINE,
    SKIPPED,
    Batch,
    Outcome,
    Planned,
    Result,
    Settings,
    Task,
    check_input,
    count_inputs,
    identity,
    is_jsonl,
    os_reason,
    plan,
)
from summarize.batch.sinks import Sink, open_sink
from summarize.digest.pipeline import digest
from summarize.errors import SummarizeError
from summarize.headline.inflect import load_tables
from summarize.inputs.clusters import parse_budget, parse_documents
from summarize.inputs.read import check_reading, read_documents
from summarize.model import Budget, Document, Summary
from summarize.render.digest import DIGEST_FILE_FORMATS
from summarize.text.documents import as_documents

# Chunks in flight per worker slot, and inputs between the oldest one not yet written and
# the newest one planned (finished results wait there for the earlier ones): twice those in
# flight, and at least MIN_WINDOW.
IN_FLIGHT_PER_SLOT = 4
MIN_WINDOW = 64
# Warnings kept for the report; past this only their number is.
MAX_WARNINGS = 200
# Two small documents the summary options are tried on before the run starts.
PROBE = (
    "The council approved the new budget on Monday. Schools will get more money next year. "
    "Parents welcomed the decision.",
    "Schools will receive more money after the council vote. The budget passed on Monday.",
)


@dataclass(frozen=True)
class Report:
    """The counts of a run, every failure with its reason, and warnings (the first
    :data:`MAX_WARNINGS`; ``more_warnings`` counts the rest)."""

    done: int
    skipped: int
    failures: tuple[Outcome, ...]
    warnings: tuple[str, ...]
    more_warnings: int
    seconds: float

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def total(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def ok(self) -> bool:
        """True when no input failed."""
        return not self.failures


# -- the worker's side ---------------------------------------------------------------------


def summarize_task(task: Task, settings: Settings) -> Result:
    """Read and summarize one input and render its output. Runs in the workers; never raises
    for a problem with the input (the :class:`Result` carries the reason instead)."""
    try:
        documents, budget, warnings = _load(task, settings.summary.language, settings)
        summary = digest(documents, settings.summary.for_cluster(budget))
        content = DIGEST_FILE_FORMATS[settings.form].content(_shown_paths(summary, task), task.id)
    except SummarizeError as exc:
        return Result(task.id, error=_naming(task, _in_terms_of(task, str(exc))))
    except Exception as exc:  # one input's bug must not stop the others
        message = f"internal error: {type(exc).__name__}: {exc}"
        return Result(task.id, error=_naming(task, message))
    notes = tuple(f"{task.shown}: {note}" for note in summary.notes)
    return Result(task.id, content=content, warnings=warnings + notes)


def summarize_tasks(tasks: Sequence[Task], settings: Settings) -> list[Result]:
    """:func:`summarize_task` for each of a chunk of tasks, in order."""
    return [summarize_task(task, settings) for task in tasks]


def _load(
    task: Task, language: str, settings: Settings
) -> tuple[tuple[Document, ...], Budget | None, tuple[str, ...]]:
    """The task's documents, its own budget (JSONL clusters) and warnings from reading."""
    if task.kind == LINE:
        try:
            data = json.loads(task.source)
            documents = parse_documents(data.get("documents"), language=language)
            budget = parse_budget(data.get("budget"))
        except Exception as exc:  # evalsets reports bad lines with its own exception type
            raise SummarizeError(f"{task.shown}: {exc}") from None
        for document in documents:
            if len(document.text) > settings.max_chars:
                raise SummarizeError(
                    f"{task.shown}: document {document.id!r} is larger than --max-chars "
                    f"{settings.max_chars} characters"
                )
        return documents, budget, ()
    documents, warnings = read_documents(
        [task.source],
        language=language,
        input_format=settings.input_format,
        max_chars=settings.max_chars,
        follow_links=settings.follow_links,
    )
    return documents, None, tuple(_in_terms_of(task, w) for w in warnings)


def _shown_paths(summary: Summary, task: Task) -> Summary:
    """The summary with its documents' paths as the user gave them, not absolute."""
    if task.kind == LINE:
        return summary
    documents = tuple(
        dataclasses.replace(d, path=_in_terms_of(task, d.path)) if d.path else d
        for d in summary.documents
    )
    return dataclasses.replace(summary, documents=documents)


def _naming(task: Task, message: str) -> str:
    """``message`` starting with the input it is about."""
    return message if message.startswith(task.shown) else f"{task.shown}: {message}"


def _in_terms_of(task: Task, text: str) -> str:
    """``text`` (a message or path) naming the task's input as the user gave it."""
    return text.replace(task.source, task.shown) if task.kind != LINE else text


# -- running -------------------------------------------------------------------------------


def run_batch(
    batch: Batch,
    engine: Engine | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> Report:
    """Summarize every input of ``batch`` with ``engine`` (default: :class:`LocalEngine`
    on every core), writing each output as it is ready; ``progress`` is called with the
    :class:`Outcome` of every input, in input order.

    Raises :class:`SummarizeError` for a problem that stops the whole run (a missing input,
    an output that cannot be created, bad options, an unreachable cluster), and
    :class:`~summarize.batch.fatal.OutputFailed` when the output cannot be written any more
    (a full disk: what was written stays, and a rerun goes on from there); a problem with
    one input only fails that input.
    """
    started = time.perf_counter()
    check_input(batch)
    check_options(batch)
    settings = Settings(
        batch.summary, batch.output_form, batch.input_format, batch.max_chars, batch.follow_links
    )
    done = skipped = more_warnings = 0
    failures: list[Outcome] = []
    warnings: list[str] = []
    engine = engine or LocalEngine()
    # No more local workers than inputs: counted up to the most that could be started.
    inputs = count_inputs(batch, default_jobs()) if isinstance(engine, LocalEngine) else None
    runner = engine.start(summarize_tasks, inputs)  # before any output is touched
    cancel = True
    try:
        sink = open_sink(batch)
        try:
            for planned, result in execute(plan(batch, sink), runner, settings):
                try:
                    outcome = _settle(planned, result, sink)
                except _OutputUnusable as exc:  # what was written stays; workers stop
                    raise OutputFailed(batch.output, exc.reason, done) from None
                if outcome.status == DONE:
                    done += 1
                elif outcome.status == SKIPPED:
                    skipped += 1
                else:
                    failures.append(outcome)
                room = max(0, MAX_WARNINGS - len(warnings))
                warnings += outcome.warnings[:room]
                more_warnings += len(outcome.warnings[room:])
                if progress is not None:
                    progress(outcome)
            cancel = False
        finally:
            sink.close()
    finally:
        runner.close(cancel)
    return Report(
        done=done,
        skipped=skipped,
        failures=tuple(failures),
        warnings=tuple(warnings),
        more_warnings=more_warnings,
        seconds=time.perf_counter() - started,
    )


def execute(
    planned: Iterable[Planned], runner: Runner, settings: Settings
) -> Iterator[tuple[Planned, Result | Outcome]]:
    """Run the planned tasks in chunks of at most ``runner.chunk``, at most
    ``slots * IN_FLIGHT_PER_SLOT`` chunks at once, and yield every input with its result (or
    known outcome) in input order. When a chunk of several fails as a whole (its worker
    died), each of its tasks is tried again on its own, so that only the culprit fails."""
    in_flight = runner.slots * IN_FLIGHT_PER_SLOT
    window = max(MIN_WINDOW, 2 * in_flight * runner.chunk)
    entries = iter(planned)
    running: dict[Any, list[Planned]] = {}
    ready: dict[int, tuple[Planned, Result | Outcome]] = {}
    retry: list[Planned] = []
    next_out = next_in = 0
    exhausted = False

    def submit(chunk: list[Planned]) -> None:
        tasks = [entry.task for entry in chunk if entry.task is not None]
        running[runner.submit(tasks, settings)] = chunk

    while True:
        while retry and len(running) < in_flight:
            submit([retry.pop(0)])
        chunk: list[Planned] = []
        while not exhausted and len(running) < in_flight and next_in - next_out < window:
            entry = next(entries, None)
            if entry is None:
                exhausted = True
                break
            next_in += 1
            if entry.task is None:
                assert entry.outcome is not None
                ready[entry.seq] = (entry, entry.outcome)
                continue
            chunk.append(entry)
            if len(chunk) == runner.chunk:
                submit(chunk)
                chunk = []
        if chunk:
            submit(chunk)
        while next_out in ready:
            yield ready.pop(next_out)
            next_out += 1
        if not running:
            if exhausted and not ready and not retry:
                return
            continue
        for handle in runner.wait(list(running)):
            chunk = running.pop(handle)
            try:
                results = runner.result(handle)
            except Exception as exc:  # the worker, not an input, failed
                if len(chunk) > 1:
                    retry += chunk
                    continue
                reason = _worker_failure(exc)
                results = [Result(chunk[0].id, error=f"{_shown_of(chunk[0])}: {reason}")]
            for entry, result in zip(chunk, results, strict=True):
                ready[entry.seq] = (entry, result)


class _OutputUnusable(Exception):
    """A write failed as every later one would (:func:`summarize.batch.fatal.is_fatal`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _settle(planned: Planned, result: Result | Outcome, sink: Sink) -> Outcome:
    """Write a result's output; the input's :class:`Outcome`, its failure naming the input
    (for a JSONL input, its line). Raises :class:`_OutputUnusable` instead when the output
    as a whole cannot be written (a full disk; any failed write to a shared JSONL file)."""
    if isinstance(result, Outcome):
        return result
    if result.content is None:
        reason = result.error or "no output"
        return Outcome(planned.id, FAILED, reason, warnings=result.warnings)
    try:
        sink.write(planned.id, planned.target, result.content)
    except OSError as exc:
        if is_fatal(exc, shared=not sink.per_input):
            raise _OutputUnusable(os_reason(exc)) from None
        reason = f"{_shown_of(planned)}: cannot write {planned.target}: {os_reason(exc)}"
        return Outcome(planned.id, FAILED, reason, warnings=result.warnings)
    return Outcome(planned.id, DONE, output=planned.target, warnings=result.warnings)


def _worker_failure(exc: BaseException) -> str:
    if isinstance(exc, futures.process.BrokenProcessPool):
        return "the worker process died while summarizing it (out of memory, or killed)"
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"the worker failed: {type(exc).__name__}" + (f": {message}" if message else "")


def _shown_of(planned: Planned) -> str:
    return planned.task.shown if planned.task is not None else planned.id


def check_options(batch: Batch) -> None:
    """Bad options fail the run before any input does: they are tried on a small text, so
    whatever ``summarize()`` rejects (an unknown scorer, a bad budget...) is caught here."""
    if batch.format not in BATCH_FILE_FORMATS:
        available = ", ".join(BATCH_FILE_FORMATS)
        raise SummarizeError(f"unknown format {batch.format!r}; available: {available}")
    check_reading(batch.input_format, batch.max_chars)
    if batch.clusters and is_jsonl(batch.input):
        raise SummarizeError(
            "--clusters is for a folder INPUT; every line of a .jsonl INPUT is a cluster already"
        )
    digest(as_documents(list(PROBE), batch.summary.language), batch.summary)
    if batch.summary.headline:
        load_tables()  # forked workers share them instead of each loading its own
    if os.path.lexists(batch.output) and identity(batch.output) == identity(batch.input):
        raise SummarizeError(f"{batch.output}: the output cannot be the input")
