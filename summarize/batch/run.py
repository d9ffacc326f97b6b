"""Batch summarization: one digest for each of many inputs, in parallel and resumable.

The input (:attr:`Batch.input`) is a folder or a ``.jsonl`` file of clusters:

* a folder: every file in it and in its sub-folders is one document, summarized on its
  own; with :attr:`Batch.clusters`, every sub-folder is one cluster instead (the files
  directly in it, read as the default command reads a folder);
* a ``.jsonl`` file: one cluster per line, in the format :mod:`summarize.inputs.clusters` reads
  (``summaries`` and ``headlines`` may be left out; they are not used). A cluster's own
  budget applies when the summary options give none.

Hidden files and folders (names starting with ".") are left out. The output
(:attr:`Batch.output`) is a ``.jsonl`` file, one line per input (:func:`record`), or else a
folder that mirrors the input, with one ``.txt`` (:func:`summarize.render.views.to_text`) or
``.json`` file per input.

How the work flows (:func:`run_batch`): inputs are planned one at a time (folders walked in
name order, the JSONL file read line by line, never all at once). An input whose output is
already there and complete is skipped, unless :attr:`Batch.force`. Every other input
becomes a small :class:`Task` that an engine runs through :func:`summarize_task`, which
reads the input itself, summarizes it and returns the output text in a :class:`Result`.
Tasks travel in chunks (:func:`summarize_tasks`), a few inputs at a time, so that handing
work to another process costs little against the work itself:

* :class:`LocalEngine`: ``jobs`` worker processes (in this process when ``jobs`` is 1);
* :class:`DaskEngine`: the workers of an existing Dask distributed cluster (the optional
  ``dask`` extra). Its workers must have this package installed and, for folder inputs,
  see the input at the same absolute path (a shared file system).

A bounded number of tasks is in flight at once, and results are written in input order as
soon as every earlier one is, so memory does not grow with the number of inputs (only the
ids seen are remembered). Writes are atomic: a folder's files are written under a temporary
name and renamed into place; a JSONL line is appended in one system call, and a torn last
line left by a killed run is cut off by the next run. A JSONL output keeps its lines in
input order within one run; a resumed run appends the rest after the lines already there.

An input that cannot be summarized (missing, unreadable, empty, binary, a bad JSONL line, a
cluster without text) fails alone: its reason is in the :class:`Report` and the others go
on. Nothing here prints: progress goes to a callback, one :class:`Outcome` per input.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import re
import secrets
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from concurrent import futures
from dataclasses import dataclass, field
from typing import Any, Protocol

from summarize import __version__
from summarize.digest.pipeline import digest
from summarize.errors import SummarizeError
from summarize.inputs.clusters import parse_budget, parse_documents
from summarize.inputs.formats import AUTO
from summarize.inputs.read import DEFAULT_MAX_CHARS, check_reading, read_documents
from summarize.model import Budget, Document, Summary
from summarize.options import DigestOptions
from summarize.render.views import to_text
from summarize.text.documents import as_documents

JSONL_SUFFIX = ".jsonl"
FORMATS = ("text", "json")  # of the files of a folder output
SUFFIXES = {"text": ".txt", "json": ".json", "jsonl": JSONL_SUFFIX}

DONE, SKIPPED, FAILED = "done", "skipped", "failed"

# Kinds of task: a file that is one document, a folder that is one cluster, a JSONL line.
FILE, FOLDER, LINE = "file", "folder", "line"

# Chunks in flight per worker slot, and inputs between the oldest one not yet written and
# the newest one planned (finished results wait there for the earlier ones): twice those in
# flight, and at least MIN_WINDOW.
IN_FLIGHT_PER_SLOT = 4
MIN_WINDOW = 64
# Inputs per chunk sent to a worker process: enough to make the cost of sending one small
# against the work (a Multi-News cluster takes a few milliseconds), few enough that a slow
# input holds back little and that, when a worker dies, few others must be tried again.
POOL_CHUNK = 8
# Environment variables that size the thread pools of numpy's BLAS and OpenMP.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# Warnings kept for the report; past this only their number is.
MAX_WARNINGS = 200
# Two small documents the summary options are tried on before the run starts.
PROBE = (
    "The council approved the new budget on Monday. Schools will get more money next year. "
    "Parents welcomed the decision.",
    "Schools will receive more money after the council vote. The budget passed on Monday.",
)


@dataclass(frozen=True)
class Batch:
    """What to summarize, where the digests go, and how each digest is made.

    ``summary`` says how each digest is made; when it sets no budget, a JSONL cluster's own
    budget applies, else the default. ``format`` is that of each file of a
    folder output (``"text"`` or ``"json"``); a ``.jsonl`` output always holds JSON lines.
    ``input_format`` and ``max_chars`` say how the files of a folder input are read (see
    :func:`summarize.inputs.read.read_documents`); ``max_chars`` also limits each document of a
    JSONL cluster.
    """

    input: str
    output: str
    clusters: bool = False
    format: str = "text"
    force: bool = False
    summary: DigestOptions = field(default_factory=DigestOptions)
    input_format: str = AUTO
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def output_form(self) -> str:
        """``"jsonl"`` for a ``.jsonl`` output, else the format of the folder's files."""
        return "jsonl" if _is_jsonl(self.output) else self.format


@dataclass(frozen=True)
class Settings:
    """What every task shares: how digests are made, the output form (``"text"``, ``"json"``
    or ``"jsonl"``) and how inputs are read (as in :class:`Batch`)."""

    summary: DigestOptions
    form: str
    input_format: str = AUTO
    max_chars: int = DEFAULT_MAX_CHARS


@dataclass(frozen=True)
class Task:
    """One input to summarize, small enough to send to another process or machine.

    ``source`` is the absolute path of a file or cluster folder, or the text of a JSONL
    line; ``shown`` is how messages and the output name it (the path under the input as
    given, or ``"FILE, line N"``).
    """

    id: str
    kind: str
    source: str
    shown: str


@dataclass(frozen=True)
class Result:
    """What a worker sends back: the output text, or the reason the input failed."""

    id: str
    content: str | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What became of one input: ``done`` (written to ``output``), ``skipped`` (its output
    was already complete) or ``failed`` (``reason`` says why)."""

    id: str
    status: str
    reason: str = ""
    output: str | None = None
    warnings: tuple[str, ...] = ()


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
        content = render_output(_shown_paths(summary, task), task.id, settings.form)
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


def record(summary: Summary, id: str) -> dict[str, object]:
    """The JSON of one digest in a batch: ``id``, ``headline``, ``summary`` (the digest's
    text) and then the rest of :meth:`Summary.as_dict` (sentences with their sources,
    scorer, budget, source documents, notes)."""
    data = summary.as_dict()
    return {"id": id, "headline": data.pop("headline"), "summary": summary.text, **data}


def render_output(summary: Summary, id: str, form: str) -> str:
    """One input's output: plain text (``"text"``), indented JSON (``"json"``) or one
    JSON line (``"jsonl"``); each ends with a newline."""
    if form == "text":
        return to_text(summary)
    if form == "json":
        return json.dumps(record(summary, id), ensure_ascii=False, indent=2) + "\n"
    if form == "jsonl":
        return json.dumps(record(summary, id), ensure_ascii=False) + "\n"
    raise SummarizeError(f"unknown output format {form!r}; available: {', '.join(SUFFIXES)}")


def worker_version() -> str:
    """The version of this package where the call runs (checked on Dask workers)."""
    return __version__


# -- engines ---------------------------------------------------------------------------------


class Runner(Protocol):
    """A started engine: chunks of at most ``chunk`` tasks go in, their results come back,
    chunk by chunk in any order; ``slots`` chunks run at once."""

    slots: int
    chunk: int

    def submit(self, tasks: Sequence[Task], settings: Settings) -> Any: ...

    def wait(self, handles: Collection[Any]) -> Collection[Any]: ...

    def result(self, handle: Any) -> list[Result]: ...

    def close(self, cancel: bool) -> None: ...


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class LocalEngine:
    """Worker processes on this machine: ``jobs`` of them (default: every core). With one
    job the work runs in this process, one input after another."""

    jobs: int | None = None

    def start(self) -> Runner:
        jobs = self.jobs if self.jobs is not None else default_jobs()
        if jobs < 1:
            raise SummarizeError(f"jobs must be at least 1, got {jobs}")
        return _InProcess() if jobs == 1 else _Pool(jobs)


@dataclass(frozen=True)
class DaskEngine:
    """The workers of a running Dask distributed cluster, reached through its scheduler's
    ``address`` (``tcp://host:8786``). Needs the ``dask`` extra here and this package on
    every worker."""

    address: str
    timeout: float = 30.0

    def start(self) -> Runner:
        return _Dask(self.address, self.timeout)


Engine = LocalEngine | DaskEngine


class _Done:
    """A finished handle of the in-process runner."""

    def __init__(self, results: list[Result]) -> None:
        self.value = results


class _InProcess:
    slots = 1
    chunk = 1

    def submit(self, tasks: Sequence[Task], settings: Settings) -> _Done:
        return _Done(summarize_tasks(tasks, settings))

    def wait(self, handles: Collection[_Done]) -> Collection[_Done]:
        return handles

    def result(self, handle: _Done) -> list[Result]:
        return handle.value

    def close(self, cancel: bool) -> None:
        pass


class _Pool:
    """A process pool; a pool broken by a dying worker is replaced, and the tasks that were
    in it are tried again one by one."""

    chunk = POOL_CHUNK

    def __init__(self, jobs: int) -> None:
        self.slots = jobs
        if _can_fork():
            # Forked from this process, the workers start at once with everything imported
            # and warmed up (the options were tried on a small text). Forked now, while this
            # process has no other thread, and with Ctrl-C ignored in them (see _mp_context).
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self._pool = futures.ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                self._pool.submit(worker_version)  # starts every worker
            finally:
                signal.signal(signal.SIGINT, previous)
        else:
            self._pool = self._new_pool()

    def _new_pool(self) -> futures.ProcessPoolExecutor:
        context = _mp_context(self.slots)
        return futures.ProcessPoolExecutor(max_workers=self.slots, mp_context=context)

    def submit(self, tasks: Sequence[Task], settings: Settings) -> futures.Future[list[Result]]:
        with _interrupts_deferred():  # submitting may start a worker: never leave one half-made
            try:
                return self._pool.submit(summarize_tasks, tasks, settings)
            except futures.process.BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(summarize_tasks, tasks, settings)

    def wait(self, handles: Collection[futures.Future[list[Result]]]) -> Collection[Any]:
        return futures.wait(handles, return_when=futures.FIRST_COMPLETED).done

    def result(self, handle: futures.Future[list[Result]]) -> list[Result]:
        return handle.result()

    def close(self, cancel: bool) -> None:
        # Waits even when cancelling: the inputs in hand are finished (and thrown away), and
        # no worker still starting up finds the pool's pipes and locks gone.
        self._pool.shutdown(wait=True, cancel_futures=cancel)


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold back Ctrl-C (SIGINT) until the block is over, then deliver it as it would have
    been (a KeyboardInterrupt, usually; nothing when interrupts are ignored)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: received.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        signal.raise_signal(signal.SIGINT)


def _can_fork() -> bool:
    """Whether worker processes may be forked from this one directly: on Linux (elsewhere
    system libraries do not survive a fork), from the main thread, while it is the only
    thread (a fork copies only the calling thread, and locks held by others stay held)."""
    return (
        sys.platform.startswith("linux")
        and threading.current_thread() is threading.main_thread()
        and threading.active_count() == 1
    )


def _mp_context(jobs: int) -> Any:
    """Worker processes forked from a clean server process (no threads or open handles of
    this one are inherited) where the platform allows, else spawned.

    The server is started with interrupts ignored, which it and every worker it forks keep:
    Ctrl-C interrupts this process only, which then stops the pool (the workers finish the
    input in hand), instead of every worker printing a traceback. It is also started with
    the numeric libraries' thread pools sized to share the cores among the ``jobs``
    workers (unless the environment already sizes them): a worker per core, each with its
    own pool of threads spinning on every core, is slower than one thread each.
    """
    import multiprocessing
    import multiprocessing.forkserver

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # each worker starts with us imported
    if threading.current_thread() is threading.main_thread():
        threads = str(max(1, default_jobs() // jobs))
        added = [name for name in THREAD_VARIABLES if name not in os.environ]
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            os.environ.update(dict.fromkeys(added, threads))
            multiprocessing.forkserver.ensure_running()
        finally:
            for name in added:
                os.environ.pop(name, None)
            signal.signal(signal.SIGINT, previous)
    return context


class _Dask:
    def __init__(self, address: str, timeout: float) -> None:
        try:
            import distributed
        except ImportError:
            raise SummarizeError(
                "the dask engine needs Dask: pip install 'summarize[dask]'"
            ) from None
        try:
            self._client = distributed.Client(address, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise SummarizeError(
                f"cannot reach the Dask scheduler at {address}: {reason}"
            ) from None
        try:
            version = self._client.submit(worker_version, pure=False).result(timeout=timeout)
        except Exception as exc:
            self._client.close()
            raise SummarizeError(
                f"the Dask workers at {address} cannot run summarize: {type(exc).__name__}: {exc}"
            ) from None
        if version != __version__:
            self._client.close()
            raise SummarizeError(
                f"the Dask workers at {address} run summarize {version}, this is {__version__}"
            )
        self.slots = max(1, sum(self._client.nthreads().values()))
        self.chunk = POOL_CHUNK
        self._finished = distributed.as_completed(loop=self._client.loop)

    def submit(self, tasks: Sequence[Task], settings: Settings) -> Any:
        future = self._client.submit(summarize_tasks, tasks, settings, pure=False)
        self._finished.add(future)
        return future

    def wait(self, handles: Collection[Any]) -> Collection[Any]:
        return self._finished.next_batch(block=True)

    def result(self, handle: Any) -> list[Result]:
        try:
            return handle.result()
        finally:
            handle.release()

    def close(self, cancel: bool) -> None:
        self._client.close()


# -- planning ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Planned:
    """One input in input order: a task to run, or an outcome known without running one."""

    seq: int
    id: str
    target: str
    task: Task | None = None
    outcome: Outcome | None = None


def count_inputs(batch: Batch) -> int:
    """How many inputs ``batch`` has (files, cluster folders or non-blank JSONL lines),
    read without summarizing anything, for a progress bar's total."""
    _check_input(batch)
    if _is_jsonl(batch.input):
        with _open_input(batch.input) as handle:
            return sum(1 for line in handle if line.strip())
    skip = _identity(batch.output)
    walk = _cluster_folders if batch.clusters else _files
    return sum(1 for _ in walk(batch.input, skip))


def _plan(batch: Batch, sink: _Sink) -> Iterator[_Planned]:
    entries = _plan_lines(batch.input) if _is_jsonl(batch.input) else _plan_folder(batch)
    # Output path -> the id of the input it belongs to, for the outputs of one folder (all
    # the inputs whose outputs could share a path come one after another).
    owners: dict[str, str] = {}
    for seq, (item_id, task, reason, name) in enumerate(entries):
        target = sink.target(name) if name else ""
        if reason is None and sink.per_input:
            key = os.path.normcase(target)
            if owners and os.path.dirname(key) != os.path.dirname(next(iter(owners))):
                owners.clear()
            if key in owners:
                shown = task.shown if task is not None else item_id
                reason = f"{shown}: its output {target} is also that of {owners[key]}"
            else:
                owners[key] = item_id
        if reason is not None:
            yield _Planned(seq, item_id, target, outcome=Outcome(item_id, FAILED, reason))
        elif not batch.force and sink.complete(item_id, target):
            yield _Planned(seq, item_id, target, outcome=Outcome(item_id, SKIPPED, output=target))
        else:
            yield _Planned(seq, item_id, target, task=task)


# An input as planned: id, task (None when it failed already), the reason it failed, and
# the parts of its output name under a folder output.
_Entry = tuple[str, Task | None, str | None, tuple[str, ...]]


def _plan_folder(batch: Batch) -> Iterator[_Entry]:
    root = batch.input
    absolute = os.path.abspath(root)
    skip = _identity(batch.output)
    walk = _cluster_folders if batch.clusters else _files
    for rel, problem in walk(root, skip):
        parts = tuple(rel.split(os.sep))
        item_id = "/".join(parts)
        shown = os.path.join(root, rel)
        if problem is not None:
            yield item_id, None, f"{shown}: {problem}", parts
            continue
        kind = FOLDER if batch.clusters else FILE
        task = Task(item_id, kind, os.path.join(absolute, rel), shown)
        if kind == FILE:
            parts = (*parts[:-1], os.path.splitext(parts[-1])[0] or parts[-1])
        yield item_id, task, None, parts


_Walked = Iterator[tuple[str, str | None]]  # relative path, and a problem with it or None


def _files(root: str, skip: tuple[int, int] | None, rel: str = "") -> _Walked:
    """Relative paths of the files under ``root``, each with a problem that stops it being
    read (None for none): a folder's files by name, then its sub-folders' by name.
    ``skip`` is the output's identity (an output inside the input is not read)."""
    folder = os.path.join(root, rel) if rel else root
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        if not rel:
            raise SummarizeError(f"{root}: cannot read folder: {_reason(exc)}") from None
        yield rel, f"cannot read folder: {_reason(exc)}"
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(rel, entry.name) if rel else entry.name
        try:
            if skip is not None and _identity(entry.path) == skip:
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif entry.is_file():
                yield path, None
            elif entry.is_symlink() and not os.path.exists(entry.path):
                yield path, "broken symbolic link"
        except OSError as exc:
            yield path, f"cannot read: {_reason(exc)}"
    del entries
    for path in folders:
        yield from _files(root, skip, path)


def _cluster_folders(root: str, skip: tuple[int, int] | None) -> _Walked:
    """The names of the sub-folders of ``root`` (by name), each with no problem."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        raise SummarizeError(f"{root}: cannot read folder: {_reason(exc)}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and (skip is None or _identity(entry.path) != skip):
                yield entry.name, None


def _plan_lines(path: str) -> Iterator[_Entry]:
    """One entry per non-blank line: the cluster's id (parsed here only to name it) and the
    line's text for the worker to parse; a line without a usable id fails here."""
    seen: dict[str, int] = {}
    with _open_input(path) as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}, line {number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield f"line {number}", None, f"{where}: not UTF-8 text", ()
                continue
            cluster_id, problem = _line_id(line)
            if cluster_id is None:
                yield f"line {number}", None, f"{where}: {problem}", ()
                continue
            name = (_file_name(cluster_id),)
            if cluster_id in seen:
                problem = f"duplicate cluster id {cluster_id!r} (first on line {seen[cluster_id]})"
                yield cluster_id, None, f"{where}: {problem}", name
                continue
            seen[cluster_id] = number
            yield cluster_id, Task(cluster_id, LINE, line, where), None, name


def _line_id(line: str) -> tuple[str | None, str]:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg} at column {exc.colno})"
    if not isinstance(data, dict):
        return None, "expected a JSON object"
    cluster_id = data.get("id")
    if not isinstance(cluster_id, str):
        return None, 'missing "id", or not a string'
    return cluster_id, ""


def _file_name(item_id: str) -> str:
    """A safe file name for an id: letters, digits, ``_``, ``-`` and ``.`` (not first)."""
    name = re.sub(r"[^\w.-]", "_", item_id)[:200]
    return "_" + name[1:] if name.startswith(".") else name or "_"


# -- writing --------------------------------------------------------------------------------


class _Sink(Protocol):
    per_input: bool  # one output file per input (else one shared file)

    def target(self, name: tuple[str, ...]) -> str: ...

    def complete(self, item_id: str, target: str) -> bool: ...

    def write(self, item_id: str, target: str, content: str) -> None: ...

    def close(self) -> None: ...


class _FolderSink:
    """One file per input under ``root``, written atomically; complete when it ends with a
    newline (every output does)."""

    per_input = True

    def __init__(self, root: str, suffix: str) -> None:
        self.root = root
        self.suffix = suffix
        self._made: set[str] = set()
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as exc:
            raise SummarizeError(f"{root}: cannot create folder: {_reason(exc)}") from None

    def target(self, name: tuple[str, ...]) -> str:
        return os.path.join(self.root, *name[:-1], name[-1] + self.suffix)

    def complete(self, item_id: str, target: str) -> bool:
        try:
            with open(target, "rb") as handle:
                handle.seek(-1, os.SEEK_END)
                return handle.read(1) == b"\n"
        except OSError:  # missing, empty (cannot seek before the start) or unreadable
            return False

    def write(self, item_id: str, target: str, content: str) -> None:
        folder = os.path.dirname(target)
        if folder not in self._made:
            os.makedirs(folder, exist_ok=True)
            self._made.add(folder)
        write_atomic(target, content.encode("utf-8"))

    def close(self) -> None:
        pass


class _JsonlSink:
    """One line per input appended to one file; complete when a whole line carries the id."""

    per_input = False

    def __init__(self, path: str, force: bool) -> None:
        self.path = path
        self._done: set[str] = set()
        try:
            folder = os.path.dirname(path)
            if folder:
                os.makedirs(folder, exist_ok=True)
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o666)
        except OSError as exc:
            raise SummarizeError(f"{path}: cannot write: {_reason(exc)}") from None
        try:
            if force:
                os.ftruncate(self._fd, 0)
            else:
                self._resume()
        except OSError as exc:
            os.close(self._fd)
            raise SummarizeError(f"{path}: cannot read: {_reason(exc)}") from None

    def _resume(self) -> None:
        """Collect the ids of the complete lines already written; cut off a torn last line."""
        end = 0
        with open(self.path, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break
                end += len(raw)
                with contextlib.suppress(ValueError):
                    data = json.loads(raw)
                    if isinstance(data, dict) and isinstance(data.get("id"), str):
                        self._done.add(data["id"])
        if os.fstat(self._fd).st_size > end:
            os.ftruncate(self._fd, end)

    def target(self, name: tuple[str, ...]) -> str:
        return self.path

    def complete(self, item_id: str, target: str) -> bool:
        return item_id in self._done

    def write(self, item_id: str, target: str, content: str) -> None:
        data = content.encode("utf-8")
        written = os.write(self._fd, data)
        while written < len(data):  # regular files take it whole; this is for the rest
            written += os.write(self._fd, data[written:])
        self._done.add(item_id)

    def close(self) -> None:
        os.close(self._fd)


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is never seen half-written: into a hidden
    temporary file beside it, then renamed over it."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


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
    an output that cannot be created, bad options, an unreachable cluster); a problem with
    one input only fails that input.
    """
    started = time.perf_counter()
    _check_input(batch)
    _check_options(batch)
    settings = Settings(batch.summary, batch.output_form, batch.input_format, batch.max_chars)
    done = skipped = more_warnings = 0
    failures: list[Outcome] = []
    warnings: list[str] = []
    runner = (engine or LocalEngine()).start()  # before any output is touched
    cancel = True
    try:
        sink = _open_sink(batch)
        try:
            for planned, result in _execute(_plan(batch, sink), runner, settings):
                outcome = _settle(planned, result, sink)
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


def _open_sink(batch: Batch) -> _Sink:
    if batch.output_form == "jsonl":
        return _JsonlSink(batch.output, batch.force)
    _check_output_folder(batch)
    return _FolderSink(batch.output, SUFFIXES[batch.output_form])


def _execute(
    planned: Iterable[_Planned], runner: Runner, settings: Settings
) -> Iterator[tuple[_Planned, Result | Outcome]]:
    """Run the planned tasks in chunks of at most ``runner.chunk``, at most
    ``slots * IN_FLIGHT_PER_SLOT`` chunks at once, and yield every input with its result (or
    known outcome) in input order. When a chunk of several fails as a whole (its worker
    died), each of its tasks is tried again on its own, so that only the culprit fails."""
    in_flight = runner.slots * IN_FLIGHT_PER_SLOT
    window = max(MIN_WINDOW, 2 * in_flight * runner.chunk)
    entries = iter(planned)
    running: dict[Any, list[_Planned]] = {}
    ready: dict[int, tuple[_Planned, Result | Outcome]] = {}
    retry: list[_Planned] = []
    next_out = next_in = 0
    exhausted = False

    def submit(chunk: list[_Planned]) -> None:
        tasks = [entry.task for entry in chunk if entry.task is not None]
        running[runner.submit(tasks, settings)] = chunk

    while True:
        while retry and len(running) < in_flight:
            submit([retry.pop(0)])
        chunk: list[_Planned] = []
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


def _settle(planned: _Planned, result: Result | Outcome, sink: _Sink) -> Outcome:
    """Write a result's output; the input's :class:`Outcome`."""
    if isinstance(result, Outcome):
        return result
    if result.content is None:
        reason = result.error or "no output"
        return Outcome(planned.id, FAILED, reason, warnings=result.warnings)
    try:
        sink.write(planned.id, planned.target, result.content)
    except OSError as exc:
        reason = f"cannot write {planned.target}: {_reason(exc)}"
        return Outcome(planned.id, FAILED, reason, warnings=result.warnings)
    return Outcome(planned.id, DONE, output=planned.target, warnings=result.warnings)


def _worker_failure(exc: BaseException) -> str:
    if isinstance(exc, futures.process.BrokenProcessPool):
        return "the worker process died while summarizing it (out of memory, or killed)"
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"the worker failed: {type(exc).__name__}" + (f": {message}" if message else "")


def _shown_of(planned: _Planned) -> str:
    return planned.task.shown if planned.task is not None else planned.id


# -- checks --------------------------------------------------------------------------------


def _check_input(batch: Batch) -> None:
    path = batch.input
    if not os.path.lexists(path):
        raise SummarizeError(f"{path}: no such file or directory")
    if not os.path.exists(path):
        raise SummarizeError(f"{path}: broken symbolic link")
    if not os.path.isdir(path) and not _is_jsonl(path):
        raise SummarizeError(
            f"{path}: not a folder or a {JSONL_SUFFIX} file of clusters; "
            "to summarize one file, run summarize without batch"
        )


def _check_options(batch: Batch) -> None:
    """Bad options fail the run before any input does: they are tried on a small text, so
    whatever ``summarize()`` rejects (an unknown scorer, a bad budget...) is caught here."""
    if batch.format not in FORMATS:
        raise SummarizeError(f"unknown format {batch.format!r}; available: {', '.join(FORMATS)}")
    check_reading(batch.input_format, batch.max_chars)
    if batch.clusters and _is_jsonl(batch.input):
        raise SummarizeError(
            "--clusters is for a folder INPUT; every line of a .jsonl INPUT is a cluster already"
        )
    digest(as_documents(list(PROBE), batch.summary.language), batch.summary)
    if os.path.lexists(batch.output) and _identity(batch.output) == _identity(batch.input):
        raise SummarizeError(f"{batch.output}: the output cannot be the input")


def _check_output_folder(batch: Batch) -> None:
    output = batch.output
    if os.path.exists(output) and not os.path.isdir(output):
        raise SummarizeError(
            f"{output}: exists and is not a folder; give a folder or a {JSONL_SUFFIX} file"
        )
    if os.path.isdir(batch.input):
        inside = os.path.realpath(batch.input)
        parent = os.path.realpath(output)
        if inside == parent or inside.startswith(parent.rstrip(os.sep) + os.sep):
            raise SummarizeError(f"{output}: the output folder cannot hold the input folder")


def _identity(path: str) -> tuple[int, int] | None:
    """What identifies a file or folder whatever the path to it (None if it is not there)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (
        (info.st_dev, info.st_ino)
        if stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)
        else None
    )


def _is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIX) and not os.path.isdir(path)


def _open_input(path: str) -> Any:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise SummarizeError(f"{path}: cannot read: {_reason(exc)}") from None


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]
