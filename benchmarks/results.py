"""Writing one script's section of ``benchmarks/RESULTS.md``, leaving the others alone.

Every benchmark script owns one ``## `` section, named by the first line of the text it
writes; ``write_section`` replaces that section (up to the next ``## `` heading) or appends
it when the file does not have it yet.
"""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
import sys
from pathlib import Path

from summarize import __version__

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(document: str, section: str) -> str:
    """``document`` with the section headed by ``section``'s first line replaced by
    ``section``, or with ``section`` appended when there is none."""
    heading = section.splitlines()[0].rstrip()
    lines = document.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == heading), None)
    if start is None:
        kept = document.rstrip("\n")
        return (kept + "\n\n" if kept else "") + section.rstrip("\n") + "\n"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    after = "".join(lines[end:])
    return "".join(lines[:start]) + section.rstrip("\n") + "\n" + ("\n" + after if after else "")


def write_section(section: str, path: Path = RESULTS) -> None:
    """Put ``section`` into the results file at ``path`` (created when missing)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    path.write_text(replace_section(existing, section), encoding="utf-8")


def publish(section: str, write: bool) -> None:
    """Print ``section``; with ``write``, also put it into the results file and say so."""
    print(section)
    if write:
        write_section(section)
        print(f"wrote {section.splitlines()[0]!r} into {RESULTS}", file=sys.stderr)


def load_average() -> float | None:
    """The 1-minute load average, None where the system has none."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def commit() -> str:
    """The checked-out commit, short, with ``+changes`` when a tracked file other than the
    results file differs from it (``unknown`` outside a git clone)."""
    root = RESULTS.parent.parent
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True
        )
        status = subprocess.run(
            [
                "git",
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                f":!{RESULTS.relative_to(root)}",
            ],
            cwd=root,
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + ("+changes" if status.stdout.strip() else "")


def run_line(started: datetime.datetime, load: float | None, revision: str | None = None) -> str:
    """``Run <when> at commit <hash> with summarize <version>, Python <version> on <machine>
    (<n> CPUs, load average <x> at the start)``: how a section says where its figures come
    from. ``revision`` is the commit when the run started (default: the commit now)."""
    return (
        f"Run {started:%Y-%m-%d %H:%M} at commit {revision or commit()} with summarize "
        f"{__version__}, Python "
        f"{platform.python_version()} on {platform.machine()} ({os.cpu_count()} CPUs"
        + (f", load average {load:.1f} at the start" if load is not None else "")
        + ")"
    )
