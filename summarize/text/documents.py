"""Building :class:`~summarize.model.Document` values from raw text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarize.errors import SummarizeError
from summarize.model import Document, Sentence
from summarize.text.segment import segment, split_title
from summarize.text.tokens import analyzer, check_language, tokenize

# A Python string can hold halves of surrogate pairs, which no UTF-8 text can: they would
# break byte counts (``--chars``) and output, so they become U+FFFD like any undecodable byte.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def build_document(
    text: str,
    id: str,
    *,
    title: str | None = None,
    path: str | None = None,
    language: str = "english",
    detect_title: bool = True,
) -> Document:
    """Segment ``text`` into sentences with tokens and terms.

    When no ``title`` is given and ``detect_title`` is on, a first line that looks like a
    headline becomes the title and is not one of the sentences.
    """
    language = check_language(language)
    if not text.isascii():
        text = _LONE_SURROGATE.sub("\ufffd", text)
    if title is not None and not title.isascii():
        title = _LONE_SURROGATE.sub("\ufffd", title)
    body = text
    if title is None and detect_title:
        title, body = split_title(text)
    terms = analyzer(language).terms
    sentences = []
    for index, unit in enumerate(segment(body, language)):
        tokens = tokenize(unit.text)
        sentences.append(
            Sentence(
                doc=id,
                index=index,
                text=unit.text,
                tokens=tokens,
                terms=terms(tokens),
                paragraph=unit.paragraph,
                standalone=unit.standalone,
            )
        )
    return Document(
        id=id, text=text, sentences=tuple(sentences), title=title, path=path, language=language
    )


def as_documents(
    inputs: str | Document | Iterable[str | Document],
    language: str = "english",
    *,
    purpose: str = "summarize",
) -> tuple[Document, ...]:
    """Texts become documents with ids "1", "2", ...; documents pass through. ``purpose``
    names what the caller does, for the error about an input of the wrong type."""
    items = [inputs] if isinstance(inputs, (str, Document)) else list(inputs)
    documents = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, str):
            documents.append(build_document(item, str(number), language=language))
        else:
            raise SummarizeError(
                f"cannot {purpose} a {type(item).__name__}; give text or Documents"
            )
    if len({d.id for d in documents}) != len(documents):
        raise SummarizeError("document ids must be unique")
    return tuple(documents)
