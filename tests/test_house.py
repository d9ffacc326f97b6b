"""The house rules that tools check: lint, types and the layers' import contracts.

Each runs the real tool on the package as CI does; the tools come with the test extra.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=ROOT, capture_output=True, text=True, timeout=600, check=False
    )


def test_ruff_finds_nothing() -> None:
    result = run_tool(sys.executable, "-m", "ruff", "check", "summarize", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_settled() -> None:
    result = run_tool(
        sys.executable, "-m", "ruff", "format", "--check", "summarize", "tests", "benchmarks"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_errors() -> None:
    result = run_tool(sys.executable, "-m", "mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_point_one_way() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.fail("lint-imports (import-linter) is not installed next to this Python")
    result = run_tool(lint_imports, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
