"""Output formats: one registry, :data:`OUTPUT_FORMATS`, from a format's name to the function
that writes results in it, used by every command that shows digests or headlines.

A kind of result says how one result looks in each format with a :class:`Views`; a writer
shows a list of results, each with its id (None for a single result shown bare): ``rich``
prints a renderable per result, ``text`` and ``markdown`` write the plain texts joined,
``json`` writes one object (a single result) or an array of objects with ``"id"``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from rich.console import Console, RenderableType

from summarize.errors import SummarizeError
from summarize.render.common import write_plain

T = TypeVar("T")

Item = tuple[str | None, T]
"""A result with its id: a cluster's id or a folder's name, None for a single result."""


@dataclass(frozen=True)
class Views(Generic[T]):
    """How one kind of result looks in each format: each function takes the result, its id
    (or None) and whether to explain how it was made. ``text_separator`` goes between the
    plain texts of several results."""

    rich: Callable[[T, str | None, bool], RenderableType]
    text: Callable[[T, str | None, bool], str]
    data: Callable[[T, str | None, bool], dict[str, object]]
    markdown: Callable[[T, str | None, bool], str]
    text_separator: str = "\n"


Writer = Callable[[Views[Any], Sequence[Item[Any]], Console, bool], None]
"""Writes results (with their ids) in one format: views, items, console, explain."""


def _rich(views: Views[Any], items: Sequence[Item[Any]], console: Console, explain: bool) -> None:
    for number, (item_id, item) in enumerate(items):
        if number:
            console.print()
        console.print(views.rich(item, item_id, explain))


def _text(views: Views[Any], items: Sequence[Item[Any]], console: Console, explain: bool) -> None:
    texts = (views.text(item, item_id, explain) for item_id, item in items)
    write_plain(console, views.text_separator.join(texts))


def _json(views: Views[Any], items: Sequence[Item[Any]], console: Console, explain: bool) -> None:
    data: object
    if len(items) == 1 and items[0][0] is None:
        data = views.data(items[0][1], None, explain)
    else:
        data = [views.data(item, item_id, explain) for item_id, item in items]
    write_plain(console, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _markdown(
    views: Views[Any], items: Sequence[Item[Any]], console: Console, explain: bool
) -> None:
    texts = (views.markdown(item, item_id, explain) for item_id, item in items)
    write_plain(console, "\n".join(texts))


OUTPUT_FORMATS: Mapping[str, Writer] = MappingProxyType(
    {"rich": _rich, "text": _text, "json": _json, "markdown": _markdown}
)
"""Every output format by name (read-only)."""
OUTPUT_FORMAT_NAMES = tuple(OUTPUT_FORMATS)
"""The names of :data:`OUTPUT_FORMATS`, for ``--format`` choices."""


def show(
    views: Views[T], items: Sequence[Item[T]], fmt: str, console: Console, *, explain: bool = False
) -> None:
    """Write ``items`` to ``console`` in format ``fmt`` (one of :data:`OUTPUT_FORMATS`)."""
    writer = OUTPUT_FORMATS.get(fmt)
    if writer is None:
        raise SummarizeError(f"unknown format {fmt!r}; available: {', '.join(OUTPUT_FORMATS)}")
    writer(views, items, console, explain)


@dataclass(frozen=True)
class FileFormat(Generic[T]):
    """How one result is written to a file of its own (or a line of a shared one): the
    file name's suffix, and the content for the result with its id (ending with a newline)."""

    suffix: str
    content: Callable[[T, str], str]
