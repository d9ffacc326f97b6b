"""Word tokenization, stop words and stemming, for a language given by name.

Everything here works offline: stop-word lists come from the files sumy ships inside its
package, and stemming uses NLTK's Snowball stemmers, which need no data. A language without
a stemmer is left unstemmed; one without a stop-word list keeps every word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from nltk.stem.snowball import SnowballStemmer

from summarize.errors import SummarizeError

# Words are runs of letters/digits, with inner apostrophes, hyphens or dots ("don't", "U.S.",
# "10.9bn" stays one token). Curly apostrophes are folded to straight ones first.
_WORD = re.compile(r"\w+(?:['.\-]\w+)*", re.UNICODE)
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")

LANGUAGES = (
    "arabic", "czech", "danish", "dutch", "english", "finnish", "french", "german", "greek",
    "hungarian", "italian", "norwegian", "polish", "portuguese", "romanian", "russian",
    "slovak", "spanish", "swedish", "ukrainian",
)  # fmt: skip


def check_language(language: str) -> str:
    """Return ``language`` normalised, or raise a :class:`SummarizeError` naming the choices."""
    name = language.strip().lower()
    if name not in LANGUAGES:
        raise SummarizeError(
            f"unsupported language {language!r}; available: {', '.join(LANGUAGES)}"
        )
    return name


def tokenize(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens of ``text``, punctuation dropped, possessive 's removed."""
    folded = _straight_apostrophes(text.lower())
    words = _WORD.findall(folded)
    if "'s" in folded:
        return tuple([w[:-2] if w.endswith("'s") else w for w in words])
    return tuple(words)


def _straight_apostrophes(text: str) -> str:
    if not text.isascii():
        for apostrophe in _APOSTROPHES:
            text = text.replace(apostrophe, "'")
    return text


@cache
def stop_words(language: str) -> frozenset[str]:
    """The stop words of ``language`` (empty when there is no list for it)."""
    try:
        data = resources.files("sumy").joinpath("data", "stopwords", f"{language}.txt")
        lines = data.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return frozenset()
    words = {_straight_apostrophes(w.strip().lower()) for w in lines}
    return frozenset(w for w in words if w)


@dataclass
class Analyzer:
    """Turns tokens into terms: stop words dropped, the rest stemmed (with a cache)."""

    language: str = "english"
    _stops: frozenset[str] = field(init=False, repr=False)
    _stem: object = field(init=False, repr=False)
    _cache: dict[str, str] = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.language = check_language(self.language)
        self._stops = stop_words(self.language)
        stemmer = (
            SnowballStemmer(self.language) if self.language in SnowballStemmer.languages else None
        )
        self._stem = stemmer.stem if stemmer is not None else (lambda w: w)

    def terms(self, tokens: tuple[str, ...]) -> tuple[str, ...]:
        """The stems of the content words among ``tokens``, in order."""
        cache = self._cache
        try:
            stems = [cache[token] for token in tokens]
        except KeyError:
            for token in tokens:
                if token not in cache:
                    cache[token] = self._term(token)
            stems = [cache[token] for token in tokens]
        return tuple([stem for stem in stems if stem])

    def _term(self, token: str) -> str:
        """The stem of a content word; "" for a stop word or a token with no letter or digit."""
        if token in self._stops or not any(c.isalnum() for c in token):
            return ""
        return self._stem(token)  # type: ignore[operator]


@cache
def analyzer(language: str = "english") -> Analyzer:
    """A shared :class:`Analyzer` per language (its stem cache grows with use)."""
    return Analyzer(language)
