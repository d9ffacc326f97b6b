"""Reading evaluation sets: clusters of news documents with reference summaries (JSONL).

One cluster per line, in the format described by the evaluation folder's README
(``../shared/eval/README.md`` next to the repository)::

    {"id": "c1",
     "documents": [{"id": "0", "title": "... or null", "text": "..."}],
     "summaries": ["reference summary", ...],
     "headlines": ["reference headline", ...],
     "budget": {"words": 230}}

``budget`` holds one of ``words``, ``bytes``, ``chars``, ``ratio`` or ``sentences`` (see
:data:`summarize.options.BUDGET_KEYS`); it may be null or absent. Where this
reader departs from, or adds to, that description:

* a document's ``id`` may be left out: it then defaults to its position ("0", "1", ...);
  ids are kept exactly as written, and must be unique within a cluster;
* a null or absent ``title`` lets :func:`~summarize.text.documents.build_document` detect one
  from the first line, as it does for any text;
* ``summaries`` and ``headlines`` must both be present as lists; "no reference" is written
  as an empty list, never as null, a missing field or an empty string;
* a document's ``text`` may be empty (some sets carry a headline-only article).

Every problem is a :class:`~summarize.errors.SummarizeError` whose one-line message names
the file and the line. Lines are read and parsed one at a time; blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from summarize.errors import SummarizeError
from summarize.model import Budget, Document
from summarize.options import BUDGET_KEYS
from summarize.options import parse_budget as budget_from_key
from summarize.text.documents import build_document


@dataclass(frozen=True)
class Cluster:
    """One evaluation unit: the documents to summarize together and their references."""

    id: str
    documents: tuple[Document, ...]
    summaries: tuple[str, ...]
    headlines: tuple[str, ...]
    budget: Budget | None


class _LineError(Exception):
    """A problem with one line; :func:`read_clusters` adds the file and line number."""


def read_clusters(path: str | Path, *, language: str = "english") -> Iterator[Cluster]:
    """Yield the clusters of the JSONL file at ``path``, one line at a time.

    Raises :class:`SummarizeError` naming the file and line for invalid JSON, missing or
    ill-typed fields, a bad budget or duplicate document ids, and for a file without any
    cluster (raised once the whole file has been read).
    """
    path = Path(path)
    try:
        handle = path.open("rb")  # decoded line by line, so a bad byte has a line number
    except OSError as exc:
        raise SummarizeError(f"{path}: cannot read: {exc.strerror or exc}") from None
    found = False
    with handle:
        for number, raw in enumerate(handle, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise SummarizeError(f"{path}, line {number}: not UTF-8 text") from None
            if not line.strip():
                continue
            try:
                cluster = parse_cluster(line, language=language)
            except _LineError as exc:
                raise SummarizeError(f"{path}, line {number}: {exc}") from None
            found = True
            yield cluster
    if not found:
        raise SummarizeError(f"{path}: no clusters (the file is empty)")


def describe_json_error(exc: json.JSONDecodeError) -> str:
    """``invalid JSON (<reason> at column N)``. Some of Python's reasons end in "at" already
    ("Invalid control character at"): it is not said twice."""
    reason = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
    return f"invalid JSON ({reason} at column {exc.colno})"


def parse_cluster(line: str, *, language: str = "english") -> Cluster:
    """The :class:`Cluster` on one JSONL line; raises ``_LineError`` for bad input."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _LineError(describe_json_error(exc)) from None
    if not isinstance(record, dict):
        raise _LineError(f"expected a JSON object, got {_kind(record)}")
    cluster_id = _require_str(record, "id", "cluster")
    return Cluster(
        id=cluster_id,
        documents=parse_documents(record.get("documents"), language=language),
        summaries=parse_references(record, "summaries"),
        headlines=parse_references(record, "headlines"),
        budget=parse_budget(record.get("budget")),
    )


def parse_documents(value: object, *, language: str = "english") -> tuple[Document, ...]:
    """Documents from the JSON ``documents`` list (non-empty, objects with ``text``)."""
    if not isinstance(value, list) or not value:
        raise _LineError(f'"documents" must be a non-empty list, got {_kind(value)}')
    documents = []
    seen: set[str] = set()
    for position, item in enumerate(value):
        if not isinstance(item, dict):
            raise _LineError(f"document {position} must be an object, got {_kind(item)}")
        where = f"document {position}"
        text = _require_str(item, "text", where)
        doc_id = _require_str(item, "id", where) if "id" in item else str(position)
        title = item.get("title")
        if title is not None and not isinstance(title, str):
            raise _LineError(f'{where}: "title" must be a string or null, got {_kind(title)}')
        if doc_id in seen:
            raise _LineError(f"duplicate document id {doc_id!r}")
        seen.add(doc_id)
        try:
            documents.append(build_document(text, doc_id, title=title, language=language))
        except SummarizeError as exc:
            raise _LineError(f"{where}: {exc}") from None
    return tuple(documents)


def parse_references(record: Mapping[str, object], field: str) -> tuple[str, ...]:
    """The reference texts under ``field``: a list (maybe empty) of non-blank strings."""
    if field not in record:
        raise _LineError(f'missing "{field}" (write [] when there is no reference)')
    value = record[field]
    if not isinstance(value, list):
        raise _LineError(f'"{field}" must be a list of strings, got {_kind(value)}')
    for position, item in enumerate(value):
        if not isinstance(item, str):
            raise _LineError(f'"{field}"[{position}] must be a string, got {_kind(item)}')
        if not item.strip():
            raise _LineError(f'"{field}"[{position}] is empty (leave it out of the list)')
    return tuple(value)


def parse_budget(value: object) -> Budget | None:
    """A :class:`Budget` from ``{"words": N}``, ``{"bytes": N}``, ``{"ratio": R}`` or
    ``{"sentences": N}``; None for a null budget."""
    if value is None:
        return None
    if not isinstance(value, dict) or len(value) != 1:
        raise _LineError(
            f'"budget" must be an object with one of {_choices()}, got {_short(value)}'
        )
    ((key, amount),) = value.items()
    if key not in BUDGET_KEYS:
        raise _LineError(f'"budget" key must be one of {_choices()}, got {key!r}')
    if isinstance(amount, bool) or not isinstance(amount, (int, float)):
        raise _LineError(f'"budget" {key} must be a number, got {_kind(amount)}')
    try:
        return budget_from_key(key, amount)
    except SummarizeError as exc:
        raise _LineError(f'bad "budget": {exc}') from None


def _require_str(record: Mapping[str, object], field: str, where: str) -> str:
    if field not in record:
        raise _LineError(f'{where}: missing "{field}"')
    value = record[field]
    if not isinstance(value, str):
        raise _LineError(f'{where}: "{field}" must be a string, got {_kind(value)}')
    return value


def _kind(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    text = json.dumps(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _choices() -> str:
    return ", ".join(f'"{key}"' for key in BUDGET_KEYS)
