"""Are the digests unchanged? ``summarize batch`` over every dev set and ``corpus/``, compared
with a snapshot taken before a change, field by field.

    python benchmarks/same_outputs.py snapshot /tmp/before     # at the old commit
    python benchmarks/same_outputs.py compare /tmp/before      # at the new one

Each input is summarized with the default options (``summarize batch INPUT -o OUT.jsonl``);
``compare`` reads both JSONL outputs and counts the records that differ, with and without the
``headline`` field (which a change may alter on purpose). It exits non-zero when anything but
headlines differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def inputs(eval_folder: Path = EVAL) -> list[tuple[str, Path, list[str]]]:
    """(name, path, extra batch arguments) for every input that is present."""
    found: list[tuple[str, Path, list[str]]] = [
        (p.stem, p, []) for p in sorted(eval_folder.glob("*.jsonl"))
    ]
    found.append(("corpus", Path("corpus"), ["--clusters"]))  # relative: paths show in output
    return found


def snapshot(folder: Path, eval_folder: Path = EVAL) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, path, extra in inputs(eval_folder):
        out = folder.resolve() / f"{name}.jsonl"
        out.unlink(missing_ok=True)
        command = [sys.executable, "-m", "summarize", "batch", str(path), "-o", str(out)]
        subprocess.run([*command, *extra], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        print(f"{name}: {sum(1 for _ in out.open(encoding='utf-8'))} records", file=sys.stderr)


def _records(path: Path) -> dict[str, dict[str, object]]:
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[str(record.get("id"))] = record
    return records


def compare(before: Path, after: Path) -> int:
    """Print a table of differences; the number of records that differ beyond headlines."""
    print("| input | records | identical | differ only in headline | differ otherwise |")
    print("|---|---:|---:|---:|---:|")
    bad = 0
    for name, _, _ in inputs():
        old, new = _records(before / f"{name}.jsonl"), _records(after / f"{name}.jsonl")
        same = headline_only = other = 0
        for key in sorted(old.keys() | new.keys()):
            a, b = old.get(key), new.get(key)
            if a == b:
                same += 1
            elif a is not None and b is not None and _without_headline(a) == _without_headline(b):
                headline_only += 1
            else:
                other += 1
        bad += other
        print(f"| {name} | {len(old)} | {same} | {headline_only} | {other} |")
    return bad


def _without_headline(record: dict[str, object]) -> dict[str, object]:
    kept = {k: v for k, v in record.items() if k != "headline"}
    digest = kept.get("digest")
    if isinstance(digest, dict):
        kept["digest"] = {k: v for k, v in digest.items() if k != "headline"}
    kept["notes"] = [n for n in kept.get("notes", []) or [] if "headline" not in str(n)]
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["snapshot", "compare"])
    parser.add_argument("folder", type=Path, help="where the snapshot is (or goes)")
    parser.add_argument("--after", type=Path, default=Path("/tmp/same-outputs-after"))
    parser.add_argument("--eval", type=Path, default=EVAL, help="the dev sets' folder")
    options = parser.parse_args()
    if options.action == "snapshot":
        snapshot(options.folder, options.eval)
        return 0
    snapshot(options.after)
    bad = compare(options.folder, options.after)
    print(f"\n{bad} records differ beyond their headline")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
