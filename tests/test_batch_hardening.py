"""Batch hardening (#14): workers die with their parent, worker counts, a full disk, links
and special files in an input folder, long ids, line numbers in failures.

Real processes and real files: the batch command runs in a subprocess where processes,
signals or file-size limits are what is tested.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarize.batch.fatal import FATAL_ERRNOS, OutputFailed, is_fatal
from summarize.batch.lifetime import exit_with_parent, request_death_signal
from summarize.batch.limits import (
    NAME_BYTES,
    NAME_MAX,
    fit_name,
    input_file_problem,
    output_name,
    worker_count,
)
from summarize.cli.app import main
from summarize.errors import SummarizeError
from summarize.inputs.read import is_inside

ROOT = Path(__file__).resolve().parent.parent
WORDS = (
    "council budget school river bridge museum hospital vote plan water road park library "
    "station market harbour police weather festival report inquiry staff"
).split()


def article(seed: int, sentences: int = 6) -> str:
    rng = random.Random(seed)
    lines = [" ".join(rng.choice(WORDS).title() for _ in range(5)), ""]
    body = []
    for _ in range(sentences):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        body.append(" ".join(["The", *words]) + ".")
    lines.append(" ".join(body))
    return "\n".join(lines) + "\n"


def cluster_line(cluster_id: str, seed: int) -> str:
    documents = [{"id": str(n), "title": None, "text": article(seed * 10 + n)} for n in range(3)]
    return json.dumps({"id": cluster_id, "documents": documents}, ensure_ascii=False)


def write_jsonl(path: Path, count: int) -> Path:
    path.write_text("".join(cluster_line(f"c{n}", n) + "\n" for n in range(count)), "utf-8")
    return path


def make_folder(root: Path, count: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (root / f"story{n}.txt").write_text(article(n), encoding="utf-8")
    return root


def environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def batch_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarize", "batch", *args]


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["batch", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- 5: workers exit when their parent dies ----------------------------------------------------


def children(pid: int) -> set[int]:
    """The process ids whose parent is ``pid`` (from /proc)."""
    found = set()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat_line = Path(f"/proc/{name}/stat").read_text()
            fields = stat_line[stat_line.rindex(")") + 2 :].split()
            if int(fields[1]) == pid:
                found.add(int(name))
    return found


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped does not)."""
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat_line[stat_line.rindex(")") + 2] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_batch_is_killed(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        batch_command(str(source), "-o", str(out), "--jobs", "2"),
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while time.monotonic() < deadline:  # both workers started, and working
            workers = children(process.pid)
            if len(workers) >= 2 and out.exists() and out.stat().st_size > 0:
                break
            assert process.poll() is None, "the batch ended before it could be killed"
            time.sleep(0.05)
        assert len(workers) >= 2
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = [pid for pid in workers if alive(pid)]
        assert left == [], f"workers {left} outlived their parent"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # everything the test started
        process.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_the_death_signal_request_is_granted_on_linux() -> None:
    # In a child, so the request does not outlive the test in this process.
    code = (
        "import signal, sys\n"
        "from summarize.batch.lifetime import request_death_signal\n"
        "sys.exit(0 if request_death_signal(signal.SIGKILL) else 3)\n"
    )
    assert subprocess.run([sys.executable, "-c", code], env=environment()).returncode == 0
    assert callable(exit_with_parent) and callable(request_death_signal)


def test_a_worker_whose_parent_died_before_it_started_exits_at_once() -> None:
    code = (
        "import os\n"
        "from summarize.batch.lifetime import exit_with_parent\n"
        "exit_with_parent(expected_parent=os.getppid() + 1)\n"
        "raise SystemExit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env=environment())
    assert result.returncode == 1


def test_the_fallback_thread_ends_an_orphan(tmp_path: Path) -> None:
    """Without the kernel's help (prctl is made to fail), the polling thread still ends a
    worker whose parent died: a middle process starts the worker, prints its pid and dies."""
    marker = tmp_path / "worker.pid"
    code = (
        "import os, sys, time\n"
        "import summarize.batch.lifetime as lifetime\n"
        "lifetime.request_death_signal = lambda signum: False\n"
        "if os.fork() == 0:\n"
        "    lifetime.exit_with_parent(poll_seconds=0.1)\n"
        f"    open({str(marker)!r}, 'w').write(str(os.getpid()))\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        f"while not os.path.exists({str(marker)!r}):\n"
        "    time.sleep(0.01)\n"
        "time.sleep(0.05)\n"
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=environment(), check=True)
    worker = int(marker.read_text())
    deadline = time.monotonic() + 5
    while alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert not alive(worker)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker, signal.SIGKILL)


# -- 6: how many workers ------------------------------------------------------------------------


def test_worker_count_is_capped_at_the_inputs_and_cpus() -> None:
    assert worker_count(1000, 60, 2) == (2, "2 worker processes instead of 1,000: 2 CPUs")
    assert worker_count(1000, 3, 8) == (3, "3 worker processes instead of 1,000: 3 inputs")
    assert worker_count(4, 1, 1)[0] == 1
    assert worker_count(4, 1, 1)[1] == "1 worker process instead of 4: 1 input and 1 CPU"
    assert worker_count(2, 60, 8) == (2, None)
    assert worker_count(0, 60, 8) == (8, None)  # 0: one per CPU, no note
    assert worker_count(None, 3, 8) == (3, None)
    assert worker_count(None, None, 8) == (8, None)
    assert worker_count(3, 0, 8) == (1, "1 worker process instead of 3: 0 inputs")
    with pytest.raises(SummarizeError, match="at least 0"):
        worker_count(-1, 5, 2)


def test_cli_jobs_is_capped_with_a_note_and_0_means_one_per_cpu(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = make_folder(tmp_path / "in", 3)
    code, stdout, stderr = run_cli(capsys, str(source), "-o", str(tmp_path / "a"), "--jobs", "1000")
    assert code == 0, stderr
    assert stdout.startswith("3 done, 0 skipped, 0 failed")
    cpus = len(os.sched_getaffinity(0))
    used = min(3, cpus)
    assert stderr.startswith(f"summarize: note: {used} worker process")
    assert "instead of 1,000" in stderr and len(stderr.splitlines()) == 1
    code, stdout, stderr = run_cli(capsys, str(source), "-o", str(tmp_path / "b"), "--jobs", "0")
    assert (code, stderr) == (0, "")
    assert stdout.startswith("3 done")
    code, _, stderr = run_cli(capsys, str(source), "-o", str(tmp_path / "c"), "--jobs", "-1")
    assert code == 2 and "at least 0" in stderr


# -- 7: an output that cannot be written at all ---------------------------------------------------


def test_fatal_errors_are_those_of_the_output_as_a_whole() -> None:
    assert is_fatal(OSError(errno.ENOSPC, "No space left on device"))
    assert is_fatal(OSError(errno.EFBIG, "File too large"))
    assert is_fatal(OSError(errno.EROFS, "Read-only file system"))
    assert errno.EDQUOT in FATAL_ERRNOS and errno.EIO in FATAL_ERRNOS
    assert not is_fatal(OSError(errno.ENAMETOOLONG, "File name too long"))
    assert not is_fatal(OSError(errno.EISDIR, "Is a directory"))
    assert is_fatal(OSError(errno.EISDIR, "Is a directory"), shared=True)
    message = str(OutputFailed("out.jsonl", "no space left on device", 40))
    assert message.startswith("out.jsonl: cannot write: no space left on device; stopped after 40")
    assert "\n" not in message


def limited_file_size(limit: int) -> None:
    """For a child process: files may grow to ``limit`` bytes; past it a write fails with
    EFBIG instead of the process being killed by SIGXFSZ."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def assert_whole_lines(path: Path) -> list[str]:
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n"), "a torn last line was left"
    return [json.loads(line)["id"] for line in data.decode("utf-8").splitlines()]


def test_a_file_size_limit_stops_a_jsonl_run_with_one_line_and_resume_goes_on(
    tmp_path: Path,
) -> None:
    """The output hits RLIMIT_FSIZE (EFBIG) like a full disk: one error line, exit 2, whole
    lines kept; without the limit, a rerun writes the rest."""
    source = write_jsonl(tmp_path / "in.jsonl", 40)
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        batch_command(str(source), "-o", str(out), "--jobs", "1"),
        env=environment(),
        capture_output=True,
        text=True,
        preexec_fn=lambda: limited_file_size(20_000),
        timeout=120,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"summarize: error: {out}: cannot write: file too large; stopped")
    written = assert_whole_lines(out)
    assert 0 < len(written) < 40
    assert f"stopped after {len(written)} inputs written" in lines[0]
    again = subprocess.run(
        batch_command(str(source), "-o", str(out), "--jobs", "1"),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.startswith(f"{40 - len(written)} done, {len(written)} skipped, 0 failed")
    assert sorted(assert_whole_lines(out)) == sorted(f"c{n}" for n in range(40))


@contextlib.contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted on ``folder`` (needs root; skips the test otherwise)."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def grow(folder: Path, size: str) -> None:
    subprocess.run(["mount", "-o", f"remount,size={size}", str(folder)], check=True)


def test_a_full_disk_stops_a_jsonl_run_with_one_line_and_resume_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 60)
    with small_disk(tmp_path / "disk", "64k") as disk:
        out = disk / "out.jsonl"
        code, stdout, stderr = run_cli(capsys, str(source), "-o", str(out), "--jobs", "1")
        assert code == 2
        assert stdout == ""
        assert len(stderr.splitlines()) == 1, stderr
        assert f"{out}: cannot write: no space left on device; stopped after" in stderr
        written = assert_whole_lines(out)
        assert 0 < len(written) < 60
        grow(disk, "4m")
        code, stdout, stderr = run_cli(capsys, str(source), "-o", str(out), "--jobs", "1")
        assert code == 0, stdout + stderr
        assert stdout.startswith(f"{60 - len(written)} done, {len(written)} skipped, 0 failed")
        assert sorted(assert_whole_lines(out)) == sorted(f"c{n}" for n in range(60))


def test_a_full_disk_stops_a_folder_run_with_one_line_and_leaves_no_temporary_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 60)
    with small_disk(tmp_path / "disk", "48k") as disk:
        out = disk / "out"
        code, stdout, stderr = run_cli(
            capsys, str(source), "-o", str(out), "--jobs", "1", "--format", "json"
        )
        assert (code, stdout) == (2, "")
        assert len(stderr.splitlines()) == 1, stderr
        assert "no space left on device; stopped after" in stderr
        names = sorted(os.listdir(out))
        assert all(name.endswith(".json") for name in names), names
        for name in names:
            json.loads((out / name).read_text("utf-8"))  # every file whole
        grow(disk, "4m")
        code, stdout, _ = run_cli(
            capsys, str(source), "-o", str(out), "--jobs", "1", "--format", "json"
        )
        assert code == 0
        assert stdout.startswith(f"{60 - len(names)} done, {len(names)} skipped, 0 failed")


# -- 8: links out of the folder and special files --------------------------------------------------


def test_pure_file_checks(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in", 1)
    outside = tmp_path / "secret.txt"
    outside.write_text(article(9), encoding="utf-8")
    (folder / "out.txt").symlink_to(outside)
    (folder / "in.txt").symlink_to(folder / "story0.txt")
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    os.mkfifo(folder / "pipe.txt")
    assert is_inside(str(folder), str(folder / "in.txt"))
    assert not is_inside(str(folder), str(folder / "out.txt"))
    assert input_file_problem(str(folder), str(folder / "story0.txt")) is None
    assert input_file_problem(str(folder), str(folder / "in.txt")) is None
    problem = input_file_problem(str(folder), str(folder / "out.txt"))
    assert problem is not None and "outside the input folder" in problem
    assert input_file_problem(str(folder), str(folder / "out.txt"), follow_links=True) is None
    assert input_file_problem(str(folder), str(folder / "gone.txt")) == "broken symbolic link"
    assert input_file_problem(str(folder), str(folder / "pipe.txt")) == (
        "a named pipe, not a regular file; not read"
    )


def test_links_out_of_the_folder_and_fifos_fail_alone(tmp_path: Path) -> None:
    source = make_folder(tmp_path / "in", 2)
    secret = tmp_path / "secret.txt"
    secret.write_text("The secret plan was approved. " * 20, encoding="utf-8")
    (source / "link.txt").symlink_to(secret)
    (source / "inside.txt").symlink_to(source / "story0.txt")
    os.mkfifo(source / "pipe.txt")
    (source / "sub").mkdir()
    os.mkfifo(source / "sub" / "deep.txt")
    out = tmp_path / "out"
    result = subprocess.run(
        batch_command(str(source), "-o", str(out), "--jobs", "1"),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,  # a FIFO that is opened blocks for ever
    )
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("3 done, 0 skipped, 3 failed")
    failed = lines[lines.index("failed:") + 1 :]
    assert failed == [
        f"  {source / 'link.txt'}: a symbolic link to {secret}, outside the input folder; "
        "not read without --follow-links",
        f"  {source / 'pipe.txt'}: a named pipe, not a regular file; not read",
        f"  {source / 'sub' / 'deep.txt'}: a named pipe, not a regular file; not read",
    ]
    assert not (out / "link.txt").exists()
    assert sorted(os.listdir(out)) == ["inside.txt", "story0.txt", "story1.txt"]
    followed = subprocess.run(
        batch_command(str(source), "-o", str(out), "--jobs", "1", "--follow-links"),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert followed.returncode == 1
    assert followed.stdout.startswith("1 done, 3 skipped, 2 failed")
    assert "secret plan" in (out / "link.txt").read_text(encoding="utf-8")


def test_a_cluster_folder_linked_from_outside_is_not_read(tmp_path: Path) -> None:
    source = tmp_path / "in"
    make_folder(source / "one", 2)
    make_folder(tmp_path / "elsewhere", 2)
    (source / "two").symlink_to(tmp_path / "elsewhere")
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        batch_command(str(source), "--clusters", "-o", str(out), "--jobs", "1"),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("1 done, 0 skipped, 1 failed")
    assert f"{source / 'two'}: a symbolic link to {tmp_path / 'elsewhere'}" in result.stdout
    followed = subprocess.run(
        batch_command(str(source), "--clusters", "-o", str(out), "--follow-links"),
        env=environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert followed.returncode == 0, followed.stdout + followed.stderr
    assert followed.stdout.startswith("1 done, 1 skipped, 0 failed")


# -- 13: long ids, and line numbers in failures ---------------------------------------------


def test_output_names_are_cut_in_bytes_and_stay_unique() -> None:
    long = "é" * 200
    name = output_name(long)
    assert len(name.encode("utf-8")) <= NAME_BYTES
    assert NAME_BYTES + len(".json") + len("..12345678.tmp") == NAME_MAX
    name.encode("utf-8").decode("utf-8")  # whole characters only
    assert name.startswith("é" * 100)
    assert output_name(long + "a") != output_name(long + "b")
    assert output_name("short id") == "short_id"
    assert output_name(".hidden") == "_hidden"
    assert output_name("") == "_"
    assert fit_name("x" * 236) == "x" * 236
    assert len(fit_name("€" * 100, 10).encode()) <= 10  # room for the hash only: no text
    emoji = fit_name("😀" * 100, 50)
    assert len(emoji.encode()) <= 50 and emoji.startswith("😀" * 9)
    undecodable = os.fsdecode(b"\xff" * 300)
    assert len(os.fsencode(fit_name(undecodable))) <= NAME_BYTES


def test_a_long_multibyte_id_gets_an_output_and_failures_name_their_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    lines = [
        cluster_line("é" * 200, 1),
        cluster_line("é" * 200 + "x", 2),
        cluster_line("blocked", 3),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    (out / "blocked.txt").mkdir(parents=True)  # a folder where the output file would go
    code, stdout, _ = run_cli(capsys, str(source), "-o", str(out), "--jobs", "1")
    assert code == 1, stdout
    assert stdout.startswith("2 done, 0 skipped, 1 failed")
    failed = stdout.splitlines()[stdout.splitlines().index("failed:") + 1 :]
    assert len(failed) == 1
    assert failed[0].startswith(f"  {source}, line 3: cannot write {out / 'blocked.txt'}: ")
    names = sorted(name for name in os.listdir(out) if name != "blocked.txt")
    assert len(names) == 2 and names[0] != names[1]
    for name in names:
        assert len(name.encode("utf-8")) <= NAME_MAX
        assert name.startswith("é" * 100) and name.endswith(".txt")
