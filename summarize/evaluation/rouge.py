"""ROUGE-N and ROUGE-L (recall, precision, F1) with the conventions of ROUGE-1.5.5.

Source: Chin-Yew Lin, "ROUGE: A Package for Automatic Evaluation of Summaries" (ACL
workshop Text Summarization Branches Out, 2004), and the behaviour of Lin's Perl script
``ROUGE-1.5.5.pl`` run as ``-m [-l N | -b N] -f A`` (alpha 0.5). What is reproduced:

* **Tokens** are the runs of ASCII letters and digits, lower-cased; everything else
  (punctuation, hyphens, accented letters) separates tokens. No stop words are removed.
* **Stemming** (``stem=True``, the script's ``-m``) applies to tokens longer than three
  characters, with the Porter stemmer the script embeds: Martin Porter's own version of
  the algorithm plus Lin's change to step 4, where ``-ment``, then ``-ent`` or ``-ion``,
  are tried again after the other step-4 suffixes (so "statement" becomes "statem" and
  "congressional" becomes "congress"). We take NLTK's ``PorterStemmer`` in
  ``MARTIN_EXTENSIONS`` mode, which implements Porter's version, and override its step 4
  with Lin's. (NLTK's default mode, which the ``rouge-score`` package uses, adds NLTK's own
  changes, for example "says" -> "say" where the script gives "sai". On the words of the
  development news sets, NLTK's default mode stems about 3.5% of the tokens differently
  from a line-by-line transliteration of the script's stemmer, plain ``MARTIN_EXTENSIONS``
  0.4%, and this stemmer none.) The override uses NLTK's private ``_step4`` and
  ``_measure``; ``tests/test_rouge.py`` checks words that only Lin's variant stems the
  script's way, so a change in NLTK shows up there. Stems are cached in a dictionary.
* **Length limits** are applied to the system summary and to every reference before
  tokenizing, as the script's options do: ``words=N`` (``-l N``) keeps the first N
  whitespace-separated words, ``bytes_=N`` (``-b N``) the first N bytes of UTF-8 text.
  Like the script, the text is taken line by line and the line breaks between kept lines
  are not counted as bytes.
* **Several references are pooled** (``-f A``): clipped n-gram hits and reference n-gram
  totals are summed over the references, and the system's total is counted once per
  reference, before recall, precision and F1 (beta = 1) are computed. With
  ``multi_ref="max"`` (the script's ``-f B``) each measure instead takes the one reference
  with the highest recall (the first of equals), and its precision and F1 with it.
* **ROUGE-L** is the summary-level LCS of the paper (section 3.2) as the script computes
  it: for every reference sentence, the union of its longest common subsequences with each
  system sentence, with ties broken as the script does; a token counts as a hit only while
  unmatched occurrences of it remain in both texts (the script's guard against counting a
  system word twice). Recall divides by the reference's tokens, precision by the system's.

Where we depart from the script:

* the script's stemmer first looks words up in a WordNet 2.0 list of irregular forms
  ("went" -> "go"); that data is not shipped here, so irregular forms are stemmed by the
  Porter rules alone (as in ``rouge-score``);
* ROUGE-L needs sentences. The script reads one sentence per line; here a text is split
  at line breaks *and* after ``.``, ``!`` or ``?`` (optionally followed by closing quotes
  or brackets) before whitespace, so a summary joined with spaces is still split. The
  split is a heuristic ("U.S. officials" splits), which only matters for ROUGE-L;
* for ROUGE-L the script's ``-b`` cut never advances its byte count (it keeps every line
  shorter than the limit up to the first longer one, which it cuts); we cut ROUGE-L's
  input exactly as ROUGE-N's;
* scores are exact floats (the script rounds R and P to five decimals before F1), and an
  empty system summary or no usable reference gives zeros rather than an error;
* the script counts a line's leading whitespace as one extra "word" under ``-l`` (a quirk
  of Perl's ``split``); we do not.

Where we follow the script rather than Google's ``rouge-score`` package (its tokenizer and
its summary-level LCS, ``rougeLsum``, are the parts it already does the script's way:
``tests/test_rouge.py`` checks that our numbers equal its numbers wherever the conventions
coincide). The package is not a dependency; these are the places where the figures differ:

* **stemmer**: ``rouge-score`` uses NLTK's default Porter mode; we use the script's variant
  (see *Stemming* above), which changes about 3.5% of the stems on news text;
* **several references**: ``rouge-score``'s ``score_multi`` keeps, per measure, the
  reference with the best F1; we pool them (``-f A``) by default, and ``multi_ref="max"``
  picks the reference with the best *recall*, as ``-f B`` does;
* **length limits**: ``rouge-score`` scores whole texts; we cut the system and every
  reference to the budget first (``-l`` / ``-b``);
* **ROUGE-L**: ``rougeLsum`` splits sentences at line breaks only; we also split after
  sentence-final punctuation (see above). Its other ROUGE-L, ``rougeL``, is one LCS over the
  whole text, which the script never computes and we do not offer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem.porter import PorterStemmer

from summarize.errors import SummarizeError

MULTI_REF = ("pool", "max")
"""How several references combine: pooled counts (``-f A``) or the best reference (``-f B``)."""

_TOKEN = re.compile(r"[A-Za-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+")
_MIN_STEM_LENGTH = 4  # tokens longer than 3 characters are stemmed


@dataclass(frozen=True)
class Score:
    """Precision, recall and their harmonic mean (F1) of one ROUGE measure, each in [0, 1]."""

    precision: float
    recall: float
    fmeasure: float


class _RougePorterStemmer(PorterStemmer):
    """Porter's own version of the stemmer (NLTK ``MARTIN_EXTENSIONS``) with step 4 as in
    ROUGE-1.5.5, where ``-ment``, ``-ent`` and ``-(s|t)ion`` are tried after the other
    step-4 suffixes instead of being alternatives to them."""

    # step-4 suffixes tried first, longest first so the longest one that ends the word wins
    _STEP4 = tuple("ement ance ence able ible ism ate iti ous ive ize ant al er ic ou".split())

    def __init__(self) -> None:
        super().__init__(mode=PorterStemmer.MARTIN_EXTENSIONS)

    def _step4(self, word: str) -> str:
        suffix = next((s for s in self._STEP4 if word.endswith(s)), None)
        if suffix is not None:
            word = self._strip_if_long(word, len(suffix))
        if word.endswith("ment"):
            word = self._strip_if_long(word, 4)
        if word.endswith(("ent", "sion", "tion")):  # -ent, else -ion after s or t
            word = self._strip_if_long(word, 3)
        return word

    def _strip_if_long(self, word: str, length: int) -> str:
        stem = word[:-length]
        return stem if self._measure(stem) > 1 else word


_STEMMER = _RougePorterStemmer()
_STEMS: dict[str, str] = {}


def stem_token(token: str) -> str:
    """The ROUGE stem of one lower-case token (tokens of three characters or fewer stay)."""
    stemmed = _STEMS.get(token)
    if stemmed is None:
        stemmed = _STEMMER.stem(token) if len(token) >= _MIN_STEM_LENGTH else token
        _STEMS[token] = stemmed
    return stemmed


def tokens(text: str, stem: bool = True) -> list[str]:
    """The ROUGE tokens of ``text``: lower-cased ASCII alphanumeric runs, maybe stemmed."""
    words = [t.lower() for t in _TOKEN.findall(text)]
    return [stem_token(t) for t in words] if stem else words


def cut_lines(text: str, *, words: int | None = None, bytes_: int | None = None) -> list[str]:
    """The non-empty lines of ``text`` that fit a length limit, the last one shortened.

    ``words``: the first N whitespace-separated words; ``bytes_``: the first N bytes of
    UTF-8 text, line breaks not counted (a character cut in two is dropped). No limit
    keeps every line.
    """
    check_limits(words, bytes_)
    lines = [line for line in text.split("\n") if line]
    if words is not None:
        return _cut_words(lines, words)
    if bytes_ is not None:
        return _cut_bytes(lines, bytes_)
    return lines


def _cut_words(lines: list[str], limit: int) -> list[str]:
    kept: list[str] = []
    used = 0
    for line in lines:
        line_words = line.split()
        if used + len(line_words) >= limit:
            kept.append(" ".join(line_words[: limit - used]))
            break
        kept.append(line)
        used += len(line_words)
    return kept


def _cut_bytes(lines: list[str], limit: int) -> list[str]:
    kept: list[str] = []
    used = 0
    for line in lines:
        data = line.encode("utf-8")
        if used + len(data) >= limit:
            kept.append(data[: limit - used].decode("utf-8", errors="ignore"))
            break
        kept.append(line)
        used += len(data)
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


def sentence_tokens(
    text: str, *, stem: bool = True, words: int | None = None, bytes_: int | None = None
) -> list[list[str]]:
    """The tokens of each sentence of ``text`` cut to the limit (sentences: see module doc);
    sentences without tokens are left out."""
    units = []
    for line in cut_lines(text, words=words, bytes_=bytes_):
        for sentence in _SENTENCE_END.split(line):
            found = tokens(sentence, stem)
            if found:
                units.append(found)
    return units


def ngrams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    """Counts of the n-grams (tuples of ``n`` consecutive tokens) of ``words``."""
    if n == 1:
        return Counter((w,) for w in words)
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def make_score(hits: int, system_total: int, reference_total: int) -> Score:
    """P = hits / system total, R = hits / reference total, F1; zeros where undefined."""
    precision = hits / system_total if system_total else 0.0
    recall = hits / reference_total if reference_total else 0.0
    total = precision + recall
    fmeasure = 2 * precision * recall / total if total > 0 else 0.0
    return Score(precision=precision, recall=recall, fmeasure=fmeasure)


def rouge_n(
    system: str,
    references: Sequence[str],
    n: int,
    *,
    stem: bool = True,
    words: int | None = None,
    bytes_: int | None = None,
    multi_ref: str = "pool",
) -> Score:
    """ROUGE-N of ``system`` against ``references`` pooled as ROUGE-1.5.5 ``-f A`` does
    (``multi_ref="max"``: the reference with the best recall, as ``-f B`` does).

    A single string is taken as one reference. ``words`` / ``bytes_`` cut the system and
    every reference first (``-l`` / ``-b``).
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise SummarizeError(f"ROUGE-N needs n >= 1, got {n!r}")
    check_multi_ref(multi_ref)
    system_units = sentence_tokens(system, stem=stem, words=words, bytes_=bytes_)
    reference_units = [
        sentence_tokens(r, stem=stem, words=words, bytes_=bytes_) for r in _as_list(references)
    ]
    return _rouge_n(system_units, reference_units, n, multi_ref)


def rouge_l(
    system: str,
    references: Sequence[str],
    *,
    stem: bool = True,
    words: int | None = None,
    bytes_: int | None = None,
    multi_ref: str = "pool",
) -> Score:
    """Summary-level ROUGE-L (union LCS) of ``system`` against pooled ``references`` (or the
    best one, with ``multi_ref="max"``)."""
    check_multi_ref(multi_ref)
    system_units = sentence_tokens(system, stem=stem, words=words, bytes_=bytes_)
    reference_units = [
        sentence_tokens(r, stem=stem, words=words, bytes_=bytes_) for r in _as_list(references)
    ]
    return _rouge_l(system_units, reference_units, multi_ref)


def score_all(
    system: str,
    references: Sequence[str],
    *,
    words: int | None = None,
    bytes_: int | None = None,
    stem: bool = True,
    multi_ref: str = "pool",
) -> dict[str, Score]:
    """ROUGE-1, ROUGE-2 and ROUGE-L (keys "rouge1", "rouge2", "rougeL"), tokenizing once."""
    check_multi_ref(multi_ref)
    system_units = sentence_tokens(system, stem=stem, words=words, bytes_=bytes_)
    reference_units = [
        sentence_tokens(r, stem=stem, words=words, bytes_=bytes_) for r in _as_list(references)
    ]
    return {
        "rouge1": _rouge_n(system_units, reference_units, 1, multi_ref),
        "rouge2": _rouge_n(system_units, reference_units, 2, multi_ref),
        "rougeL": _rouge_l(system_units, reference_units, multi_ref),
    }


def check_multi_ref(multi_ref: str) -> None:
    """Raise :class:`SummarizeError` unless ``multi_ref`` is one of :data:`MULTI_REF`."""
    if multi_ref not in MULTI_REF:
        raise SummarizeError(
            f"unknown way to combine references {multi_ref!r}; available: {', '.join(MULTI_REF)}"
        )


def _as_list(references: Sequence[str]) -> list[str]:
    return [references] if isinstance(references, str) else list(references)


def _combine(counts: list[tuple[int, int, int]], multi_ref: str) -> Score:
    """One score from per-reference ``(hits, system total, reference total)``: summed
    (``pool``), or those of the reference with the highest recall, the first of equals
    (``max``)."""
    if multi_ref == "max":
        best: tuple[int, int, int] = (0, 0, 0)
        best_recall = -1.0
        for hits, system_total, reference_total in counts:
            recall = hits / reference_total if reference_total else 0.0
            if recall > best_recall:
                best, best_recall = (hits, system_total, reference_total), recall
        return make_score(*best)
    return make_score(
        sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts)
    )


def _flatten(units: list[list[str]]) -> list[str]:
    return [t for unit in units for t in unit]


def _rouge_n(
    system_units: list[list[str]],
    reference_units: list[list[list[str]]],
    n: int,
    multi_ref: str = "pool",
) -> Score:
    system_grams = ngrams(_flatten(system_units), n)
    system_count = sum(system_grams.values())
    counts = []
    for units in reference_units:
        reference_grams = ngrams(_flatten(units), n)
        hits = sum((reference_grams & system_grams).values())
        counts.append((hits, system_count, sum(reference_grams.values())))
    return _combine(counts, multi_ref)


def _rouge_l(
    system_units: list[list[str]], reference_units: list[list[list[str]]], multi_ref: str = "pool"
) -> Score:
    system_counts = Counter(_flatten(system_units))
    system_count = sum(system_counts.values())
    counts = []
    for units in reference_units:
        hits = union_lcs_hits(units, system_units, system_counts)
        counts.append((hits, system_count, sum(len(unit) for unit in units)))
    return _combine(counts, multi_ref)


def union_lcs_hits(
    reference_units: Sequence[Sequence[str]],
    system_units: Sequence[Sequence[str]],
    system_counts: Counter[str] | None = None,
) -> int:
    """Tokens of the reference in the union LCS with the system sentences, clipped so no
    token occurrence of either text is counted twice (ROUGE-1.5.5's ``lcs``)."""
    if system_counts is None:
        system_counts = Counter(t for unit in system_units for t in unit)
    left_system = Counter(system_counts)
    left_reference = Counter(t for unit in reference_units for t in unit)
    hits = 0
    systems = [tuple(system) for system in system_units]
    for reference in reference_units:
        marked = [False] * len(reference)
        key = tuple(reference)
        for system in systems:
            for position in lcs_positions(key, system):
                marked[position] = True
        for token, hit in zip(reference, marked, strict=True):
            if hit and left_reference[token] > 0 and left_system[token] > 0:
                hits += 1
                left_reference[token] -= 1
                left_system[token] -= 1
    return hits


@lru_cache(maxsize=1 << 12)
def lcs_positions(reference: tuple[str, ...], system: tuple[str, ...]) -> tuple[int, ...]:
    """The reference positions on one LCS of the two token tuples (see :func:`mark_lcs`).

    Cached: an evaluation scores many summaries against the same references, and different
    summaries share sentences, so the same pairs come back again and again."""
    if not set(reference).intersection(system):
        return ()
    marked = [False] * len(reference)
    mark_lcs(reference, system, marked)
    return tuple(i for i, hit in enumerate(marked) if hit)


def mark_lcs(reference: Sequence[str], system: Sequence[str], marked: list[bool]) -> None:
    """Set ``marked[i]`` for each reference position on one LCS of the two token lists.

    The LCS is traced back from the end as ROUGE-1.5.5 does: diagonal on a match, else up
    (dropping a reference token) when that keeps the length, else left.
    """
    m, n = len(reference), len(system)
    if not m or not n:
        return
    table = [[0] * (n + 1)]
    for i in range(1, m + 1):
        above = table[i - 1]
        row = [0] * (n + 1)
        token = reference[i - 1]
        for j in range(1, n + 1):
            if token == system[j - 1]:
                row[j] = above[j - 1] + 1
            else:
                up, left = above[j], row[j - 1]
                row[j] = up if up >= left else left
        table.append(row)
    i, j = m, n
    while i and j:
        if reference[i - 1] == system[j - 1]:
            i -= 1
            j -= 1
            marked[i] = True
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
