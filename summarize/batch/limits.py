"""Bounds a batch keeps to: how many workers, how long an output name, which files to read.

* :func:`worker_count`: the worker processes to start, at most one per input and one per
  CPU (``0`` or None asks for one per CPU), with a note when fewer than asked for are used;
* :func:`output_name` and :func:`fit_name`: output file names cut to :data:`NAME_BYTES`
  bytes of UTF-8 (file systems limit names to 255 *bytes*, and a character may take four),
  at a character boundary, with a short hash of the whole name so that cut names stay
  unique;
* :func:`input_file_problem` and :func:`outside_link_problem` (over
  :func:`summarize.inputs.read.is_inside`): a folder input's files are read only when they
  are regular files, and through a symbolic link only when it stays inside the folder
  (unless links are to be followed out of it).

Pure functions; nothing here keeps state.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat

from summarize.errors import SummarizeError
from summarize.inputs.read import is_inside

# The longest file name common file systems take, in bytes.
NAME_MAX = 255
# What an output file name may add to the name it is given: ".json" (the longest suffix),
# and the hidden temporary name it is first written under (".NAME.SUFFIX.12345678.tmp").
SUFFIX_BYTES = len(".json")
TEMPORARY_BYTES = len("..12345678.tmp")
# The longest name :func:`output_name` gives, so the output and its temporary name fit.
NAME_BYTES = NAME_MAX - SUFFIX_BYTES - TEMPORARY_BYTES
# A cut name ends with this mark and the first hex digits of a hash of the whole name;
# "~" is never in a name :func:`output_name` makes from an id, so a cut name cannot be an
# uncut one.
CUT_MARK = "~"
HASH_DIGITS = 12

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a folder"),
)


def worker_count(requested: int | None, inputs: int | None, cpus: int) -> tuple[int, str | None]:
    """How many worker processes to start, and a note when it is fewer than ``requested``.

    ``requested`` None or 0 means one per CPU. The count is at most ``cpus`` (more
    processes than cores only compete for them) and at most ``inputs`` (a worker without
    an input only costs its start; None when the number is not known), and at least 1.
    Raises :class:`SummarizeError` for a negative ``requested``.
    """
    if requested is not None and requested < 0:
        raise SummarizeError(f"jobs must be at least 0 (0: one per CPU), got {requested}")
    cpus = max(1, cpus)
    wanted = requested or cpus
    jobs = min(wanted, cpus)
    if inputs is not None:
        jobs = min(jobs, max(1, inputs))
    if not requested or jobs == requested:
        return jobs, None
    reasons = []
    if inputs is not None and jobs == max(1, inputs):
        reasons.append(f"{inputs:,} input" + ("" if inputs == 1 else "s"))
    if jobs == cpus:
        reasons.append(f"{cpus:,} CPU" + ("" if cpus == 1 else "s"))
    processes = "process" if jobs == 1 else "processes"
    return jobs, f"{jobs:,} worker {processes} instead of {requested:,}: {' and '.join(reasons)}"


def output_name(item_id: str, max_bytes: int = NAME_BYTES) -> str:
    """A safe file name for an input's id: letters, digits, ``_``, ``-`` and ``.`` (not
    first; anything else becomes ``_``), cut by :func:`fit_name` to ``max_bytes``."""
    name = re.sub(r"[^\w.-]", "_", item_id)
    name = "_" + name[1:] if name.startswith(".") else name or "_"
    return fit_name(name, max_bytes, whole=item_id)


def fit_name(name: str, max_bytes: int = NAME_BYTES, whole: str | None = None) -> str:
    """``name`` when its UTF-8 takes at most ``max_bytes`` bytes; else its longest start
    that leaves room for ``~`` and :data:`HASH_DIGITS` hex digits of a hash of ``whole``
    (default: ``name``), cut between characters, followed by them. Names that were not
    valid UTF-8 (undecodable bytes from the file system) are measured in their bytes."""
    if _size(name) <= max_bytes:
        return name
    tail = CUT_MARK + hashlib.blake2b(_bytes(whole if whole is not None else name)).hexdigest()
    tail = tail[: min(1 + HASH_DIGITS, max_bytes)]
    room = max(0, max_bytes - len(tail))
    kept, used = [], 0
    for character in name:
        size = _size(character)
        if used + size > room:
            break
        kept.append(character)
        used += size
    return "".join(kept) + tail


def not_regular(mode: int) -> str | None:
    """What a file of this mode is when it is not a regular file (``"a named pipe"``...),
    else None."""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def input_file_problem(root: str, path: str, follow_links: bool = False) -> str | None:
    """Why the file at ``path`` in the input folder ``root`` must not be read, or None.

    Only regular files are read (opening a named pipe blocks, a device may never end). A
    symbolic link is followed only to a file inside ``root``, or anywhere with
    ``follow_links``. Looks at the path without opening it.
    """
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            try:
                info = os.stat(path)
            except FileNotFoundError:
                return "broken symbolic link"
            problem = outside_link_problem(root, path, follow_links)
            if problem is not None:
                return problem
    except OSError as exc:
        return f"cannot read: {_reason(exc)}"
    kind = not_regular(info.st_mode)
    return None if kind is None else f"{kind}, not a regular file; not read"


def outside_link_problem(root: str, path: str, follow_links: bool = False) -> str | None:
    """Why ``path`` in the input folder ``root`` must not be read when it is a symbolic
    link that leads out of ``root`` (None when it does not, or with ``follow_links``)."""
    if follow_links or not os.path.islink(path) or is_inside(root, path):
        return None
    return (
        f"a symbolic link to {os.path.realpath(path)}, outside the input folder; "
        "not read without --follow-links"
    )


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _size(text: str) -> int:
    return len(_bytes(text))


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]
