"""Small helpers every view shares: one-line text, table cells, percentages, plain writes,
count cells."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text


def one_line(text: str) -> str:
    """``text`` with every run of whitespace (newlines, tabs) made one space."""
    return " ".join(text.split())


def tab_cell(text: str) -> str:
    """Text safe for one tab-separated cell: whitespace runs (tabs, newlines) become spaces."""
    return one_line(text)


def table_cell(text: str) -> str:
    """Text safe for one Markdown table cell: one line, backslashes and pipes escaped."""
    return one_line(text).replace("\\", "\\\\").replace("|", "\\|")


def percent(value: float, digits: int = 2) -> str:
    """A fraction as a percentage without the sign: 0.4123 -> "41.23"."""
    return f"{100 * value:.{digits}f}"


def write_plain(console: Console, text: str) -> None:
    """Write ``text`` to ``console.file`` as it is: no markup, highlighting or wrapping."""
    console.file.write(text)
    console.file.flush()


def count_cell(value: int | None) -> Text:
    """A count for a rich table: a dash for None, dim when zero."""
    if value is None:
        return Text("\u2013", style="dim")
    return Text(str(value), style="" if value else "dim")
