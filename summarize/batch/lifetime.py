"""Worker processes that do not outlive the batch that started them.

A worker of a process pool blocks writing its results to a pipe that only its parent
reads. When the parent dies without a word (``kill -9``, the out-of-memory killer), nothing
tells the worker: it holds its own copy of the pipe, so it never sees the other end close,
and it waits under PID 1 for good with all its memory.

:func:`exit_with_parent` is a pool's worker *initializer* that prevents this:

* on Linux, it asks the kernel to send the worker ``SIGKILL`` when its parent dies
  (``prctl(PR_SET_PDEATHSIG)``). The parent is the process that forked the worker: the
  batch itself, or a fork server that exits as soon as the batch does;
* everywhere, a daemon thread also checks every :data:`POLL_SECONDS` whether the worker's
  parent is still the one it started with (``os.getppid()`` changes when the parent dies),
  and ends the worker at once when it is not. It covers platforms without ``prctl`` and a
  parent that died before the request was made.

Nothing here keeps state between calls; each worker gets its own thread.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

# prctl option that sets the signal a process gets when its parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# How often the fallback thread looks at the parent's process id.
POLL_SECONDS = 0.5
# The status of a worker that ends because its parent is gone.
ORPHAN_STATUS = 1


def exit_with_parent(
    expected_parent: int | None = None, poll_seconds: float = POLL_SECONDS
) -> None:
    """Make the calling process end when its parent process dies (see the module's notes).

    Meant as ``initializer=`` of a process pool; call it first thing in the worker.
    ``expected_parent`` is the process id the parent had when it forked this one (the
    batch's own, for workers it forks itself): when the parent is no longer that process,
    it died before the kernel request was made, and the worker ends at once. Never raises:
    where the kernel request is unavailable the polling thread still works.
    """
    parent = os.getppid()
    request_death_signal(signal.SIGKILL)
    if os.getppid() != parent or (expected_parent is not None and parent != expected_parent):
        os._exit(ORPHAN_STATUS)  # the parent died before the request
    watcher = threading.Thread(
        target=_watch_parent,
        args=(parent, poll_seconds),
        name="summarize-parent-watch",
        daemon=True,
    )
    watcher.start()


def request_death_signal(signum: int) -> bool:
    """Ask the kernel to send ``signum`` to this process when its parent dies; True when
    it agreed (Linux only; False elsewhere or when ``prctl`` cannot be called)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)) == 0
    except (OSError, AttributeError):  # no libc, or no prctl in it
        return False


def _watch_parent(parent: int, poll_seconds: float) -> None:
    """End this process as soon as its parent is no longer ``parent``."""
    while True:
        time.sleep(poll_seconds)
        if os.getppid() != parent:
            os._exit(ORPHAN_STATUS)
