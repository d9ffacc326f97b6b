"""The stemming of ROUGE-1.5.5's ``-m``: a WordNet exception list, then Lin's Porter variant.

What the script does with a token when ``-m`` is on (and what :func:`rouge_stem` does):

* a token of three characters or fewer is left as it is (``was``, ``ran``, ``men``);
* a longer one is looked up whole in the WordNet 2.0 exception map that the script ships
  (``said`` -> ``say``, ``were`` -> ``be``, ``children`` -> ``child``); when found, the
  map's value is the result and is *not* stemmed further;
* otherwise it goes through the Porter (1980) algorithm as the script's embedded stemmer
  has it, where step 4 is a cascade: the usual suffixes without ``-ment``, ``-ent`` and
  ``-ion`` first (``-ement`` among them), then ``-ment``, then ``-ent`` and, only for a
  word that does not end in ``-ent``, ``-sion``/``-tion``, each on what the previous one
  left. A leading ``y`` is treated as a consonant throughout.

The map is ``data/wordnet-exceptions.tsv`` (the script's ``WordNet-2.0.exc.db`` dumped as
it is; WordNet's licence notice is ``data/WORDNET-LICENSE.txt``). It is read once per
process and handed out read-only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

MIN_STEM_LENGTH = 4
"""Tokens shorter than this are never looked up nor stemmed."""

_PACKAGE = "summarize.evaluation"

# Porter's consonant and vowel sequences, "y" counting as a vowel only after a consonant
# (an upper-case "Y" marks a leading y, which is a consonant).
_CONSONANTS = "[^aeiou][^aeiouy]*"
_VOWELS = "[aeiouy][aeiou]*"
_MEASURE_POSITIVE = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}")
_MEASURE_ONE = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}({_VOWELS})?")
_MEASURE_ABOVE_ONE = re.compile(f"({_CONSONANTS})?{_VOWELS}{_CONSONANTS}{_VOWELS}{_CONSONANTS}")
_HAS_VOWEL = re.compile(f"({_CONSONANTS})?[aeiouy]")
_SHORT_WORD = re.compile(f"{_CONSONANTS}[aeiouy][^aeiouwxy]")  # a whole word C-v-c

_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}
_STEP4 = (
    "al ance ence er ic able ible ant ement ou ism ate iti ous ive ize".split()
)  # without -ment, -ent and -ion, which come after


def _longest_suffix(word: str, suffixes: Mapping[str, str] | Sequence[str]) -> str | None:
    """The longest of ``suffixes`` that ends ``word`` (the leftmost match of an anchored
    alternation), or None."""
    best = None
    for suffix in suffixes:
        if word.endswith(suffix) and (best is None or len(suffix) > len(best)):
            best = suffix
    return best


def _measure_above_zero(stem: str) -> bool:
    return _MEASURE_POSITIVE.match(stem) is not None


def _measure_above_one(stem: str) -> bool:
    return _MEASURE_ABOVE_ONE.match(stem) is not None


def porter_stem(word: str) -> str:
    """``word`` (lower case) stemmed by Porter's algorithm with Lin's step 4."""
    if len(word) < 3:
        return word
    leading_y = word[0] == "y"
    if leading_y:
        word = "Y" + word[1:]
    word = _step1(word)
    for table in (_STEP2, _STEP3):
        suffix = _longest_suffix(word, table)
        if suffix is not None and _measure_above_zero(word[: -len(suffix)]):
            word = word[: -len(suffix)] + table[suffix]
    word = _step4(word)
    word = _step5(word)
    if leading_y:
        word = "y" + word[1:]
    return word


def _step1(word: str) -> str:
    # 1a: plurals
    if word.endswith(("sses", "ies")):
        word = word[:-2]
    elif len(word) > 1 and word[-1] == "s" and word[-2] != "s":
        word = word[:-1]
    # 1b: -eed, -ed, -ing
    if word.endswith("eed"):
        if _measure_above_zero(word[:-3]):
            word = word[:-1]
    elif word.endswith(("ed", "ing")):
        stem = word[:-2] if word.endswith("ed") else word[:-3]
        if _HAS_VOWEL.match(stem):
            word = stem
            if word.endswith(("at", "bl", "iz")):
                word += "e"
            elif len(word) > 1 and word[-1] == word[-2] and word[-1] not in "aeiouylsz":
                word = word[:-1]
            elif _SHORT_WORD.fullmatch(word):
                word += "e"
    # 1c: y -> i after a vowel somewhere in the stem
    if word.endswith("y") and _HAS_VOWEL.match(word[:-1]):
        word = word[:-1] + "i"
    return word


def _step4(word: str) -> str:
    suffix = _longest_suffix(word, _STEP4)
    if suffix is not None and _measure_above_one(word[: -len(suffix)]):
        word = word[: -len(suffix)]
    if word.endswith("ment") and _measure_above_one(word[:-4]):
        word = word[:-4]
    if word.endswith("ent"):
        if _measure_above_one(word[:-3]):
            word = word[:-3]
    elif word.endswith(("sion", "tion")) and _measure_above_one(word[:-3]):
        word = word[:-3]
    return word


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        if _measure_above_one(stem) or (
            _MEASURE_ONE.fullmatch(stem) and not _SHORT_WORD.fullmatch(stem)
        ):
            word = stem
    if word.endswith("ll") and _measure_above_one(word):
        word = word[:-1]
    return word


@lru_cache(maxsize=1)
def exception_map() -> Mapping[str, str]:
    """WordNet 2.0's irregular forms as ROUGE-1.5.5 ships them (read-only)."""
    text = resources.files(_PACKAGE).joinpath("data", "wordnet-exceptions.tsv").read_text("ascii")
    pairs = (line.split("\t", 1) for line in text.splitlines() if line)
    return MappingProxyType({key: value for key, value in pairs})


@lru_cache(maxsize=1)
def stopword_set() -> frozenset[str]:
    """The words ROUGE-1.5.5's ``-s`` removes (its ``smart_common_words.txt``)."""
    text = resources.files(_PACKAGE).joinpath("data", "smart-common-words.txt").read_text("utf-8")
    return frozenset(word.strip() for word in text.splitlines() if word.strip())


def rouge_stem(token: str, exceptions: Mapping[str, str] | None = None) -> str:
    """A lower-case token as ROUGE-1.5.5 ``-m`` stems it: short tokens as they are, then
    the exception map (final), else Porter with Lin's step 4."""
    if len(token) < MIN_STEM_LENGTH:
        return token
    table = exception_map() if exceptions is None else exceptions
    base = table.get(token)
    return base if base is not None else porter_stem(token)
