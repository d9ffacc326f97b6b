"""Finding page chrome and other boilerplate before scoring.

Web pages and wire copy carry lines that are not part of the story: photo captions and
credits, player stubs ("Loading..."), teaser links to other stories, reporter credits, stray
fragments, cookie and web-archive notices, copyright lines. Each rule below looks at the
*shape* of a sentence — whether it was a line of its own without final punctuation, its
length, markers that only captions carry, where a reporting verb stands, repetition inside
its own source, and the share of its words that belong to the vocabulary of web pages
rather than of news — and gives a reason when it fires. ``boilerplate()`` returns those
reasons; the pipeline drops the sentences and ``--explain`` shows why.

A paragraph that ends with a parenthesised photo credit ("... on Nov. 28. (Jane Doe / Staff
Photographer)") is a picture caption whole: the credit and every sentence of the paragraph go.
A sentence repeated in its own source is dropped from its second occurrence on: the first
stays, so a story pasted twice collapses to one copy rather than vanishing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from summarize.model import Document, Sentence, SentenceRef
from summarize.text.segment import ends_with_photo_credit

MIN_WORDS = 4
CREDIT_MAX_WORDS = 12
CHROME_SHARE = 0.25

# "(2nd R)", "(L)", "(C, front)", "(left)": positions that only picture captions give.
_PICTURE_POSITION = re.compile(
    r"\((?:\d+(?:st|nd|rd|th)\s+(?:from\s+)?)?(?:L|R|C|left|right|centre|center|front|back)"
    r"(?:\s*,\s*\w+)?\)",
    re.IGNORECASE,
)
# A caption label opening the sentence: "Image: ...", "Photo shows ...", "File photo ...".
_MEDIA_LABEL = re.compile(
    r"^(?:file\s+)?(?:image|photo|picture|pictured|video|graphic|illustration|caption|credit)s?"
    r"\b\s*(?::|(?:shows?|showing|courtesy|via|by)\b)",
    re.IGNORECASE,
)
# "X reports." / "Reporting by X" / "X contributed to this report."
_CREDIT_END = re.compile(
    r"\b(?:reports|reporting|contributed(?:\s+to\s+this\s+(?:report|story))?|writes)[.!]?$",
    re.IGNORECASE,
)
_CREDIT_START = re.compile(
    r"^(?:(?i:reporting|additional\s+reporting|editing|edited|writing)\s+by\b"
    r"|By\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3}(?:\s+and\s+[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3})?\W*$)"
)

# "Copyright 2024 ...", "© 2024 ...", "(c) 2024 ...", "... All rights reserved."
_COPYRIGHT_START = re.compile(
    r"\W*(?:copyright|\u00a9|\(c\))\s*(?:\u00a9\s*)?(?:\d{4}|by\b)", re.IGNORECASE
)
_RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)

# Words of the page around a story rather than of news: accounts, subscriptions, sharing,
# browsers and the web archive. A sentence made largely of them is chrome.
_CHROME_WORDS = frozenset(
    """
    cookie cookies javascript browser browsers subscribe subscribed subscribing subscription
    subscriptions newsletter newsletters unsubscribe login log sign signup email e-mail
    inbox password account privacy policy terms tweet tweets retweet twitter facebook
    instagram whatsapp pinterest google+ share shared sharing click tap download app apps
    advertisement advertising ads sponsored crawl crawls crawled archive archived wayback
    embargo website websites webpage web page pages url link links captures reload refresh
    error loading playlist autoplay video videos comment comments interest interests
    notifications
    """.split()
)


def boilerplate(documents: Iterable[Document]) -> dict[SentenceRef, str]:
    """Every sentence that looks like page chrome, with the reason, keyed by its identity."""
    reasons: dict[SentenceRef, str] = {}
    for document in documents:
        earlier: set[tuple[str, ...]] = set()
        for sentence in document.sentences:
            reason = why_boilerplate(sentence, earlier)
            if reason is not None:
                reasons[sentence.ref] = reason
            if sentence.tokens:
                earlier.add(sentence.tokens)
        for ref in _captioned(document.sentences):
            reasons.setdefault(ref, "picture caption (its paragraph ends with a photo credit)")
    return reasons


def why_boilerplate(
    sentence: Sentence, repeated: Collection[tuple[str, ...]] = frozenset()
) -> str | None:
    """The first boilerplate rule the sentence meets, or None for story text. ``repeated``
    holds the wordings (token sequences) already seen earlier in the sentence's source."""
    text = sentence.text
    if ends_with_photo_credit(text):
        return "photo credit" if text.startswith("(") else "picture caption (with a photo credit)"
    if sentence.standalone:
        return "standalone line (heading, teaser, stub)"
    if len(sentence.tokens) < MIN_WORDS:
        return f"fragment of fewer than {MIN_WORDS} words"
    if _PICTURE_POSITION.search(text) or _MEDIA_LABEL.search(text):
        return "picture caption"
    if is_copyright_notice(text):
        return "copyright notice"
    if len(sentence.tokens) <= CREDIT_MAX_WORDS and (
        _CREDIT_END.search(text) or _CREDIT_START.search(text)
    ):
        return "reporter credit"
    if sentence.tokens in repeated:
        return "repeated in its own source"
    chrome = sum(map(_CHROME_WORDS.__contains__, sentence.tokens))
    if chrome >= 2 and chrome >= CHROME_SHARE * len(sentence.tokens):
        return "web-page notice"
    return None


def is_copyright_notice(text: str) -> bool:
    """Whether ``text`` opens with a copyright mark and year (or "by") or says "all rights
    reserved". (The second is looked for only in a text that has "reserved" in some case:
    searching every text for it, ignoring case, was the slowest check of all.)"""
    if _COPYRIGHT_START.match(text):
        return True
    return "reserved" in text.casefold() and _RIGHTS_RESERVED.search(text) is not None


def _captioned(sentences: Iterable[Sentence]) -> list[SentenceRef]:
    """The sentences of every paragraph whose last sentence ends with a photo credit."""
    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    return [
        s.ref
        for paragraph in paragraphs.values()
        if ends_with_photo_credit(paragraph[-1].text)
        for s in paragraph
    ]
