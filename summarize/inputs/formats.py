"""Input formats: plain text, Markdown and HTML become text for segmentation.

:func:`detect_format` names the format of an input from what is known of it, in this order:
a format the user chose, the media type a web server sent, the file name's extension, and
the content itself (:func:`sniff_format`). :func:`extract` then turns the input's text into
an :class:`Extracted`: the text to segment, with the title, author and date where found.

- **Markdown** is parsed by markdown-it-py (CommonMark). The first level-1 heading is the
  title; every other heading, paragraph and list item becomes a paragraph of its own, so
  headings stand alone and list items are never run together. Links keep their text, inline
  code, code blocks, images, tables, raw HTML (comments included) and autolinked URLs are
  dropped. A leading YAML front-matter block gives ``title``, ``author`` and ``date``.
- **HTML** goes through trafilatura, which keeps the main text of a page (navigation,
  footers, teasers and comments are left out) and finds its title, author and date; the
  main text comes back as Markdown and is read as above. A page trafilatura finds no main
  text in falls back to all of its visible text.
- **Plain text** passes through as it is.

Nothing here reads files or the network; trafilatura is imported on first use.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

AUTO, TEXT, MARKDOWN, HTML, JSONL = "auto", "text", "markdown", "html", "jsonl"
INPUT_FORMATS = (AUTO, TEXT, MARKDOWN, HTML, JSONL)
"""Names accepted by ``--input-format``; ``auto`` detects the format of each input."""

EXTENSIONS = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".mdown": MARKDOWN,
    ".mkd": MARKDOWN,
    ".mkdn": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".shtml": HTML,
    ".jsonl": JSONL,
}
MEDIA_TYPES = {
    "text/html": HTML,
    "application/xhtml+xml": HTML,
    "text/markdown": MARKDOWN,
    "text/x-markdown": MARKDOWN,
    "text/plain": TEXT,
}

# How much of the start of a text the content sniffers look at.
_SNIFF_CHARS = 65536
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|header|div|p|h[1-6])\b",
    re.IGNORECASE | re.DOTALL,
)
_MD_HEADING = re.compile(r"#{1,6}[ \t]+\S")
_MD_SETEXT = re.compile(r"[^\n]*\S[^\n]*\n=+[ \t]*(?:\n|$)")
_MD_FENCE = re.compile(r"^(?:```|~~~)", re.MULTILINE)
_MD_LINK = re.compile(r"!?\[[^\]\n]{1,300}\]\([^)\s]{1,2000}(?:\s+\"[^\"\n]*\")?\)")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.{0,8000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.MULTILINE)

# Their log messages are about the page, not for our users (warnings come from us): without
# a handler of their own, Python would print those of level WARNING and up to stderr.
for _logger in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())


class FormatError(Exception):
    """An input that cannot be read in its format; the message says why, without the path."""


@dataclass(frozen=True)
class Extracted:
    """Text ready for segmentation (paragraphs apart by blank lines) and what was found
    about it."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


def format_from_name(name: str) -> str | None:
    """The format an extension names (``.md`` -> ``markdown``), or None."""
    return EXTENSIONS.get(os.path.splitext(name)[1].lower())


def format_from_media_type(content_type: str | None) -> str | None:
    """The format a ``Content-Type`` names (``text/html; charset=utf-8`` -> ``html``)."""
    if not content_type:
        return None
    return MEDIA_TYPES.get(content_type.split(";", 1)[0].strip().lower())


def sniff_format(text: str) -> str:
    """``html`` for text that starts with an HTML tag, ``markdown`` for text with clear
    Markdown marks (a ``#`` heading or a setext heading first, front matter, a fenced code
    block, or two or more ``[links](...)``), ``text`` otherwise."""
    head = text[:_SNIFF_CHARS].lstrip("\ufeff")
    if _HTML_START.match(head):
        return HTML
    start = head.lstrip()
    if (
        _MD_HEADING.match(start)
        or _MD_SETEXT.match(start)
        or (head.startswith("---") and _FRONT_MATTER.match(head))
        or _MD_FENCE.search(head)
        or len(_MD_LINK.findall(head, 0, 20000)) >= 2
    ):
        return MARKDOWN
    return TEXT


def detect_format(
    text: str,
    *,
    name: str | None = None,
    content_type: str | None = None,
    chosen: str = AUTO,
) -> str:
    """The format of an input: ``chosen`` unless ``auto``; else the media type (HTML or
    Markdown), the extension of ``name``, and last the content."""
    if chosen != AUTO:
        return chosen
    by_type = format_from_media_type(content_type)
    if by_type in (HTML, MARKDOWN):
        return by_type
    by_name = format_from_name(name) if name else None
    if by_name is not None:
        return by_name
    return sniff_format(text)


def extract(text: str, fmt: str, *, url: str | None = None) -> Extracted:
    """The text of an input in format ``fmt`` (``text``, ``markdown`` or ``html``; a
    ``jsonl`` file read as one document is plain text). Raises :class:`FormatError`."""
    if fmt == MARKDOWN:
        return markdown_text(text)
    if fmt == HTML:
        return html_text(text, url=url)
    return Extracted(text)


# -- Markdown ---------------------------------------------------------------------------------


@cache
def _markdown_parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


def markdown_text(text: str, *, title: str | None = None) -> Extracted:
    """Markdown as paragraphs of plain text (see the module docstring).

    ``title`` is a title known already (a page's): a first level-1 heading with the same
    words is then dropped rather than taken as the title.
    """
    fields, body = _front_matter(text)
    title = title or fields.get("title")
    known = _key(title) if title else None
    blocks: list[str] = []
    tokens = _markdown_parser().parse(body)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "table_open":
            while i < len(tokens) and tokens[i].type != "table_close":
                i += 1
        elif token.type == "heading_open" and i + 1 < len(tokens):
            i += 1  # the heading's inline token
            heading = _inline_text(tokens[i].children or [])
            if token.tag == "h1" and title is None and heading:
                title, known = heading, _key(heading)
            elif token.tag == "h1" and known is not None and _key(heading) == known:
                known = None  # the page's own headline, dropped once
            else:
                blocks.append(heading)
        elif token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        i += 1
    paragraphs = ("\n".join(" ".join(line.split()) for line in b.split("\n")) for b in blocks)
    return Extracted(
        "\n\n".join(p for p in paragraphs if p.strip()),
        title=title,
        author=fields.get("author"),
        date=fields.get("date"),
    )


def _inline_text(children: list[Token]) -> str:
    """The words of an inline run: links keep their text; code, images, raw HTML and
    autolinked URLs are left out; soft breaks are spaces, hard breaks line breaks."""
    parts: list[str] = []
    autolink = False
    for child in children:
        kind = child.type
        if kind == "link_open":
            autolink = child.markup == "autolink"
        elif kind == "link_close":
            autolink = False
        elif kind == "text" and not autolink:
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind in ("code_inline", "image", "html_inline"):
            parts.append(" ")
    return "".join(parts).strip()


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The simple ``key: value`` fields of a leading front-matter block, and the rest."""
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match or not _FRONT_MATTER_FIELD.search(match.group(1)):
        return {}, text
    fields: dict[str, str] = {}
    for key, value in _FRONT_MATTER_FIELD.findall(match.group(1)):
        value = value.strip().strip("\"'").strip()
        if value:
            fields.setdefault(key.lower(), value)
    return fields, text[match.end() :]


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


# -- HTML -------------------------------------------------------------------------------------


def html_text(text: str, *, url: str | None = None) -> Extracted:
    """The main text of an HTML page, with its title, author and date where found."""
    page = text
    if not re.search(r"<(?:html|body)\b", text[:_SNIFF_CHARS], re.IGNORECASE):
        page = f"<html><body>{text}</body></html>"  # trafilatura wants a whole document
    found = _trafilatura(page, url)
    title = _field(found, "title")
    body = getattr(found, "text", None) if found is not None else None
    body = body if isinstance(body, str) else ""
    extracted = markdown_text(body, title=title) if body.strip() else Extracted("", title)
    if not extracted.text.strip():
        extracted = Extracted(_visible_text(page), extracted.title)
    return Extracted(
        extracted.text,
        title=extracted.title,
        author=_field(found, "author"),
        date=_field(found, "date"),
    )


def _trafilatura(page: str, url: str | None) -> Any:
    """trafilatura's result for ``page`` (None when it finds no main text)."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise FormatError(f"reading HTML needs trafilatura ({exc})") from None
    try:
        return trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=True,
            deduplicate=False,
        )
    except Exception:  # hostile markup must not stop the run: fall back to the visible text
        return None


def _visible_text(page: str) -> str:
    """All the visible text of a page, a paragraph per block element (scripts, styles and
    the head left out)."""
    try:
        import trafilatura

        text = trafilatura.html2txt(page) or ""
    except Exception:  # as above: a page nothing can be read from has no text
        return ""
    return "\n\n".join(line for line in text.splitlines() if line.strip())


def _field(found: Any, name: str) -> str | None:
    value = getattr(found, name, None) if found is not None else None
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
