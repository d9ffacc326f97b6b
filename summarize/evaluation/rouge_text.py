"""How ROUGE-1.5.5 reads a summary: lines, length limits, tokens (see :mod:`summarize.rouge`).

A text is taken as the script takes an SPL file (one unit per line), working on the UTF-8
bytes as the script does:

* the text is split at ``"\\n"`` only; empty lines are skipped, every other line
  (whitespace or punctuation only included) is a unit;
* ``-l N`` (``words``): a line is kept whole while the running count of its
  whitespace-separated words stays below N; the line that reaches N is cut to what is
  left, and reading stops. Words are split on ASCII whitespace only (space, tab, CR, LF,
  FF, VT: not NBSP), punctuation-only words count, and a line that starts with
  whitespace counts one extra empty word (Perl's ``split`` keeps a leading empty field);
* ``-b N`` (``bytes_``): the same with the line's length in bytes; the cut may split a
  word or a multi-byte character, and line breaks are not counted. The script's ROUGE-L
  units under ``-b`` never advance their byte count (every line shorter than N is kept,
  then the first longer one is cut to N bytes): :func:`lcs_units_perl_bytes` gives those;
* tokens are the runs of ASCII letters and digits, with ``A-Z`` lower-cased; every other
  byte (hyphens, punctuation, each byte of a non-ASCII character) separates tokens, so
  ``café`` gives ``caf``;
* ``-s`` drops the stop words (compared unstemmed), then ``-m`` stems what is left
  (:func:`summarize.evaluation.stemming.rouge_stem`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from summarize.errors import SummarizeError
from summarize.evaluation.stemming import MIN_STEM_LENGTH, exception_map, porter_stem

_PERL_SPACE = re.compile(rb"[ \t\n\r\f\v]+")
_TOKEN = re.compile(rb"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Prepared:
    """One text as the script scores it.

    ``tokens``: every token of the cut text in order (what ROUGE-N, ROUGE-SU and the
    unigram clipping of ROUGE-L/W count); ``units``: the tokens of each ROUGE-L/W unit
    (line), empty units included.
    """

    tokens: tuple[str, ...]
    units: tuple[tuple[str, ...], ...]


def text_lines(text: str) -> list[bytes]:
    """The non-empty lines of ``text`` as UTF-8 bytes (split at ``"\\n"`` only)."""
    return [line for line in text.encode("utf-8").split(b"\n") if line]


def perl_words(line: bytes) -> list[bytes]:
    """``split /\\s+/`` of Perl on bytes: ASCII whitespace, a leading empty field kept,
    trailing empty fields dropped."""
    fields = _PERL_SPACE.split(line)
    while fields and not fields[-1]:
        fields.pop()
    return fields


def cut_words(lines: Sequence[bytes], limit: int) -> list[bytes]:
    """The lines within ``limit`` words, the last one cut (``-l``)."""
    kept: list[bytes] = []
    used = 0
    for line in lines:
        words = perl_words(line)
        if used + len(words) < limit:
            kept.append(line)
            used += len(words)
        else:
            kept.append(b" ".join(words[: limit - used]))
            break
    return kept


def cut_bytes(lines: Sequence[bytes], limit: int, *, advance: bool = True) -> list[bytes]:
    """The lines within ``limit`` bytes, the last one cut (``-b``). ``advance=False`` is
    the script's ROUGE-L reading, whose running count never grows."""
    kept: list[bytes] = []
    used = 0
    for line in lines:
        if used + len(line) < limit:
            kept.append(line)
            if advance:
                used += len(line)
        else:
            kept.append(line[: limit - used])
            break
    return kept


def check_limits(words: int | None, bytes_: int | None) -> None:
    """Raise :class:`SummarizeError` unless at most one positive whole limit is given."""
    if words is not None and bytes_ is not None:
        raise SummarizeError("ROUGE takes a limit in words or in bytes, not both")
    for name, value in (("words", words), ("bytes", bytes_)):
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, int) or value < 1
        ):
            raise SummarizeError(f"ROUGE {name} limit must be a whole number >= 1, got {value!r}")


def cut(lines: Sequence[bytes], words: int | None, bytes_: int | None) -> list[bytes]:
    """The lines kept by a ``words`` or ``bytes_`` limit (all of them without one)."""
    if words is not None:
        return cut_words(lines, words)
    if bytes_ is not None:
        return cut_bytes(lines, bytes_)
    return list(lines)


def raw_tokens(unit: bytes) -> list[str]:
    """The lower-cased ASCII alphanumeric runs of one unit, before stop words and stems."""
    return [t.decode("ascii") for t in _TOKEN.findall(unit.lower())]


class Tokenizer:
    """Turns units into ROUGE tokens with a given stop-word set and stemming, remembering
    the stems it has made (one per scorer, never shared between processes' globals)."""

    def __init__(
        self,
        *,
        stem: bool = True,
        stopwords: frozenset[str] = frozenset(),
        exceptions: Mapping[str, str] | None = None,
    ) -> None:
        self.stem = stem
        self.stopwords = stopwords
        self.exceptions = exception_map() if exceptions is None else exceptions
        self._stems: dict[str, str] = {}

    def stem_token(self, token: str) -> str:
        """One token as ``-m`` stems it (cached)."""
        found = self._stems.get(token)
        if found is None:
            if len(token) < MIN_STEM_LENGTH:
                found = token
            else:
                base = self.exceptions.get(token)
                found = base if base is not None else porter_stem(token)
            self._stems[token] = found
        return found

    def unit_tokens(self, unit: bytes) -> tuple[str, ...]:
        """The ROUGE tokens of one unit."""
        found = raw_tokens(unit)
        if self.stopwords:
            found = [t for t in found if t not in self.stopwords]
        if self.stem:
            stem: Callable[[str], str] = self.stem_token
            return tuple(stem(t) for t in found)
        return tuple(found)

    def prepare(
        self,
        text: str,
        *,
        words: int | None = None,
        bytes_: int | None = None,
        perl_lcs_bytes: bool = False,
    ) -> Prepared:
        """``text`` cut and tokenized as the script does; ``perl_lcs_bytes`` gives the
        ROUGE-L/W units the script's ``-b`` reading (see :func:`cut_bytes`)."""
        lines = text_lines(text)
        kept = cut(lines, words, bytes_)
        units = tuple(self.unit_tokens(unit) for unit in kept)
        tokens = tuple(t for unit in units for t in unit)
        if perl_lcs_bytes and bytes_ is not None:
            units = tuple(
                self.unit_tokens(unit) for unit in cut_bytes(lines, bytes_, advance=False)
            )
        return Prepared(tokens=tokens, units=units)
