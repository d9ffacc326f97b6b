"""Paragraph- and line-aware sentence segmentation, fully offline.

The text is cut into paragraphs at blank lines. Inside a paragraph the lines are grouped into
*blocks*: hard-wrapped newswire lines are joined back together, while titles, captions and
other short lines without sentence-final punctuation stay on their own. Each block is then
split into sentences with NLTK's Punkt algorithm, driven by parameters built here by hand (an
abbreviation list, a few collocations and the capitalisation habits of common sentence
starters) instead of a trained model, so nothing has to be downloaded.

Line rules (see :func:`_hard_breaks`), for a line followed by another line of the paragraph:

* the next line starts with a lower-case word, or this line ends with continuation punctuation
  (``,`` ``;`` ``:`` a dash, an opening bracket) or a function word (``the``, ``of``...): join;
* the line ends in ``.``/``!``/``?``/an ellipsis (closing quotes allowed): join when its last
  token is a known abbreviation or an initial (``Mr.``, ``U.S.``, ``J.``) or when the line is
  *full* (wrapped prose); Punkt then decides whether a sentence ends there. Otherwise the line
  ends its block;
* no final punctuation: join when the line is full and a later line of the paragraph does end
  a sentence (so a list of headlines is never run together); otherwise it stands alone;
* the next line starts with a bullet ("- ", "* ", "1. "): never join.

A line is *full* when it and the next line's first word would not fit in the paragraph's wrap
width (its longest line), the way a greedy line wrapper breaks text.

Punkt's sentence breaks are then corrected in three ways: a break after an abbreviation that
never ends a sentence ("Mr.", "Gen.", "e.g.") is undone, and so is a break before a plain
lower-case word (``"Stop!" he said.``, ``He paused... and went on.``); and a sentence never
starts with the quote that closes one left open in the sentence before (``like?"This``):
the quote goes back to the sentence it closes.

A unit is ``standalone`` when it is exactly one whole source line that looks like a heading:
no sentence-final punctuation (a trailing ellipsis, as in "Loading...", does not count) and at
most :data:`MAX_STANDALONE_WORDS` words.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from nltk.tokenize.punkt import (
    _ORTHO_BEG_UC,
    _ORTHO_MID_LC,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

__all__ = [
    "MAX_STANDALONE_WORDS",
    "TITLES",
    "Unit",
    "ends_with_photo_credit",
    "segment",
    "split_title",
    "word_set",
]

MAX_STANDALONE_WORDS = 25
"""Longest line (in words) that can be a standalone unit (title, caption, teaser)."""

_TITLE_MAX_WORDS = 20
_TITLE_MAX_CHARS = 150
_TITLE_MAX_WORDS_QUESTION = 12  # a headline ending in "?" or "!" must be shorter still

_MIN_WRAP_WIDTH = 40  # narrower paragraphs are never treated as hard-wrapped prose
_FULL_LINE_RATIO = 0.9  # slack on the wrap width (ragged or justified wrappers)


@dataclass(frozen=True)
class Unit:
    """One sentence (or standalone line) of the source text."""

    text: str
    """The sentence text, whitespace-normalised and stripped."""
    paragraph: int
    """0-based index of the paragraph it came from (counting paragraphs that gave units)."""
    standalone: bool
    """True when the unit is a whole line on its own (title, caption, short line)."""


# --------------------------------------------------------------------------------------------
# Punkt parameters


def word_set(text: str) -> frozenset[str]:
    """The words of ``text`` (split at whitespace) as a set: how word lists are written."""
    return frozenset(text.split())


# Personal titles before a name ("Mr", "Dr", "Gen"): lower-case, without the final period, as
# Punkt stores them (the headline uses them too, to find a surname standing alone).
TITLES = word_set(
    "mr mrs ms messrs mmes mme mlle dr prof gen col lt sgt capt cpl pvt maj adm cmdr cdr brig "
    "gov sen rep reps sens rev hon pres supt det insp atty amb fr msgr mt"
)
# Abbreviations that are (practically) never the last word of a sentence: a Punkt break after
# them is undone.
_NEVER_FINAL = TITLES | word_set("e.g i.e vs cf viz")

_ABBREVIATIONS = _NEVER_FINAL | word_set(
    # titles and name suffixes
    "jr sr st esq ph.d m.d b.a m.a d.d.s "
    # months (not "may") and days
    "jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri "
    # places and organisations
    "u.s u.s.a u.k u.n e.u u.a.e u.s.s.r d.c n.y l.a ave blvd rd hwy ft "
    "ala ariz ark calif colo conn fla kan ky mich minn mont neb nev okla tenn tex vt wis wyo "
    # business and references
    "inc corp co ltd llc plc bros dept univ assn govt est approx etc al fig figs vol vols "
    "pp ed eds eq dist intl natl "
    # time
    "a.m p.m"
)

# "No. 5", "Nos. 3 and 4", "Vol. 2": abbreviations only before a number (otherwise "no." is
# the word "no" ending a sentence).
_COLLOCATIONS = frozenset(
    (word, "##number##") for word in ("no", "nos", "art", "ch", "sec", "para", "p", "op")
)

# Common words that begin sentences: written with a capital they signal a new sentence after
# an abbreviation ("... in the U.S. The ..."). Names that double as words (Will, May, Bill)
# are deliberately absent, as are "a" and "i" (initials).
_SENTENCE_STARTERS = word_set(
    """
    the an he she it they we you his her its their our my your this that these those there
    here but and or so yet nor in on at for with by from as after before when while if
    although though because since until unless what why how who where which whose some many
    most all both each every other another such more only even not however meanwhile also
    still then now today yesterday earlier later last during despite instead indeed thus
    therefore moreover furthermore nevertheless nonetheless according under over among
    several few neither either one two three
    """
)

_OPEN_QUOTES = "\"'`\u2018\u201c\u00ab\u2039([{"
_CLOSERS = "\"'`\u2019\u201d\u00bb\u203a)]}"


class _LanguageVars(PunktLanguageVars):
    """Punkt's English variables, with typographic quotes treated like ASCII ones.

    Recent NLTK releases already do this; spelling it out keeps the behaviour the same on older
    ones: a period right before a closing curly quote is still a candidate boundary, the quote is
    moved onto the sentence it closes, and an opening quote is split off the word it precedes.
    The one-character ellipsis "\u2026" is a candidate boundary too (a break before a lower-case
    word is undone afterwards, as for "...").
    """

    _re_period_context: re.Pattern[str]  # compiled on first use, as Punkt does
    _re_word_tokenizer: re.Pattern[str]

    sent_end_chars = (".", "?", "!", "\u2026")  # ... and the one-character ellipsis
    re_boundary_realignment = re.compile(
        r"[\"')\]}\u2018\u2019\u201c\u201d\u00ab\u00bb]+?(?:\s+|(?=--)|$)", re.MULTILINE
    )
    _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,\u2018\u201c\u00ab]"

    @property
    def _re_non_word_chars(self) -> str:
        others = re.escape("".join(set(self.sent_end_chars) - {"."}))
        return rf"(?:[)\";}}\]\*:@\'\({{\[\u2018\u2019\u201c\u201d\u00ab\u00bb{others}])"

    # Punkt's own patterns, compiled with the standard ``re`` module: some NLTK releases route
    # them through a timeout-guarded engine that is several times slower per call. They are
    # linear on our input (whitespace is already collapsed to single spaces).

    def period_context_re(self) -> re.Pattern[str]:
        try:
            return self._re_period_context
        except AttributeError:
            fields = {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}
            self._re_period_context = re.compile(self._period_context_fmt % fields, re.VERBOSE)
            return self._re_period_context

    def _word_tokenizer_re(self) -> re.Pattern[str]:
        try:
            return self._re_word_tokenizer
        except AttributeError:
            fields = {
                "NonWord": self._re_non_word_chars,
                "MultiChar": self._re_multi_char_punct,
                "WordStart": self._re_word_start,
            }
            self._re_word_tokenizer = re.compile(self._word_tokenize_fmt % fields, re.VERBOSE)
            return self._re_word_tokenizer


class _Token(PunktToken):
    """Punkt's token with its type patterns compiled by the standard ``re`` module."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(r"\.\.+$")
    _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
    _RE_INITIAL = re.compile(r"[^\W\d]\.$")
    _RE_ALPHA = re.compile(r"[^\W\d]+$")


def _english_parameters() -> PunktParameters:
    params = PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    params.collocations = set(_COLLOCATIONS)
    params.sent_starters = set(_SENTENCE_STARTERS)
    for word in _SENTENCE_STARTERS:
        # Seen capitalised at sentence starts and lower-case inside sentences.
        params.add_ortho_context(word, _ORTHO_BEG_UC | _ORTHO_MID_LC)
    return params


class _Tokenizer(PunktSentenceTokenizer):
    """Punkt, with its most common decision taken without tokenizing and annotating the
    context: a plain word of two or more letters, a period, a space and another token. Punkt
    breaks there whenever the word is not an abbreviation and does not open a collocation
    (an initial, a number, an ellipsis or an abbreviation is what its second pass looks at),
    so the answer is the same; every other context goes through Punkt itself."""

    _PLAIN_END = re.compile(r"([^\W\d_]{2,})\.\s+\S")

    def __init__(self, params: PunktParameters) -> None:
        super().__init__(params, lang_vars=_LanguageVars(), token_cls=_Token)
        self._not_plain = frozenset(params.abbrev_types) | {a for a, _ in params.collocations}

    def text_contains_sentbreak(self, text: str) -> bool:
        plain = self._PLAIN_END.match(text)
        if plain is not None and plain.group(1).lower() not in self._not_plain:
            return True
        return super().text_contains_sentbreak(text)


_TOKENIZERS: dict[str, PunktSentenceTokenizer] = {}


def _tokenizer(language: str) -> PunktSentenceTokenizer:
    """The Punkt tokenizer for ``language``, built on first use (all languages share English
    parameters for now)."""
    key = language.strip().lower() or "english"
    tokenizer = _TOKENIZERS.get(key)
    if tokenizer is None:
        tokenizer = _Tokenizer(_english_parameters())
        _TOKENIZERS[key] = tokenizer
    return tokenizer


# --------------------------------------------------------------------------------------------
# Line shape

_LINE_SEPARATORS = str.maketrans({"\u2029": "\n\n", "\x0c": "\n\n"})
_INVISIBLE = ("\ufeff", "\u00ad", "\u200b")  # byte-order mark, soft hyphen, zero-width space
_INNER_END = re.compile("[.?!\u2026]")  # Punkt's candidate sentence ends (_LanguageVars)
_TRAILING_END = ".?!\u2026 " + _CLOSERS
_BULLET = re.compile(r"(?:[\u2022\u25cf\u25aa\u2023*\u2013\u2014-]|\d{1,3}[.)])\s")
_FIRST_WORD = re.compile(r"[^\w]*(\w+)")
_FIRST_WORD_WINDOW = 200  # characters searched for the first word of a sentence
_CONTINUATION_END = frozenset(",;:-\u2013\u2014([{/&")
_FUNCTION_WORDS = word_set(
    "the a an of and or but nor to in on at for with by from as that than into onto its "
    "their his her our your my whose"
)


def _normalise(line: str) -> str:
    if not line.isascii():
        for mark in _INVISIBLE:  # (str.translate with a table costs ten times more)
            if mark in line:
                line = line.replace(mark, "")
    return " ".join(line.split())


def _core_end(line: str) -> str:
    """``line`` without trailing closing quotes and brackets."""
    return line.rstrip(_CLOSERS)


def _ends_sentence(line: str) -> bool:
    """Ends in ``.``, ``!``, ``?`` or an ellipsis, closing quotes allowed."""
    return _core_end(line)[-1:] in (".", "!", "?", "\u2026")


def _ends_ellipsis(line: str) -> bool:
    core = _core_end(line)
    return core.endswith(("..", "\u2026", ". ."))


def _heading_like(line: str) -> bool:
    """No sentence-final punctuation (an ellipsis is fine) and short enough for a title."""
    if _ends_sentence(line) and not _ends_ellipsis(line):
        return False
    return line.count(" ") < MAX_STANDALONE_WORDS


def _last_token(line: str) -> str:
    return line.rsplit(" ", 1)[-1].lstrip(_OPEN_QUOTES)


def _ends_with_never_final(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ends with an abbreviation such as "Mr." that never ends a sentence."""
    token = text[max(start, text.rfind(" ", start, end) + 1) : end].lstrip(_OPEN_QUOTES)
    return token.endswith(".") and token[:-1].lower() in _NEVER_FINAL


def _ends_with_abbreviation(line: str) -> bool:
    token = _last_token(line)
    return token.endswith(".") and token[:-1].lower() in _ABBREVIATIONS


def _ends_with_initial(line: str) -> bool:
    token = _last_token(line)
    return len(token) == 2 and token[0].isalpha() and token[0].isupper() and token[1] == "."


def _starts_lower(text: str, start: int = 0) -> bool:
    """The first word from ``start`` on (after opening punctuation) is a plain lower-case word
    ("eBay" is not)."""
    # Only a short window is searched: over a long run without any word character, an
    # unbounded search from every sentence start made segmentation quadratic.
    match = _FIRST_WORD.match(text, start, start + _FIRST_WORD_WINDOW)
    return match is not None and match.group(1).isalpha() and match.group(1).islower()


def _first_word_len(line: str) -> int:
    return len(line.split(" ", 1)[0])


def _hard_breaks(lines: list[str]) -> list[bool]:
    """For each (normalised, non-empty) line of a paragraph: does its block end after it?"""
    count = len(lines)
    width = max(len(line) for line in lines)
    ends = [_ends_sentence(line) for line in lines]
    # sentence_later[i]: some line after i ends in sentence-final punctuation.
    sentence_later = [False] * count
    for i in range(count - 2, -1, -1):
        sentence_later[i] = sentence_later[i + 1] or ends[i + 1]

    breaks = [True] * count
    for i in range(count - 1):
        line, nxt = lines[i], lines[i + 1]
        full = (
            width >= _MIN_WRAP_WIDTH
            and len(line) + 1 + _first_word_len(nxt) > _FULL_LINE_RATIO * width
        )
        if _BULLET.match(nxt):
            join = False
        elif _starts_lower(nxt):
            join = True
        elif ends[i]:
            join = full or _ends_with_abbreviation(line) or _ends_with_initial(line)
        elif line[-1] in _CONTINUATION_END or _last_token(line).lower() in _FUNCTION_WORDS:
            join = True
        else:
            join = full and sentence_later[i]
        breaks[i] = not join
    return breaks


def _paragraphs(text: str) -> list[list[str]]:
    """Blank-line separated paragraphs, each a list of normalised non-empty lines."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    if "\u2029" in text or "\x0c" in text:
        text = text.translate(_LINE_SEPARATORS)
    for raw in text.splitlines():
        line = _normalise(raw)
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


# --------------------------------------------------------------------------------------------
# Sentences of a block


def _join(lines: list[str]) -> tuple[str, dict[int, tuple[int, bool]]]:
    """Join a block's lines into one string.

    Returns the string and, for each line start offset, the line's end offset and whether the
    line looks like a heading. A line ending in a hyphen directly after a letter ("kick-") is
    joined to a next line starting with a letter without a space.
    """
    parts: list[str] = []
    spans: dict[int, tuple[int, bool]] = {}
    pos = 0
    for i, line in enumerate(lines):
        if i:
            prev = lines[i - 1]
            glue = (
                ""
                if len(prev) > 1 and prev[-1] == "-" and prev[-2].isalpha() and line[0].isalpha()
                else " "
            )
            parts.append(glue)
            pos += len(glue)
        spans[pos] = (pos + len(line), _heading_like(line))
        parts.append(line)
        pos += len(line)
    return "".join(parts), spans


def _sentences(block: str, tokenizer: PunktSentenceTokenizer) -> list[tuple[int, int]]:
    """Punkt sentence spans of ``block``, with breaks after titles and before lower-case words
    undone."""
    spans: list[tuple[int, int]] = []
    for start, end in _punkt_spans(block, tokenizer):
        piece = block[start:end]
        start += len(piece) - len(piece.lstrip())
        end = start + len(piece.strip())
        if start >= end:
            continue
        if spans and (
            _ends_with_never_final(block, spans[-1][0], spans[-1][1]) or _starts_lower(block, start)
        ):
            spans[-1] = (spans[-1][0], end)
            continue
        if spans:
            closing = _closing_quotes(block, spans[-1][0], start, end)
            if closing:
                spans[-1] = (spans[-1][0], start + closing)
                start += closing
                start += len(block[start:end]) - len(block[start:end].lstrip())
                if start >= end:
                    continue
        spans.append((start, end))
    return spans


# Quotes that may close a quotation, with the quote that opens it.
_QUOTE_PAIRS = {'"': '"', "\u201d": "\u201c", "\u2019": "\u2018"}


def _closing_quotes(block: str, previous: int, start: int, end: int) -> int:
    """How many characters at ``block[start:end]`` are the quote (and any brackets right
    after it) closing a quotation that the text from ``previous`` to ``start`` left open;
    0 when the sentence does not start that way."""
    quote = block[start : start + 1]
    opening = _QUOTE_PAIRS.get(quote)
    if opening is None:
        return 0
    before = block[previous:start]
    if opening == quote:
        open_left = before.count(quote) % 2 == 1
    else:
        open_left = before.count(opening) > before.count(quote)
    if not open_left:
        return 0
    length = 1
    while start + length < end and block[start + length] in ")]}":
        length += 1
    return length


def _punkt_spans(block: str, tokenizer: PunktSentenceTokenizer) -> Iterable[tuple[int, int]]:
    """Punkt's spans; a block with no sentence-final mark before its end is one sentence, and
    is not handed to Punkt, which would find the same."""
    if _INNER_END.search(block.rstrip(_TRAILING_END)) is None:
        return [(0, len(block))]
    return tokenizer.span_tokenize(block)


def _has_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def segment(text: str, language: str = "english") -> list[Unit]:
    """Split text into sentence units in source order."""
    tokenizer = _tokenizer(language)
    units: list[Unit] = []
    index = 0
    for lines in _paragraphs(text):
        produced = False
        breaks = _hard_breaks(lines)
        first = 0
        for i, is_break in enumerate(breaks):
            if not is_break:
                continue
            block, line_spans = _join(lines[first : i + 1])
            first = i + 1
            for start, end in _sentences(block, tokenizer):
                sentence = block[start:end]
                if not _has_word(sentence):
                    continue
                whole_line = line_spans.get(start)
                standalone = whole_line is not None and whole_line == (end, True)
                units.append(Unit(sentence, index, standalone))
                produced = True
        if produced:
            index += 1
    return units


# --------------------------------------------------------------------------------------------
# Titles

# A parenthesised photo credit at the end of a sentence, made of capitalised names:
# "(Jane Doe / Staff Photographer)", "(AP Photo/Jane Doe)", "(Jane Doe/Getty Images)",
# "(Photo: Jane Doe)", "(Photo by Jane Doe)", "(Getty Images)". A slash form needs a photo or
# agency word on one side; lower-case prose in brackets ("(up from 1/2 of staff)") is not one.
_CREDIT_NAME = (
    r"[A-Z][\w.'\u2019&-]*(?:\s+(?:[A-Z][\w.'\u2019&-]*|for|of|the|via|and|de|van|von)){0,7}"
)
_CREDIT_WORD = (
    r"(?i:photographer|photographers|photo|photos|photograph|staff|ap|afp|reuters|getty"
    r"|epa|shutterstock|pool|courtesy|contributor|handout|images)"
)
_PHOTO_CREDIT = re.compile(
    r"\(\s*(?:"
    rf"(?=[^()/]*\b{_CREDIT_WORD}\b|[^()]*/[^()]*\b{_CREDIT_WORD}\b)"
    rf"{_CREDIT_NAME}\s*/\s*{_CREDIT_NAME}"
    rf"|(?i:photos?|photograph|picture|image)\s*(?::|(?i:by|courtesy\s+of)\s)\s*{_CREDIT_NAME}"
    rf"|(?:{_CREDIT_NAME}\s+)?(?:Getty\s+Images|Shutterstock|AP\s+Photo|AFP\s+Photo)"
    r")\s*\)[\s.]*$"
)


def ends_with_photo_credit(text: str) -> bool:
    """Whether ``text`` ends with a parenthesised photo credit, the mark of a caption:
    "(Jane Doe / Staff Photographer)", "(AP Photo/Jane Doe)", "(Getty Images)"."""
    return text.endswith((")", ").", ") ")) and _PHOTO_CREDIT.search(text) is not None


def _looks_like_title(line: str) -> bool:
    if not any(ch.isalpha() for ch in line) or len(line) > _TITLE_MAX_CHARS:
        return False
    words = line.count(" ") + 1
    if words > _TITLE_MAX_WORDS:
        return False
    core = _core_end(line)
    if not core or core[-1] in _CONTINUATION_END or core[-1] in ".\u2026":
        return False
    if ends_with_photo_credit(line):
        return False  # a picture caption
    if core[-1] in "?!":
        return words <= _TITLE_MAX_WORDS_QUESTION
    return True


def split_title(text: str) -> tuple[str | None, str]:
    """If the first non-blank line of `text` looks like a headline, return (title, rest_of_text);
    else (None, text).

    The first line is a headline when it is short (at most 20 words and 150 characters), does not
    end in a period or continuation punctuation (a short "?"/"!" headline is fine), some body text
    follows it, and it stands on its own: a blank line follows it, or the next line does not
    continue it (by the same line rules :func:`segment` uses). The rest is ``text`` with just
    that line (and its line break) removed.
    """
    raw_lines = text.splitlines(keepends=True)
    first = next((i for i, raw in enumerate(raw_lines) if _normalise(raw)), None)
    if first is None:
        return None, text
    title = _normalise(raw_lines[first])
    offset = sum(len(raw) for raw in raw_lines[:first])
    rest = text[:offset] + text[offset + len(raw_lines[first]) :]
    if not _has_word(rest) or not _looks_like_title(title):
        return None, text

    # The title's paragraph, as segment() would see it (same width, same line rules).
    paragraph = [title]
    for previous, raw in itertools.pairwise(raw_lines[first:]):
        line = _normalise(raw)
        if not line or previous.endswith(("\u2029", "\x0c")):
            break
        paragraph.append(line)
    if len(paragraph) > 1 and not _hard_breaks(paragraph)[0]:
        return None, text
    return title, rest
