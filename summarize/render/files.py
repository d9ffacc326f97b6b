"""Writing outputs to files: atomically (never seen half-written), and the files of
``summarize eval --output`` (JSON, CSV or Markdown, by the name's suffix)."""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Callable, Mapping
from types import MappingProxyType

from summarize.errors import SummarizeError
from summarize.evaluation.results import Evaluation
from summarize.render.evaluation import evaluation_csv, evaluation_data, evaluation_markdown


def write_atomic(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is never seen half-written: into a hidden
    temporary file beside it, then renamed over it."""
    folder, name = os.path.split(path)
    temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:  # name the file asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _evaluation_json(evaluation: Evaluation, baseline: str | None, per_cluster: bool) -> str:
    data = evaluation_data(evaluation, per_cluster=per_cluster)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _evaluation_csv(evaluation: Evaluation, baseline: str | None, per_cluster: bool) -> str:
    return evaluation_csv(evaluation, per_cluster=per_cluster)


def _evaluation_markdown(evaluation: Evaluation, baseline: str | None, per_cluster: bool) -> str:
    return evaluation_markdown(evaluation, baseline=baseline, per_cluster=per_cluster)


EVALUATION_FILE_FORMATS: Mapping[str, Callable[[Evaluation, str | None, bool], str]] = (
    MappingProxyType(
        {".json": _evaluation_json, ".csv": _evaluation_csv, ".md": _evaluation_markdown}
    )
)
"""The files ``summarize eval --output`` writes, by suffix: the text of an evaluation
(given the baseline of the marks and whether to add every cluster's scores)."""
EVAL_OUTPUTS = tuple(EVALUATION_FILE_FORMATS)


def check_evaluation_output(path: str) -> None:
    """Raise :class:`SummarizeError` unless ``path`` ends with a known output suffix."""
    if not path.lower().endswith(EVAL_OUTPUTS):
        raise SummarizeError(
            f"cannot tell the format of {path!r}: name a file ending in " + ", ".join(EVAL_OUTPUTS)
        )


def write_evaluation(
    evaluation: Evaluation, path: str, *, baseline: str | None = None, per_cluster: bool = False
) -> None:
    """Write the results to ``path`` as JSON, CSV or Markdown, by its suffix, atomically."""
    check_evaluation_output(path)
    suffix = "." + path.lower().rsplit(".", 1)[-1]
    text = EVALUATION_FILE_FORMATS[suffix](evaluation, baseline, per_cluster)
    write_atomic(path, text.encode("utf-8"))
