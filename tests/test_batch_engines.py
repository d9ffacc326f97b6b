"""Batch engines: bounded work in flight, results in input order, retries when a worker
dies, Ctrl-C while workers start, local worker processes and Dask."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import summarize.batch.run as batch_run
from summarize.batch.engines import DaskEngine, LocalEngine, can_fork, interrupts_deferred
from summarize.batch.plan import Batch, Planned, Result, Settings, Task
from summarize.batch.run import IN_FLIGHT_PER_SLOT, execute, run_batch
from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.options import DigestOptions

from .test_batch import SERIAL, make_folder, read_tree, write_clusters

# -- engines -----------------------------------------------------------------------------------


class ReversedRunner:
    """A fake engine that finishes the chunks it holds newest first, records how many were
    in flight at most, and fails as a whole (as when its worker dies) every chunk of several
    that holds a task whose id is in ``deadly``."""

    slots = 2
    chunk = 3

    def __init__(self, deadly: frozenset[str] = frozenset()) -> None:
        self.most = 0
        self.held: list[tuple[Task, ...]] = []
        self.deadly = deadly

    def submit(self, tasks: Sequence[Task], settings: Settings) -> tuple[Task, ...]:
        assert 1 <= len(tasks) <= self.chunk
        self.held.append(tuple(tasks))
        self.most = max(self.most, len(self.held))
        return self.held[-1]

    def wait(self, handles: Collection[Any]) -> Collection[Any]:
        return [self.held[-1]]

    def result(self, handle: tuple[Task, ...]) -> list[Result]:
        self.held.remove(handle)
        if any(task.id in self.deadly for task in handle):
            raise RuntimeError("the worker died")
        return [Result(task.id, content=f"{task.id}\n") for task in handle]

    def close(self, cancel: bool) -> None:
        pass


def planned_lines(count: int) -> Iterator[Planned]:
    return (Planned(n, f"i{n}", "", task=Task(f"i{n}", "line", "{}", "x")) for n in range(count))


def test_work_in_flight_is_bounded_and_results_come_in_input_order() -> None:
    runner = ReversedRunner()
    settings = Settings(DigestOptions(), "jsonl")
    results = list(execute(planned_lines(1000), runner, settings))
    assert [entry.id for entry, _ in results] == [f"i{n}" for n in range(1000)]
    assert all(result.content == f"{entry.id}\n" for entry, result in results)
    assert runner.most == runner.slots * IN_FLIGHT_PER_SLOT


def test_a_chunk_whose_worker_dies_is_retried_one_by_one_and_only_the_culprit_fails() -> None:
    runner = ReversedRunner(deadly=frozenset({"i7"}))
    results = list(execute(planned_lines(20), runner, Settings(DigestOptions(), "jsonl")))
    assert [entry.id for entry, _ in results] == [f"i{n}" for n in range(20)]
    failed = {entry.id: result.error for entry, result in results if result.content is None}
    assert list(failed) == ["i7"]
    assert "the worker failed: RuntimeError: the worker died" in (failed["i7"] or "")


def test_ctrl_c_while_a_worker_starts_is_held_back_until_it_has() -> None:
    # A run started in the background may begin with SIGINT ignored: start from Python's own.
    original = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        steps = []
        with pytest.raises(KeyboardInterrupt), interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.01)  # the handler runs between bytecodes
            steps.append("still running")
        assert steps == ["still running"]
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, original)


def test_ctrl_c_held_back_stays_ignored_when_interrupts_are_ignored() -> None:
    original = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.01)
        time.sleep(0.01)  # nothing is raised here either
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, original)


def test_worker_processes_give_the_same_outputs_as_one_process(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 6)
    (source / "empty.txt").write_bytes(b"")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    one = run_batch(Batch(str(source), str(serial), format="json"), SERIAL)
    two = run_batch(Batch(str(source), str(parallel), format="json"), LocalEngine(jobs=2))
    assert (two.done, two.failed) == (one.done, one.failed) == (6, 1)
    assert read_tree(parallel) == read_tree(serial)


@pytest.mark.skipif(not can_fork(), reason="workers are not forked here")
def test_a_worker_dying_loses_no_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers inherit this patch: the worker that gets story 03 dies on the spot
    # (as when the kernel kills it), taking its whole chunk down. The chunk's inputs are
    # tried again one by one in a new pool, whose workers are not forked from this process
    # (it has threads by then) and so summarize story 03 normally.
    source = make_folder(tmp_path / "in", 12)
    marker = tmp_path / "died"
    parent = os.getpid()
    real = batch_run.digest

    def dying(documents: Any, options: Any) -> Any:
        if os.getpid() != parent and "story-03" in (documents[0].path or ""):
            marker.write_text("died")
            os._exit(1)
        return real(documents, options)

    monkeypatch.setattr(batch_run, "digest", dying)
    report = run_batch(Batch(str(source), str(tmp_path / "out")), LocalEngine(jobs=2))
    assert marker.exists()
    assert (report.done, report.failed) == (12, 0)
    assert len(list((tmp_path / "out").glob("*.txt"))) == 12


def test_the_dask_engine_gives_the_same_outputs_as_the_local_one(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder = make_folder(tmp_path / "in", 6)
    (folder / "empty.txt").write_bytes(b"")
    clusters = write_clusters(tmp_path / "clusters.jsonl")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        worker_dashboard_address=None,
    ) as cluster:
        engine = DaskEngine(cluster.scheduler_address)
        for source, name in ((folder, "out"), (clusters, "out.jsonl")):
            local, remote = tmp_path / "local" / name, tmp_path / "dask" / name
            by_local = run_batch(Batch(str(source), str(local), format="json"), SERIAL)
            by_dask = run_batch(Batch(str(source), str(remote), format="json"), engine)
            assert by_dask.done == by_local.done > 0
            assert by_dask.failures == by_local.failures
        assert read_tree(tmp_path / "dask") == read_tree(tmp_path / "local")
        # And through the command line.
        code = main(
            [
                *("batch", str(clusters), "-o", str(tmp_path / "cli.jsonl")),
                *("--engine", "dask", "--scheduler", cluster.scheduler_address),
            ]
        )
        assert code == 1  # the bad lines of write_clusters
        assert (tmp_path / "cli.jsonl").read_bytes() == (
            tmp_path / "local" / "out.jsonl"
        ).read_bytes()


def test_an_unreachable_scheduler_is_one_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    source = make_folder(tmp_path / "in", 1)
    engine = DaskEngine("tcp://127.0.0.1:9", timeout=2)
    with pytest.raises(SummarizeError, match="cannot reach the Dask scheduler"):
        run_batch(Batch(str(source), str(tmp_path / "out")), engine)
