"""Writing output files: atomic writes, and the files of ``summarize eval --output``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarize.render.files import write_atomic


def test_write_atomic_leaves_nothing_behind_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "digest.txt"
    target.write_text("old\n", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(str(target), b"new\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.txt"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_write_atomic_replaces_a_file_and_names_the_target_when_it_cannot(
    tmp_path: Path,
) -> None:
    target = tmp_path / "digest.txt"
    target.write_text("old\n", encoding="utf-8")
    write_atomic(str(target), b"new\n")
    assert target.read_bytes() == b"new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["digest.txt"]
    missing = tmp_path / "no-such-folder" / "digest.txt"
    with pytest.raises(FileNotFoundError) as caught:
        write_atomic(str(missing), b"x\n")
    assert caught.value.filename == str(missing)
