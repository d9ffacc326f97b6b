"""The one progress bar of long runs (``summarize batch``, ``summarize eval``): what is
being done, a bar, done of total, the rate, elapsed time, time left and a note.

It is shown only on a terminal, disappears when the run ends, and is redrawn by the
updates themselves (at most every :data:`REFRESH_SECONDS`), never by a thread of its own:
a process with no other thread can fork its worker processes (see
:mod:`summarize.batch.engines`).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Task as BarTask
from rich.text import Text

REFRESH_SECONDS = 0.1  # the bar is redrawn at most this often


class RateColumn(ProgressColumn):
    """Items per second."""

    def render(self, task: BarTask) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


class ProgressBar:
    """A bar on the terminal for one run; see :func:`progress_bar`."""

    def __init__(self, progress: Progress, task_id: TaskID) -> None:
        self._progress = progress
        self._task_id = task_id
        self._drawn = time.monotonic()

    @property
    def total(self) -> float | None:
        """The number of items in all, None while unknown."""
        return next(t.total for t in self._progress.tasks if t.id == self._task_id)

    def update(
        self,
        *,
        completed: int | None = None,
        total: float | None = None,
        advance: int = 0,
        note: str | None = None,
    ) -> None:
        """Set the items done (or move on by ``advance``), the total, or the note."""
        self._progress.update(
            self._task_id, completed=completed, total=total, advance=advance or None
        )
        if note is not None:
            self._progress.update(self._task_id, note=note)
        now = time.monotonic()
        if now - self._drawn >= REFRESH_SECONDS:
            self._progress.refresh()
            self._drawn = now

    def done_of(self, done: int, total: int) -> None:
        """A progress callback taking (items done, items in all)."""
        self.update(completed=done, total=total)


@contextmanager
def progress_bar(
    console: Console, description: str, total: int | None = None
) -> Iterator[ProgressBar | None]:
    """A :class:`ProgressBar` on ``console`` while the block runs, if it is a terminal
    (None otherwise); ``total`` None while the number of items is not known yet."""
    if not console.is_terminal:
        yield None
        return
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[note]}", style="yellow"),
        console=console,
        transient=True,
        auto_refresh=False,
    )
    with progress:
        task_id = progress.add_task(description, total=total, note="")
        progress.refresh()
        yield ProgressBar(progress, task_id)
