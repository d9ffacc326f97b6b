"""Finding page chrome and other boilerplate before scoring.

Web pages and wire copy carry lines that are not part of the story: photo captions and
credits, player stubs ("Loading..."), teaser links to other stories, reporter credits, stray
fragments, cookie and web-archive notices. Each rule below looks at the *shape* of a
sentence — whether it was a line of its own without final punctuation, its length, markers
that only captions carry, where a reporting verb stands, repetition inside its own source,
and the share of its words that belong to the vocabulary of web pages rather than of news —
and gives a reason when it fires. ``boilerplate()`` returns those reasons; the pipeline drops
the sentences and ``--explain`` shows why.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from summarize.model import Document, Sentence, SentenceRef

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
        repeated = _repeated_wordings(document.sentences)
        for sentence in document.sentences:
            reason = why_boilerplate(sentence, repeated)
            if reason is not None:
                reasons[sentence.ref] = reason
    return reasons


def why_boilerplate(
    sentence: Sentence, repeated: frozenset[tuple[str, ...]] = frozenset()
) -> str | None:
    """The first boilerplate rule the sentence meets, or None for story text. ``repeated``
    holds the wordings (token sequences) that occur more than once in the sentence's source."""
    text = sentence.text
    if sentence.standalone:
        return "standalone line (heading, teaser, stub)"
    if len(sentence.tokens) < MIN_WORDS:
        return f"fragment of fewer than {MIN_WORDS} words"
    if _PICTURE_POSITION.search(text) or _MEDIA_LABEL.search(text):
        return "picture caption"
    if len(sentence.tokens) <= CREDIT_MAX_WORDS and (
        _CREDIT_END.search(text) or _CREDIT_START.search(text)
    ):
        return "reporter credit"
    if sentence.tokens in repeated:
        return "repeated in its own source"
    chrome = sum(1 for token in sentence.tokens if token in _CHROME_WORDS)
    if chrome >= 2 and chrome >= CHROME_SHARE * len(sentence.tokens):
        return "web-page notice"
    return None


def _repeated_wordings(sentences: Iterable[Sentence]) -> frozenset[tuple[str, ...]]:
    counts = Counter(s.tokens for s in sentences)
    return frozenset(tokens for tokens, n in counts.items() if n > 1 and tokens)
