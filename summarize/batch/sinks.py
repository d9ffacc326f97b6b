"""Where a batch's outputs go: a folder (one file per input, written atomically) or a
``.jsonl`` file (one line per input, each appended in one system call; a torn last line
left by a killed run is cut off by the next run, which appends the rest after the lines
already there; a line the disk took only part of is cut off at once). A sink also says
whether an input's output is already complete, so that a rerun skips it. A failed write
raises :class:`OSError`; whether it fails one input or stops the run is
:func:`summarize.batch.fatal.is_fatal`'s call.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from typing import Protocol

from summarize.batch.plan import JSONL_SUFFIX, Batch, os_reason
from summarize.errors import SummarizeError
from summarize.render.digest import DIGEST_FILE_FORMATS
from summarize.render.files import write_atomic


class Sink(Protocol):
    """Where outputs go: the output path of an input (from its name's parts), whether it is
    complete already, and the write of one input's output."""

    per_input: bool  # one output file per input (else one shared file)

    def target(self, name: tuple[str, ...]) -> str: ...

    def complete(self, item_id: str, target: str) -> bool: ...

    def write(self, item_id: str, target: str, content: str) -> None: ...

    def close(self) -> None: ...


class FolderSink:
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
            raise SummarizeError(f"{root}: cannot create folder: {os_reason(exc)}") from None

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


class JsonlSink:
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
            raise SummarizeError(f"{path}: cannot write: {os_reason(exc)}") from None
        try:
            if force:
                os.ftruncate(self._fd, 0)
            else:
                self._resume()
        except OSError as exc:
            os.close(self._fd)
            raise SummarizeError(f"{path}: cannot read: {os_reason(exc)}") from None

    def _resume(self) -> None:
        """Collect the ids of the complete lines already written; cut off a torn last line."""
        if not stat.S_ISREG(os.fstat(self._fd).st_mode):  # a device: nothing to read back
            return
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
        """Append one line; when the file takes only part of it (a full disk), the part
        is cut off again before the error goes on, so the file ends with a whole line."""
        data = content.encode("utf-8")
        written = 0
        try:
            while written < len(data):  # a regular file takes it whole unless it is full
                written += os.write(self._fd, data[written:])
        except OSError:
            if written:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, os.fstat(self._fd).st_size - written)
            raise
        self._done.add(item_id)

    def close(self) -> None:
        os.close(self._fd)


def open_sink(batch: Batch) -> Sink:
    """The sink of ``batch``'s output: a ``.jsonl`` file, or a folder (checked first)."""
    if batch.output_form == "jsonl":
        return JsonlSink(batch.output, batch.force)
    check_output_folder(batch)
    return FolderSink(batch.output, DIGEST_FILE_FORMATS[batch.output_form].suffix)


def check_output_folder(batch: Batch) -> None:
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
