"""Engines: where a batch's tasks run, in chunks of a few inputs so that handing work to
another process costs little against the work itself.

* :class:`LocalEngine`: ``jobs`` worker processes (in this process when ``jobs`` is 1), at
  most one per CPU and per input (:func:`summarize.batch.limits.worker_count`); each
  exits when this process dies, even by ``kill -9`` (:mod:`summarize.batch.lifetime`);
* :class:`DaskEngine`: the workers of an existing Dask distributed cluster (the optional
  ``dask`` extra). Its workers must have this package installed and, for folder inputs,
  see the input at the same absolute path (a shared file system).

An engine is started with the work to run on each chunk (:data:`Work`, in practice
:func:`summarize.batch.run.summarize_tasks`) and gives a :class:`Runner`.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Collection, Iterator, Sequence
from concurrent import futures
from dataclasses import dataclass
from typing import Any, Protocol

from summarize import __version__
from summarize.batch.lifetime import exit_with_parent
from summarize.batch.limits import worker_count
from summarize.batch.plan import Result, Settings, Task
from summarize.errors import SummarizeError

# Inputs per chunk sent to a worker process: enough to make the cost of sending one small
# against the work (a Multi-News cluster takes a few milliseconds), few enough that a slow
# input holds back little and that, when a worker dies, few others must be tried again.
POOL_CHUNK = 8
# Environment variables that size the thread pools of numpy's BLAS and OpenMP.
THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
# The module the workers run (imported in each as it starts).
WORKER_MODULE = "summarize.batch.run"

Work = Callable[[Sequence[Task], Settings], list[Result]]
"""What runs on each chunk of tasks: their results, in order."""


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
    """Worker processes on this machine: ``jobs`` of them (None or 0: one per core), never
    more than the cores or the inputs (:func:`summarize.batch.limits.worker_count`). With
    one job the work runs in this process, one input after another. Every worker exits
    when this process dies (:func:`summarize.batch.lifetime.exit_with_parent`)."""

    jobs: int | None = None

    def workers(self, inputs: int | None = None) -> tuple[int, str | None]:
        """How many worker processes a run of ``inputs`` inputs (None: not known) starts,
        and a note when that is fewer than :attr:`jobs`."""
        return worker_count(self.jobs, inputs, default_jobs())

    def start(self, work: Work, inputs: int | None = None) -> Runner:
        """Start the workers, which run ``work`` on each chunk; at most one per input when
        the number of ``inputs`` is known."""
        jobs, _ = self.workers(inputs)
        return _InProcess(work) if jobs == 1 else _Pool(jobs, work)


@dataclass(frozen=True)
class DaskEngine:
    """The workers of a running Dask distributed cluster, reached through its scheduler's
    ``address`` (``tcp://host:8786``). Needs the ``dask`` extra here and this package on
    every worker."""

    address: str
    timeout: float = 30.0

    def start(self, work: Work, inputs: int | None = None) -> Runner:
        """Connect to the scheduler and check the workers; they run ``work`` on each chunk
        (``inputs`` is not used: the cluster's workers are already there)."""
        return _Dask(self.address, self.timeout, work)


Engine = LocalEngine | DaskEngine


class _Done:
    """A finished handle of the in-process runner."""

    def __init__(self, results: list[Result]) -> None:
        self.value = results


class _InProcess:
    slots = 1
    chunk = 1

    def __init__(self, work: Work) -> None:
        self.work = work

    def submit(self, tasks: Sequence[Task], settings: Settings) -> _Done:
        return _Done(self.work(tasks, settings))

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

    def __init__(self, jobs: int, work: Work) -> None:
        self.slots = jobs
        self.work = work
        if can_fork():
            # Forked from this process, the workers start at once with everything imported
            # and warmed up (the options were tried on a small text). Forked now, while this
            # process has no other thread, and with Ctrl-C ignored in them (see _mp_context).
            import multiprocessing

            context = multiprocessing.get_context("fork")
            self._pool = futures.ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=context,
                initializer=exit_with_parent,  # no worker outlives this process
                initargs=(os.getpid(),),
            )
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                self._pool.submit(worker_version)  # starts every worker
            finally:
                signal.signal(signal.SIGINT, previous)
        else:
            self._pool = self._new_pool()

    def _new_pool(self) -> futures.ProcessPoolExecutor:
        context = _mp_context(self.slots)
        # Forked by the fork server, which exits when this process does.
        return futures.ProcessPoolExecutor(
            max_workers=self.slots, mp_context=context, initializer=exit_with_parent
        )

    def submit(self, tasks: Sequence[Task], settings: Settings) -> futures.Future[list[Result]]:
        with interrupts_deferred():  # submitting may start a worker: never leave one half-made
            try:
                return self._pool.submit(self.work, tasks, settings)
            except futures.process.BrokenProcessPool:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = self._new_pool()
                return self._pool.submit(self.work, tasks, settings)

    def wait(self, handles: Collection[futures.Future[list[Result]]]) -> Collection[Any]:
        return futures.wait(handles, return_when=futures.FIRST_COMPLETED).done

    def result(self, handle: futures.Future[list[Result]]) -> list[Result]:
        return handle.result()

    def close(self, cancel: bool) -> None:
        # Waits even when cancelling: the inputs in hand are finished (and thrown away), and
        # no worker still starting up finds the pool's pipes and locks gone.
        self._pool.shutdown(wait=True, cancel_futures=cancel)


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
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


def can_fork() -> bool:
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
    context.set_forkserver_preload([WORKER_MODULE])  # each worker starts with us imported
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
    def __init__(self, address: str, timeout: float, work: Work) -> None:
        self.work = work
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
        future = self._client.submit(self.work, tasks, settings, pure=False)
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


def worker_version() -> str:
    """The version of this package where the call runs (checked on Dask workers)."""
    return __version__
