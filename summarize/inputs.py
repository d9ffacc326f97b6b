"""Reading the user's inputs (files, folders, standard input) into :class:`Document` values.

:func:`read_inputs` decides how the inputs are grouped into digests: files, one folder, or
any mix of them make one set of documents digested together; two or more folders make one
set per folder; ``.jsonl`` files hold one cluster per line (the evaluation format of
:mod:`summarize.evalsets`), each its own set. :func:`read_documents` reads the first kind.

Every problem with an input becomes a one-line :class:`SummarizeError` naming the input, or,
for a file inside a folder, a warning saying the file was skipped so one bad file does not
stop the rest. Nothing here prints.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import BinaryIO

from .documents import build_document
from .errors import SummarizeError
from .evalsets import read_clusters
from .model import Budget, Document
from .text import check_language

STDIN = "-"
STDIN_ID = "stdin"
CLUSTERS_SUFFIX = ".jsonl"

# How much of the start of an input is inspected to tell text from binary data.
SNIFF_BYTES = 8192
# Control characters (other than ordinary whitespace and escape) above this share of the
# inspected bytes mark a binary file.
CONTROL_SHARE = 0.10
# Replacement characters above this share of the non-space characters after decoding mean
# the bytes are not text in any useful sense (rather than text with a few stray bytes).
REPLACED_SHARE = 0.25

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


class _Unusable(Exception):
    """An input that cannot be summarized; the message says why, without the path."""


@dataclass(frozen=True)
class _Source:
    """One input's decoded text, before it becomes a document."""

    name: str  # the file name (the preferred document id)
    path: str | None  # the path as given, None for stdin
    text: str


@dataclass(frozen=True)
class DocumentSet:
    """Documents to digest together.

    ``id`` names the set when the inputs make several (a folder's name, a cluster's id) and
    is None for the one set of everything given; ``origin`` says where the set came from,
    for messages; ``budget`` is the length the set asks for itself (a cluster's budget).
    """

    id: str | None
    documents: tuple[Document, ...]
    origin: str = ""
    budget: Budget | None = None


def read_inputs(
    paths: Sequence[str],
    *,
    language: str = "english",
    stdin: BinaryIO | None = None,
) -> tuple[tuple[DocumentSet, ...], tuple[str, ...]]:
    """The sets of documents the paths name, each to be digested on its own, and warnings.

    - ``.jsonl`` files: one set per cluster (line), with the cluster's id and budget; they
      cannot be mixed with other inputs;
    - two or more paths, every one a folder: one set per folder, named after the folder;
    - anything else (files, one folder, a mix, ``-``): one set, id None, as
      :func:`read_documents` reads it.
    """
    language = check_language(language)
    if not paths:
        raise SummarizeError("no input given; name a file, a folder, or - for standard input")
    cluster_files = [p for p in paths if _is_cluster_file(p)]
    if cluster_files:
        if len(cluster_files) < len(paths):
            other = next(p for p in paths if not _is_cluster_file(p))
            raise SummarizeError(
                f"{other}: cannot be mixed with {cluster_files[0]}; "
                f"give {CLUSTERS_SUFFIX} files of clusters on their own"
            )
        return _read_cluster_files(cluster_files, language), ()
    if len(paths) > 1 and all(p != STDIN and os.path.isdir(p) for p in paths):
        return _read_folders(paths, language)
    documents, warnings = read_documents(paths, language=language, stdin=stdin)
    return (DocumentSet(None, documents, origin=", ".join(paths)),), warnings


def _is_cluster_file(path: str) -> bool:
    return path.lower().endswith(CLUSTERS_SUFFIX) and not os.path.isdir(path)


def _read_cluster_files(paths: Sequence[str], language: str) -> tuple[DocumentSet, ...]:
    sets = []
    for path in paths:
        if not os.path.lexists(path):
            raise SummarizeError(f"{path}: no such file or directory")
        if not os.path.exists(path):
            raise SummarizeError(f"{path}: broken symbolic link")
        sets += [
            DocumentSet(
                cluster.id,
                cluster.documents,
                origin=f"{path}, cluster {cluster.id!r}",
                budget=cluster.budget,
            )
            for cluster in read_clusters(path, language=language)
        ]
    return tuple(sets)


def _read_folders(
    folders: Sequence[str], language: str
) -> tuple[tuple[DocumentSet, ...], tuple[str, ...]]:
    """One set per folder, named after it (by its path when two folders share a name)."""
    warnings: list[str] = []
    unique: list[str] = []
    seen: set[str] = set()
    for folder in folders:
        key = os.path.realpath(folder)
        if key in seen:
            warnings.append(f"{folder}: given more than once; read only once")
            continue
        seen.add(key)
        unique.append(folder)
    names = [os.path.basename(os.path.abspath(folder)) or folder for folder in unique]
    counts = Counter(names)
    sets = []
    for folder, name in zip(unique, names, strict=True):
        sources = _read_folder(folder, warnings)
        ids = _unique_ids(sources)
        documents = tuple(
            build_document(source.text, doc_id, path=source.path, language=language)
            for source, doc_id in zip(sources, ids, strict=True)
        )
        set_id = os.path.normpath(folder) if counts[name] > 1 else name
        sets.append(DocumentSet(set_id, documents, origin=folder))
    return tuple(sets), tuple(warnings)


def read_documents(
    paths: Sequence[str],
    *,
    language: str = "english",
    stdin: BinaryIO | None = None,
) -> tuple[tuple[Document, ...], tuple[str, ...]]:
    """Read files, folders (their files, not recursively) and ``-`` (stdin) as documents.

    Returns the documents in the order given (a folder's files sorted by name) and one-line
    warnings. A document's id is its file name, or its path when two inputs share a name;
    standard input is ``"stdin"``.
    """
    language = check_language(language)
    if not paths:
        raise SummarizeError("no input given; name a file, a folder, or - for standard input")
    warnings: list[str] = []
    sources: list[_Source] = []
    seen: set[str] = set()
    read_stdin = False
    for path in paths:
        if path == STDIN:
            if read_stdin:
                raise SummarizeError("- (standard input) given more than once")
            read_stdin = True
            sources.append(_read_stdin(stdin, warnings))
        elif os.path.isdir(path):
            for source in _read_folder(path, warnings):
                _add(source, sources, seen, warnings)
        else:
            _add(_read_file(path, warnings), sources, seen, warnings)
    ids = _unique_ids(sources)
    documents = tuple(
        build_document(source.text, doc_id, path=source.path, language=language)
        for source, doc_id in zip(sources, ids, strict=True)
    )
    return documents, tuple(warnings)


def _add(source: _Source, sources: list[_Source], seen: set[str], warnings: list[str]) -> None:
    """Append ``source`` unless the same file was already read (named twice, or via a folder)."""
    assert source.path is not None
    key = os.path.realpath(source.path)
    if key in seen:
        warnings.append(f"{source.path}: given more than once; read only once")
        return
    seen.add(key)
    sources.append(source)


def _read_stdin(stdin: BinaryIO | None, warnings: list[str]) -> _Source:
    stream = stdin
    if stream is None:
        text_stream = sys.stdin
        if text_stream is None:
            raise SummarizeError("stdin: standard input is not available")
        stream = getattr(text_stream, "buffer", None)
        if stream is None:
            raise SummarizeError("stdin: standard input cannot be read as bytes")
    try:
        data = stream.read()
    except OSError as exc:
        raise SummarizeError(f"stdin: cannot read: {_reason(exc)}") from None
    try:
        text, replaced = _decode(data, empty="input is empty")
    except _Unusable as exc:
        raise SummarizeError(f"stdin: {exc}") from None
    if replaced:
        warnings.append("stdin: invalid UTF-8 bytes were replaced")
    return _Source(name=STDIN_ID, path=None, text=text)


def _read_file(path: str, warnings: list[str]) -> _Source:
    if not os.path.lexists(path):
        raise SummarizeError(f"{path}: no such file or directory")
    if not os.path.exists(path):
        raise SummarizeError(f"{path}: broken symbolic link")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise SummarizeError(f"{path}: cannot read: {_reason(exc)}") from None
    try:
        text, replaced = _decode(data)
    except _Unusable as exc:
        raise SummarizeError(f"{path}: {exc}") from None
    if replaced:
        warnings.append(f"{path}: invalid UTF-8 bytes were replaced")
    return _Source(name=os.path.basename(os.path.normpath(path)), path=path, text=text)


def _read_folder(folder: str, warnings: list[str]) -> list[_Source]:
    try:
        entries = sorted(
            (entry for entry in os.scandir(folder) if not entry.name.startswith(".")),
            key=lambda entry: entry.name,
        )
    except OSError as exc:
        raise SummarizeError(f"{folder}: cannot read folder: {_reason(exc)}") from None
    sources = []
    for entry in entries:
        path = os.path.join(folder, entry.name)
        try:
            if not entry.is_file():  # follows symbolic links; sub-folders are not read
                continue
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            warnings.append(f"{path}: skipped, cannot read: {_reason(exc)}")
            continue
        try:
            text, replaced = _decode(data)
        except _Unusable as exc:
            warnings.append(f"{path}: skipped, {exc}")
            continue
        if replaced:
            warnings.append(f"{path}: invalid UTF-8 bytes were replaced")
        sources.append(_Source(name=entry.name, path=path, text=text))
    if not sources:
        raise SummarizeError(f"{folder}: no text files found")
    return sources


def _decode(data: bytes, *, empty: str = "file is empty") -> tuple[str, bool]:
    """Text of ``data`` and whether undecodable bytes were replaced.

    UTF-8 with or without a byte-order mark; UTF-16 and UTF-32 only with one. Line endings
    become ``\\n``. Raises :class:`_Unusable` for empty or binary data.
    """
    encoding = "utf-8-sig"
    if data.startswith(_UTF32_BOMS):
        encoding = "utf-32"
    elif data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif not data.strip():
        raise _Unusable(empty)
    elif _looks_binary(data[:SNIFF_BYTES]):
        raise _Unusable("looks like a binary file, not text")
    try:
        text = data.decode(encoding)
        replaced = False
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        replaced = True
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise _Unusable(empty)
    if replaced:
        visible = sum(1 for c in text if not c.isspace())
        if text.count("\ufffd") > REPLACED_SHARE * visible:
            raise _Unusable("looks like a binary file, not text")
    return text, replaced


def _looks_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    controls = sum(
        1 for byte in sample if (byte < 32 or byte == 127) and byte not in _TEXT_CONTROLS
    )
    return controls > CONTROL_SHARE * len(sample)


def _unique_ids(sources: Sequence[_Source]) -> list[str]:
    """File names as ids; inputs sharing a name are told apart by their paths."""
    counts = Counter(source.name for source in sources)
    ids = [
        source.path if counts[source.name] > 1 and source.path is not None else source.name
        for source in sources
    ]
    # Paths could still collide with another input's name (a file called "stdin" next to
    # standard input, say): number any id that is still taken.
    taken: set[str] = set()
    unique = []
    for doc_id in ids:
        candidate, number = doc_id, 1
        while candidate in taken:
            number += 1
            candidate = f"{doc_id} ({number})"
        taken.add(candidate)
        unique.append(candidate)
    return unique


def _reason(exc: OSError) -> str:
    """The operating system's short explanation, lower-cased like the other messages."""
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]
