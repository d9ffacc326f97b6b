"""Planning a batch: what to summarize (:class:`Batch`), and its inputs walked into small
:class:`Task` values, one at a time, in input order.

A folder's files (or, with :attr:`Batch.clusters`, its sub-folders) are walked in name
order, a JSONL file read line by line, never all at once. Hidden files and folders (names
starting with ".") are left out. An input whose output is already complete is planned as
skipped, one that cannot be read (a broken link, a bad JSONL line, a duplicate id) as
failed; every other becomes a :class:`Task` for an engine to run.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summarize.batch.limits import fit_name, input_file_problem, output_name, outside_link_problem
from summarize.errors import SummarizeError
from summarize.inputs.formats import AUTO
from summarize.inputs.read import DEFAULT_MAX_CHARS
from summarize.options import DigestOptions

if TYPE_CHECKING:
    from summarize.batch.sinks import Sink

JSONL_SUFFIX = ".jsonl"
BATCH_FILE_FORMATS = ("text", "json")
"""The formats of the files of a folder output (``--format``); a ``.jsonl`` output holds
JSON lines."""

DONE, SKIPPED, FAILED = "done", "skipped", "failed"

# Kinds of task: a file that is one document, a folder that is one cluster, a JSONL line.
FILE, FOLDER, LINE = "file", "folder", "line"


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
    follow_links: bool = False

    @property
    def output_form(self) -> str:
        """``"jsonl"`` for a ``.jsonl`` output, else the format of the folder's files."""
        return "jsonl" if is_jsonl(self.output) else self.format


@dataclass(frozen=True)
class Settings:
    """What every task shares: how digests are made, the output form (``"text"``, ``"json"``
    or ``"jsonl"``) and how inputs are read (as in :class:`Batch`)."""

    summary: DigestOptions
    form: str
    input_format: str = AUTO
    max_chars: int = DEFAULT_MAX_CHARS
    follow_links: bool = False


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
class Planned:
    """One input in input order: a task to run, or an outcome known without running one."""

    seq: int
    id: str
    target: str
    task: Task | None = None
    outcome: Outcome | None = None


def count_inputs(batch: Batch, limit: int | None = None) -> int:
    """How many inputs ``batch`` has (files, cluster folders or non-blank JSONL lines),
    read without summarizing anything, for a progress bar's total; with ``limit``, the
    count stops there (enough to size a pool of workers)."""
    check_input(batch)
    if is_jsonl(batch.input):
        with open_input(batch.input) as handle:
            lines = (line for line in handle if line.strip())
            return sum(1 for _ in itertools.islice(lines, limit))
    skip = identity(batch.output)
    walk = _cluster_folders if batch.clusters else _files
    return sum(1 for _ in itertools.islice(walk(batch.input, skip, batch.follow_links), limit))


def plan(batch: Batch, sink: Sink) -> Iterator[Planned]:
    entries = _plan_lines(batch.input) if is_jsonl(batch.input) else _plan_folder(batch)
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
            yield Planned(seq, item_id, target, outcome=Outcome(item_id, FAILED, reason))
        elif not batch.force and sink.complete(item_id, target):
            yield Planned(seq, item_id, target, outcome=Outcome(item_id, SKIPPED, output=target))
        else:
            yield Planned(seq, item_id, target, task=task)


# An input as planned: id, task (None when it failed already), the reason it failed, and
# the parts of its output name under a folder output.
_Entry = tuple[str, Task | None, str | None, tuple[str, ...]]


def _plan_folder(batch: Batch) -> Iterator[_Entry]:
    root = batch.input
    absolute = os.path.abspath(root)
    skip = identity(batch.output)
    walk = _cluster_folders if batch.clusters else _files
    for rel, problem in walk(root, skip, batch.follow_links):
        parts = tuple(rel.split(os.sep))
        item_id = "/".join(parts)
        shown = os.path.join(root, rel)
        if problem is not None:
            yield item_id, None, f"{shown}: {problem}", parts
            continue
        kind = FOLDER if batch.clusters else FILE
        task = Task(item_id, kind, os.path.join(absolute, rel), shown)
        last = parts[-1]
        if kind == FILE:
            last = os.path.splitext(last)[0] or last
        # Cut to fit in 255 bytes with its suffix and temporary name (fit_name).
        yield item_id, task, None, (*parts[:-1], fit_name(last))


_Walked = Iterator[tuple[str, str | None]]  # relative path, and a problem with it or None


def _files(
    root: str, skip: tuple[int, int] | None, follow_links: bool = False, rel: str = ""
) -> _Walked:
    """Relative paths of the files under ``root``, each with a problem that stops it being
    read (None for none): a folder's files by name, then its sub-folders' by name.
    ``skip`` is the output's identity (an output inside the input is not read). Only
    regular files are read (a named pipe, socket or device fails), through a symbolic link
    only when it stays inside ``root`` (anywhere with ``follow_links``); links to folders
    are left out."""
    folder = os.path.join(root, rel) if rel else root
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        if not rel:
            raise SummarizeError(f"{root}: cannot read folder: {os_reason(exc)}") from None
        yield rel, f"cannot read folder: {os_reason(exc)}"
        return
    folders = []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(rel, entry.name) if rel else entry.name
        try:
            if skip is not None and identity(entry.path) == skip:
                continue
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif not entry.is_dir():  # a link to a folder is left out
                yield path, input_file_problem(root, entry.path, follow_links)
        except OSError as exc:
            yield path, f"cannot read: {os_reason(exc)}"
    del entries
    for path in folders:
        yield from _files(root, skip, follow_links, path)


def _cluster_folders(
    root: str, skip: tuple[int, int] | None, follow_links: bool = False
) -> _Walked:
    """The names of the sub-folders of ``root`` (by name), each with a problem or None: a
    link to a folder outside ``root`` is not read unless ``follow_links``."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        raise SummarizeError(f"{root}: cannot read folder: {os_reason(exc)}") from None
    for entry in entries:
        if entry.name.startswith("."):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and (skip is None or identity(entry.path) != skip):
                yield entry.name, outside_link_problem(root, entry.path, follow_links)


def _plan_lines(path: str) -> Iterator[_Entry]:
    """One entry per non-blank line: the cluster's id (parsed here only to name it) and the
    line's text for the worker to parse; a line without a usable id fails here."""
    seen: dict[str, int] = {}
    with open_input(path) as handle:
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
            name = (output_name(cluster_id),)
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


def check_input(batch: Batch) -> None:
    path = batch.input
    if not os.path.lexists(path):
        raise SummarizeError(f"{path}: no such file or directory")
    if not os.path.exists(path):
        raise SummarizeError(f"{path}: broken symbolic link")
    if not os.path.isdir(path) and not is_jsonl(path):
        raise SummarizeError(
            f"{path}: not a folder or a {JSONL_SUFFIX} file of clusters; "
            "to summarize one file, run summarize without batch"
        )


def identity(path: str) -> tuple[int, int] | None:
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


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIX) and not os.path.isdir(path)


def open_input(path: str) -> Any:
    try:
        return open(path, "rb")
    except OSError as exc:
        raise SummarizeError(f"{path}: cannot read: {os_reason(exc)}") from None


def os_reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]
