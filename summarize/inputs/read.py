"""Reading the user's inputs (files, folders, URLs, standard input) into :class:`Document` values.

:func:`read_inputs` decides how the inputs are grouped into digests: files, URLs, one folder,
or any mix of them make one set of documents digested together; two or more folders make one
set per folder; ``.jsonl`` files hold one cluster per line (the evaluation format of
:mod:`summarize.inputs.clusters`), each its own set. :func:`read_documents` reads the first kind.

Each input is read as bytes (at most what ``max_chars`` characters could take, so a huge file
is refused without being read into memory), decoded (:mod:`summarize.inputs.decoding`), and turned
from its format — plain text, Markdown or HTML, detected or chosen — into text to segment
(:mod:`summarize.inputs.formats`); URLs are fetched first (:mod:`summarize.inputs.fetch`).

Every problem with an input becomes a one-line :class:`SummarizeError` naming the input, or,
for a file inside a folder, a warning saying the file was skipped so one bad file does not
stop the rest. Nothing here prints.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from summarize.errors import SummarizeError
from summarize.inputs.clusters import read_clusters
from summarize.inputs.decoding import NotText, decode
from summarize.inputs.fetch import FetchError, TooLarge, fetch, is_url
from summarize.inputs.formats import AUTO, INPUT_FORMATS, JSONL, FormatError, detect_format, extract
from summarize.model import Budget, Document
from summarize.text.documents import build_document
from summarize.text.tokens import check_language

STDIN = "-"
STDIN_ID = "stdin"
CLUSTERS_SUFFIX = ".jsonl"

DEFAULT_MAX_CHARS = 10_000_000
"""The largest input read, in characters (``--max-chars``)."""

# Bytes one character can take in any encoding read (UTF-32), and a byte-order mark.
_BYTES_PER_CHAR = 4
_BOM_BYTES = 4


class _Unusable(Exception):
    """An input that cannot be summarized; the message says why, without the path."""


@dataclass(frozen=True)
class _Options:
    """How every input is read: the chosen format (or ``auto``) and the size limit."""

    input_format: str = AUTO
    max_chars: int = DEFAULT_MAX_CHARS

    @property
    def max_bytes(self) -> int:
        return self.max_chars * _BYTES_PER_CHAR + _BOM_BYTES

    def too_large(self) -> str:
        return f"larger than --max-chars {self.max_chars} characters"


@dataclass(frozen=True)
class _Source:
    """One input's text, ready to become a document."""

    name: str  # the file name or URL (the preferred document id)
    path: str | None  # the path or URL as given, None for stdin
    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


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
    input_format: str = AUTO,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[tuple[DocumentSet, ...], tuple[str, ...]]:
    """The sets of documents the paths name, each to be digested on its own, and warnings.

    - ``.jsonl`` files (or any file, with ``input_format="jsonl"``): one set per cluster
      (line), with the cluster's id and budget; they cannot be mixed with other inputs;
    - two or more paths, every one a folder: one set per folder, named after the folder;
    - anything else (files, URLs, one folder, a mix, ``-``): one set, id None, as
      :func:`read_documents` reads it.
    """
    language = check_language(language)
    options = _options(input_format, max_chars)
    if not paths:
        raise SummarizeError("no input given; name a file, a folder, or - for standard input")
    cluster_files = [p for p in paths if _is_cluster_file(p, options)]
    if cluster_files or options.input_format == JSONL:
        other = next((p for p in paths if p not in cluster_files), None)
        if other is not None:
            if options.input_format == JSONL:
                raise SummarizeError(f"{other}: --input-format jsonl needs files of clusters")
            raise SummarizeError(
                f"{other}: cannot be mixed with {cluster_files[0]}; "
                f"give {CLUSTERS_SUFFIX} files of clusters on their own"
            )
        return _read_cluster_files(cluster_files, language, options), ()
    if len(paths) > 1 and all(_is_folder(p) for p in paths):
        return _read_folders(paths, language, options)
    documents, warnings = read_documents(
        paths, language=language, stdin=stdin, input_format=input_format, max_chars=max_chars
    )
    return (DocumentSet(None, documents, origin=", ".join(paths)),), warnings


def read_documents(
    paths: Sequence[str],
    *,
    language: str = "english",
    stdin: BinaryIO | None = None,
    input_format: str = AUTO,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[tuple[Document, ...], tuple[str, ...]]:
    """Read files, folders (their files, not recursively), URLs and ``-`` (stdin) as
    documents.

    Returns the documents in the order given (a folder's files sorted by name) and one-line
    warnings. A document's id is its file name (a URL's is the URL), or its path when two
    inputs share a name; standard input is ``"stdin"``. ``input_format`` is ``auto`` (each
    input's format detected from its media type, extension and content) or the format of
    every input; a ``.jsonl`` file read here is plain text. ``max_chars`` refuses any input
    longer than that many characters.
    """
    language = check_language(language)
    options = _options(input_format, max_chars)
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
            sources.append(_read_stdin(stdin, options, warnings))
        elif is_url(path):
            _add(_read_url(path, options, warnings), sources, seen, warnings)
        elif os.path.isdir(path):
            for source in _read_folder(path, options, warnings):
                _add(source, sources, seen, warnings)
        else:
            _add(_read_file(path, options, warnings), sources, seen, warnings)
    return _documents(sources, language), tuple(warnings)


def check_reading(input_format: str, max_chars: int) -> None:
    """Raise a :class:`SummarizeError` unless ``input_format`` is a known format (or
    ``auto``) and ``max_chars`` a whole number of at least 1."""
    _options(input_format, max_chars)


def _options(input_format: str, max_chars: int) -> _Options:
    if input_format not in INPUT_FORMATS:
        raise SummarizeError(
            f"unknown input format {input_format!r}; available: {', '.join(INPUT_FORMATS)}"
        )
    if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
        raise SummarizeError(f"max_chars must be a whole number of at least 1, got {max_chars!r}")
    return _Options(input_format, max_chars)


def _is_folder(path: str) -> bool:
    return path != STDIN and not is_url(path) and os.path.isdir(path)


def _is_cluster_file(path: str, options: _Options) -> bool:
    if path == STDIN or is_url(path) or os.path.isdir(path):
        return False
    return options.input_format == JSONL or (
        options.input_format == AUTO and path.lower().endswith(CLUSTERS_SUFFIX)
    )


def _documents(sources: Sequence[_Source], language: str) -> tuple[Document, ...]:
    ids = _unique_ids(sources)
    return tuple(
        _document(source, doc_id, language) for source, doc_id in zip(sources, ids, strict=True)
    )


def _document(source: _Source, doc_id: str, language: str) -> Document:
    document = build_document(
        source.text, doc_id, title=source.title, path=source.path, language=language
    )
    if source.author or source.date:
        document = replace(document, author=source.author, date=source.date)
    return document


def _read_cluster_files(
    paths: Sequence[str], language: str, options: _Options
) -> tuple[DocumentSet, ...]:
    sets = []
    for path in paths:
        if not os.path.lexists(path):
            raise SummarizeError(f"{path}: no such file or directory")
        if not os.path.exists(path):
            raise SummarizeError(f"{path}: broken symbolic link")
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            raise SummarizeError(f"{path}: cannot read: {_reason(exc)}") from None
        if size > options.max_bytes:
            raise SummarizeError(f"{path}: {options.too_large()}")
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
    folders: Sequence[str], language: str, options: _Options
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
        documents = _documents(_read_folder(folder, options, warnings), language)
        set_id = os.path.normpath(folder) if counts[name] > 1 else name
        sets.append(DocumentSet(set_id, documents, origin=folder))
    return tuple(sets), tuple(warnings)


def _add(source: _Source, sources: list[_Source], seen: set[str], warnings: list[str]) -> None:
    """Append ``source`` unless the same input was already read (named twice, or via a
    folder)."""
    assert source.path is not None
    key = source.path if is_url(source.path) else os.path.realpath(source.path)
    if key in seen:
        warnings.append(f"{source.path}: given more than once; read only once")
        return
    seen.add(key)
    sources.append(source)


# -- reading one input ------------------------------------------------------------------------


def _read_stdin(stdin: BinaryIO | None, options: _Options, warnings: list[str]) -> _Source:
    stream = stdin
    if stream is None:
        text_stream = sys.stdin
        if text_stream is None:
            raise SummarizeError("stdin: standard input is not available")
        stream = getattr(text_stream, "buffer", None)
        if stream is None:
            raise SummarizeError("stdin: standard input cannot be read as bytes")
    try:
        data = stream.read(options.max_bytes + 1)
    except OSError as exc:
        raise SummarizeError(f"stdin: cannot read: {_reason(exc)}") from None
    try:
        return _source(data, STDIN_ID, None, options, warnings, empty="input is empty")
    except _Unusable as exc:
        raise SummarizeError(f"stdin: {exc}") from None


def _read_url(url: str, options: _Options, warnings: list[str]) -> _Source:
    try:
        page = fetch(url, max_bytes=options.max_bytes)
    except TooLarge:
        raise SummarizeError(f"{url}: {options.too_large()}") from None
    except FetchError as exc:
        raise SummarizeError(f"{url}: cannot fetch: {exc}") from None
    try:
        return _source(
            page.data,
            url,
            url,
            options,
            warnings,
            named_as=page.url,
            content_type=page.media_type,
            charset=page.charset,
            empty="the page is empty",
        )
    except _Unusable as exc:
        raise SummarizeError(f"{url}: {exc}") from None


def _read_file(path: str, options: _Options, warnings: list[str]) -> _Source:
    if not os.path.lexists(path):
        raise SummarizeError(f"{path}: no such file or directory")
    if not os.path.exists(path):
        raise SummarizeError(f"{path}: broken symbolic link")
    try:
        data = _read_bytes(path, options)
        return _source(data, _file_name(path), path, options, warnings)
    except OSError as exc:
        raise SummarizeError(f"{path}: cannot read: {_reason(exc)}") from None
    except _Unusable as exc:
        raise SummarizeError(f"{path}: {exc}") from None


def _read_folder(folder: str, options: _Options, warnings: list[str]) -> list[_Source]:
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
            data = _read_bytes(path, options)
        except OSError as exc:
            warnings.append(f"{path}: skipped, cannot read: {_reason(exc)}")
            continue
        except _Unusable as exc:
            warnings.append(f"{path}: skipped, {exc}")
            continue
        read: list[str] = []
        try:
            sources.append(_source(data, entry.name, path, options, read))
        except _Unusable as exc:
            warnings.append(f"{path}: skipped, {exc}")
            continue
        warnings += read
    if not sources:
        raise SummarizeError(f"{folder}: no text files found")
    return sources


def _read_bytes(path: str, options: _Options) -> bytes:
    """The file's bytes, refused (without reading them all) beyond the size limit."""
    with open(path, "rb") as handle:
        try:
            size = os.fstat(handle.fileno()).st_size
        except OSError:
            size = 0
        if size > options.max_bytes:
            raise _Unusable(options.too_large())
        data = handle.read(options.max_bytes + 1)  # a device or pipe may not know its size
    if len(data) > options.max_bytes:
        raise _Unusable(options.too_large())
    return data


def _source(
    data: bytes,
    name: str,
    path: str | None,
    options: _Options,
    warnings: list[str],
    *,
    named_as: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    empty: str = "file is empty",
) -> _Source:
    """Decode, check the size of, and extract the text of one input's bytes. ``name`` is the
    document's preferred id; ``named_as`` (default ``name``), a file name or URL, gives the
    extension; ``content_type`` and ``charset`` are what a web server said."""
    if len(data) > options.max_bytes:
        raise _Unusable(options.too_large())
    shown = path if path is not None else STDIN_ID
    try:
        decoded = decode(data, declared=charset, empty=empty)
    except NotText as exc:
        raise _Unusable(str(exc)) from None
    if len(decoded.text) > options.max_chars:
        raise _Unusable(options.too_large())
    named_as = named_as or name
    fmt = detect_format(
        decoded.text,
        name=_url_path(named_as) if is_url(named_as) else named_as,
        content_type=content_type,
        chosen=options.input_format,
    )
    try:
        extracted = extract(decoded.text, fmt, url=path if path and is_url(path) else None)
    except FormatError as exc:
        raise _Unusable(str(exc)) from None
    if decoded.note:
        warnings.append(f"{shown}: {decoded.note}")
    return _Source(
        name=name,
        path=path,
        text=extracted.text,
        title=extracted.title,
        author=extracted.author,
        date=extracted.date,
    )


def _file_name(path: str) -> str:
    return os.path.basename(os.path.normpath(path))


def _url_path(url: str) -> str:
    """The path part of a URL, for its extension."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).path
    except ValueError:
        return ""


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
