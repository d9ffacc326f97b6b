"""When an output cannot be written at all: stop the run, not fail every input.

A write that fails because of one input (its file name, a sub-folder that cannot be made)
fails that input alone. A write that fails because of the output itself (the disk or quota
is full, the file has reached the size limit, the file system went read-only or away)
would fail every input after it the same way, so it stops the run with one
:class:`OutputFailed` instead: what was written stays (a rerun skips it and goes on), and
a JSONL output is cut back to its last whole line.

:func:`is_fatal` tells the two apart. Every failed write to a JSONL output is fatal: its
inputs all share the one file.
"""

from __future__ import annotations

import errno

from summarize.errors import SummarizeError

# Errors of a write that say the output as a whole is unusable, not one input's file.
FATAL_ERRNOS = frozenset(
    number
    for number in (
        errno.ENOSPC,  # no space left on device
        getattr(errno, "EDQUOT", None),  # disk quota exceeded
        errno.EFBIG,  # file too large (RLIMIT_FSIZE, the file system's own limit)
        errno.EROFS,  # read-only file system
        errno.EIO,  # input/output error
        getattr(errno, "ESTALE", None),  # stale file handle (NFS)
        getattr(errno, "ENOTCONN", None),  # the file system's server is gone (FUSE)
    )
    if number is not None
)


class OutputFailed(SummarizeError):
    """The output cannot be written any more; the run stops. ``written`` inputs were
    written before (this run), and stay."""

    def __init__(self, output: str, reason: str, written: int) -> None:
        inputs = "input" if written == 1 else "inputs"
        super().__init__(
            f"{output}: cannot write: {reason}; stopped after {written:,} {inputs} written "
            "this run; run the same command again to go on once the output can be written"
        )
        self.output = output
        self.reason = reason
        self.written = written


def is_fatal(exc: OSError, shared: bool = False) -> bool:
    """Whether a failed write stops the run: always for an output ``shared`` by every
    input (one JSONL file), else when the error is about the output as a whole
    (:data:`FATAL_ERRNOS`)."""
    return shared or exc.errno in FATAL_ERRNOS


def os_reason(exc: OSError) -> str:
    """An OS error's reason in lower case, without the path (``"no space left on device"``)."""
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]
