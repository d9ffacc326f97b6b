"""ROUGE-N / ROUGE-L: hand-computed golden values on tiny sentences, the ROUGE-1.5.5
conventions (tokens, stemming of long tokens only, length limits, pooled references) and,
when the ``rouge-score`` package is installed, agreement with it where conventions match."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarize.errors import SummarizeError
from summarize.evaluation.rouge import (
    Score,
    cut_lines,
    line_tokens,
    mark_lcs,
    rouge_l,
    rouge_n,
    score_all,
    stem_token,
    tokens,
)

from .conftest import EVAL


def assert_score(score: Score, precision: Fraction, recall: Fraction, fmeasure: Fraction):
    assert score.precision == pytest.approx(float(precision))
    assert score.recall == pytest.approx(float(recall))
    assert score.fmeasure == pytest.approx(float(fmeasure))


# --------------------------------------------------------------------------------------------
# Golden values


def test_rouge_n_same_length_texts():
    # system:    the cat sat on the mat   (6 tokens)
    # reference: the cat was on the mat   (6 tokens)
    # ROUGE-1 hits, clipped: the 2 + cat 1 + on 1 + mat 1 = 5  ->  P = R = F = 5/6
    # ROUGE-2: system  the-cat cat-sat sat-on on-the the-mat (5)
    #          ref     the-cat cat-was was-on on-the the-mat (5)
    #          hits    the-cat on-the the-mat = 3            ->  P = R = F = 3/5
    system, reference = "The cat sat on the mat.", "The cat was on the mat."
    r1 = Fraction(5, 6)
    r2 = Fraction(3, 5)
    assert_score(rouge_n(system, [reference], 1, stem=False), r1, r1, r1)
    assert_score(rouge_n(system, [reference], 2, stem=False), r2, r2, r2)


def test_rouge_n_and_l_different_lengths():
    # system:    police arrested two men                (4 tokens)
    # reference: two men were arrested by police        (6 tokens)
    # ROUGE-1: hits police, arrested, two, men = 4  ->  P = 4/4, R = 4/6,
    #          F = 2 * 1 * 2/3 / (1 + 2/3) = (4/3) / (5/3) = 4/5
    # ROUGE-2: system police-arrested arrested-two two-men (3); ref has 5 bigrams;
    #          one hit (two-men)  ->  P = 1/3, R = 1/5, F = (2/15) / (8/15) = 1/4
    # ROUGE-L: LCS = "two men" (2)  ->  P = 2/4, R = 2/6, F = (1/3) / (5/6) = 2/5
    system, reference = "Police arrested two men", "Two men were arrested by police"
    assert_score(
        rouge_n(system, [reference], 1, stem=False), Fraction(1), Fraction(2, 3), Fraction(4, 5)
    )
    assert_score(
        rouge_n(system, [reference], 2, stem=False),
        Fraction(1, 3),
        Fraction(1, 5),
        Fraction(1, 4),
    )
    assert_score(
        rouge_l(system, [reference], stem=False), Fraction(1, 2), Fraction(1, 3), Fraction(2, 5)
    )


def test_rouge_n_clips_repeated_ngrams():
    # system "the the the the" has 4 x "the"; the reference "the cat" only one:
    # hits = min(4, 1) = 1  ->  P = 1/4, R = 1/2, F = 2 * 1/8 / (3/4) = 1/3
    assert_score(
        rouge_n("the the the the", ["the cat"], 1, stem=False),
        Fraction(1, 4),
        Fraction(1, 2),
        Fraction(1, 3),
    )


def test_stemming_matches_inflected_forms():
    # stemmed:   system "the dog bark" (3), reference "a dog was bark" (4)
    #            hits dog, bark = 2  ->  P = 2/3, R = 2/4, F = (2/3) / (7/6) = 4/7
    # unstemmed: dogs != dog, barked != barking  ->  no hit
    system, reference = "The dogs barked", "A dog was barking"
    assert_score(rouge_n(system, [reference], 1), Fraction(2, 3), Fraction(1, 2), Fraction(4, 7))
    assert rouge_n(system, [reference], 1, stem=False) == Score(0.0, 0.0, 0.0)


def test_rouge_l_union_lcs_of_the_paper():
    # Lin (2004), section 3.2: reference r = w1 w2 w3 w4 w5, system sentences
    # c1 = w1 w2 w6 w7 w8 and c2 = w1 w3 w8 w9 w5.  LCS(r, c1) = w1 w2, LCS(r, c2) =
    # w1 w3 w5; their union w1 w2 w3 w5 has 4 tokens  ->  R = 4/5, P = 4/10,
    # F = 2 * 0.4 * 0.8 / 1.2 = 8/15
    system = "w1 w2 w6 w7 w8.\nw1 w3 w8 w9 w5."
    assert_score(
        rouge_l(system, ["w1 w2 w3 w4 w5."]), Fraction(2, 5), Fraction(4, 5), Fraction(8, 15)
    )


def test_rouge_l_never_counts_a_system_token_twice():
    # Both reference sentences "x y" match the one system sentence "x y", but the system
    # has one x and one y: 2 hits, not 4  ->  P = 2/2, R = 2/4, F = 2/3
    assert_score(rouge_l("x y", ["x y.\nx y."]), Fraction(1), Fraction(1, 2), Fraction(2, 3))


def test_rouge_l_units_are_the_lines_as_in_the_script():
    # one unit per line, full stops do not split; a punctuation-only line is an empty unit
    assert line_tokens("One two. Three!\n...\nFour (5.5) six", stem=False) == [
        ["one", "two", "three"],
        [],
        ["four", "5", "5", "six"],
    ]
    # one line: the LCS of "b a" with "a b" is one token; as two lines, both are hits
    assert rouge_l("a b", ["b a"]).recall == pytest.approx(0.5)
    assert rouge_l("a b", ["b\na"]).recall == pytest.approx(1.0)


# --------------------------------------------------------------------------------------------
# Tokens and stemming


def test_tokens_are_lowercase_ascii_alphanumeric_runs():
    assert tokens("U.S.-led forces' 2nd strike, état", stem=False) == [
        "u",
        "s",
        "led",
        "forces",
        "2nd",
        "strike",
        "tat",
    ]


def test_only_tokens_longer_than_three_characters_are_stemmed():
    # Porter alone would turn "was" into "wa" and "its" into "it".
    assert tokens("was its dogs running", stem=True) == ["was", "its", "dog", "run"]


def test_stemmer_follows_rouge_perl_script():
    # Porter's own version (not NLTK's extensions, which would give "say" and "they") ...
    assert stem_token("says") == "sai"
    assert stem_token("they") == "thei"
    # ... and Lin's step 4, which tries -ment / -ent and -ion after the other suffixes.
    assert stem_token("statement") == "statem"
    assert stem_token("congressional") == "congress"
    assert stem_token("replacement") == "replac"
    assert stem_token("adoption") == "adopt"


def test_exception_list_comes_before_porter_and_is_final():
    # irregular forms from the script's WordNet list (not stemmed further) ...
    assert [stem_token(w) for w in ("said", "were", "been", "children", "went")] == [
        "say",
        "be",
        "be",
        "child",
        "go",
    ]
    assert stem_token("data") == "datum"
    assert stem_token("better") == "well"  # the script's map, adv.exc written last
    # ... "mice" -> "mouse", but "mouse" itself goes to Porter: the two do not match
    assert (stem_token("mice"), stem_token("mouse")) == ("mouse", "mous")
    # tokens of three characters or fewer are never looked up
    assert tokens("Men ran, was said", stem=True) == ["men", "ran", "was", "say"]
    # digits longer than three characters go through Porter too
    assert stem_token("1990s") == "1990"
    # "went" matches "go"; "said" -> "say" does not match "says" (Porter: "sai")
    assert rouge_n("went home", ["go home"], 1).recall == 1.0
    assert rouge_n("said home", ["says home"], 1).recall == 0.5


# --------------------------------------------------------------------------------------------
# Length limits


def test_words_limit_cuts_system_and_references():
    # cut to 3 words: system "one two three", reference "one two three" -> all 1.
    # uncut: system 5 tokens, reference 4, hits 3 -> P = 3/5, R = 3/4
    system, reference = "One two three four five", "one two three six"
    assert rouge_n(system, [reference], 1, words=3) == Score(1.0, 1.0, 1.0)
    uncut = rouge_n(system, [reference], 1)
    assert (uncut.precision, uncut.recall) == (pytest.approx(0.6), pytest.approx(0.75))


def test_words_are_whitespace_separated_not_tokens():
    assert cut_lines("U.S.-led forces advanced", words=1) == ["U.S.-led"]
    assert cut_lines("a b\nc d\ne", words=3) == ["a b", "c"]


def test_bytes_limit_counts_utf8_bytes_but_not_line_breaks():
    assert cut_lines("héllo world", bytes_=3) == ["hé"]
    assert cut_lines("héllo world", bytes_=2) == ["h"]  # half of "é" is dropped
    assert cut_lines("ab\ncd", bytes_=3) == ["ab", "c"]
    # system cut to "the cat" -> tokens the, cat; reference "the cat" -> P = R = 1
    assert rouge_n("the cat sat", ["the cat"], 1, bytes_=7) == Score(1.0, 1.0, 1.0)


def test_limits_are_checked():
    with pytest.raises(SummarizeError):
        rouge_n("a", ["a"], 1, words=3, bytes_=10)
    with pytest.raises(SummarizeError):
        rouge_n("a", ["a"], 1, words=0)
    with pytest.raises(SummarizeError):
        rouge_n("a", ["a"], 0)


# --------------------------------------------------------------------------------------------
# Several references


def test_references_are_pooled_not_averaged():
    # system "the cat sat" (3 tokens) against
    #   ref 1 "the cat":   hits the, cat = 2, ref total 2
    #   ref 2 "a dog sat": hits sat = 1,      ref total 3
    # pooled: R = (2 + 1) / (2 + 3) = 3/5; P = 3 / (3 + 3) = 1/2; F = 0.6 / 1.1 = 6/11
    # (averaging the two recalls would give (1 + 1/3) / 2 = 2/3 instead)
    assert_score(
        rouge_n("the cat sat", ["the cat", "a dog sat"], 1, stem=False),
        Fraction(1, 2),
        Fraction(3, 5),
        Fraction(6, 11),
    )


def test_a_single_string_is_one_reference():
    assert rouge_n("the cat", "the cat", 1) == rouge_n("the cat", ["the cat"], 1)


# --------------------------------------------------------------------------------------------
# Empty inputs


@pytest.mark.parametrize(
    ("system", "references"),
    [("", ["the cat"]), ("the cat", []), ("the cat", [""]), ("...", ["!!"]), ("", [])],
)
def test_empty_inputs_give_zeros(system, references):
    zero = Score(0.0, 0.0, 0.0)
    assert rouge_n(system, references, 1) == zero
    assert rouge_n(system, references, 2) == zero
    assert rouge_l(system, references) == zero


def test_too_short_for_the_ngram_size_gives_zeros():
    assert rouge_n("cat", ["cat"], 2) == Score(0.0, 0.0, 0.0)


def test_score_all_keys_and_consistency():
    system, reference = "Police arrested two men", "Two men were arrested by police"
    scores = score_all(system, [reference], stem=False)
    assert list(scores) == ["rouge1", "rouge2", "rougeL"]
    assert scores["rouge1"] == rouge_n(system, [reference], 1, stem=False)
    assert scores["rouge2"] == rouge_n(system, [reference], 2, stem=False)
    assert scores["rougeL"] == rouge_l(system, [reference], stem=False)


_words = st.lists(st.sampled_from(["the", "cat", "sat", "on", "mat", "dogs", "ran", "."]))


@settings(max_examples=200, deadline=None)
@given(system=_words, reference=_words)
def test_scores_are_bounded_and_lcs_below_unigrams(system, reference):
    scores = score_all(" ".join(system), [" ".join(reference)])
    for score in scores.values():
        for value in (score.precision, score.recall, score.fmeasure):
            assert 0.0 <= value <= 1.0
    assert scores["rougeL"].recall <= scores["rouge1"].recall + 1e-12


def test_identical_texts_score_one():
    text = "Rescuers searched the flooded valley. Two villages were evacuated overnight."
    for score in score_all(text, [text]).values():
        assert score == Score(1.0, 1.0, 1.0)


# --------------------------------------------------------------------------------------------
# Agreement with rouge-score (Google's Python reimplementation) where conventions coincide:
# one reference, no length limit, stemming on, and words both stemmers treat alike (none in
# the script's WordNet exception list, which rouge-score does not have).

AGREEMENT_CASES = [
    (
        "Heavy rain flooded the northern region overnight.\nTwo villages got evacuated.",
        "Floods hit the northern region after heavy rains.\nVillagers got evacuated at night.",
    ),
    (
        "The council approved the new budget after a long debate.",
        "After long debates, councillors approved a budget for the new year.",
    ),
    ("Prices climbed sharply.", "Sharp climbs in prices alarmed shoppers and traders."),
]


@pytest.mark.parametrize(("system", "reference"), AGREEMENT_CASES)
def test_agrees_with_rouge_score_package(system, reference):
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    from nltk.stem.porter import PorterStemmer

    nltk_default = PorterStemmer()
    for token in tokens(system + " " + reference, stem=False):
        if len(token) > 3:  # precondition: the two stemmers agree on these words
            assert stem_token(token) == nltk_default.stem(token), token
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    expected = theirs.score(reference, system)
    ours = score_all(system, [reference])
    for key, their_key in (("rouge1", "rouge1"), ("rouge2", "rouge2"), ("rougeL", "rougeLsum")):
        assert ours[key].precision == pytest.approx(expected[their_key].precision)
        assert ours[key].recall == pytest.approx(expected[their_key].recall)
        assert ours[key].fmeasure == pytest.approx(expected[their_key].fmeasure)


@pytest.mark.skipif(not (EVAL / "allsides-val.jsonl").exists(), reason="no evaluation sets")
def test_agrees_with_rouge_score_on_a_dev_set_without_stemming():
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=False)
    with (EVAL / "allsides-val.jsonl").open(encoding="utf-8") as handle:
        for line, _ in zip(handle, range(50), strict=False):
            cluster = json.loads(line)
            system = " ".join(d["text"] for d in cluster["documents"])
            reference = cluster["summaries"][0]
            expected = theirs.score(reference, system)
            ours = score_all(system, [reference], stem=False)
            for key in ("rouge1", "rouge2"):
                assert ours[key].recall == pytest.approx(expected[key].recall)
                assert ours[key].fmeasure == pytest.approx(expected[key].fmeasure)


# --------------------------------------------------------------------------------------------
# --multi-ref max: the reference with the best recall (ROUGE-1.5.5 -f B)


def test_multi_ref_max_takes_the_reference_with_the_best_recall():
    # system "the cat sat" (3 tokens) against
    #   ref 1 "the cat":   hits 2 of 2  -> recall 1     <- best
    #   ref 2 "a dog sat": hits 1 of 3  -> recall 1/3
    # ref 1 alone: P = 2/3, R = 1, F = (4/3) / (5/3) = 4/5
    assert_score(
        rouge_n("the cat sat", ["the cat", "a dog sat"], 1, stem=False, multi_ref="max"),
        Fraction(2, 3),
        Fraction(1),
        Fraction(4, 5),
    )
    # ROUGE-L: LCS with ref 1 is "the cat" (2 of 2), with ref 2 "sat" (1 of 3): ref 1 again
    assert_score(
        rouge_l("the cat sat", ["a dog sat", "the cat"], stem=False, multi_ref="max"),
        Fraction(2, 3),
        Fraction(1),
        Fraction(4, 5),
    )


def test_multi_ref_max_picks_by_recall_not_f1_and_first_of_equals():
    # system "a b c d" against ref 1 "a b c d e f g h" (recall 4/8, precision 1, F 2/3) and
    # ref 2 "a x" (recall 1/2, precision 1/4, F 1/3): equal recall, the first one wins.
    # Against ref 2 then ref 1, ref 2 is taken although ref 1 has the better F1.
    system = "a b c d"
    first = rouge_n(system, ["a b c d e f g h", "a x"], 1, stem=False, multi_ref="max")
    assert_score(first, Fraction(1), Fraction(1, 2), Fraction(2, 3))
    second = rouge_n(system, ["a x", "a b c d e f g h"], 1, stem=False, multi_ref="max")
    assert_score(second, Fraction(1, 4), Fraction(1, 2), Fraction(1, 3))


def test_multi_ref_max_with_one_reference_equals_pooling():
    system, reference = "Police arrested two men", "Two men were arrested by police"
    assert score_all(system, [reference], multi_ref="max") == score_all(system, [reference])


def test_unknown_multi_ref_is_an_error():
    with pytest.raises(SummarizeError, match="pool, max"):
        rouge_n("a", ["a"], 1, multi_ref="mean")
    with pytest.raises(SummarizeError):
        score_all("a", ["a"], multi_ref="best")


def test_agrees_with_rouge_score_multi_where_the_best_recall_is_the_best_f1():
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    system = "Prices rose sharply in the northern region."
    references = ["Sharp rises in prices worried shoppers.", "Prices rose in the region."]
    theirs = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=False)
    expected = theirs.score_multi(references, system)
    ours = score_all(system, references, stem=False, multi_ref="max")
    for key in ("rouge1", "rouge2"):
        assert ours[key].precision == pytest.approx(expected[key].precision)
        assert ours[key].recall == pytest.approx(expected[key].recall)
        assert ours[key].fmeasure == pytest.approx(expected[key].fmeasure)


# --------------------------------------------------------------------------------------------
# The LCS trace: the bit-parallel table gives the marks of the plain dynamic programme


def _plain_marks(reference, system):
    """The script's lcs_inner/markLCS written out plainly."""
    m, n = len(reference), len(system)
    c = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if reference[i - 1] == system[j - 1]:
                c[i][j] = c[i - 1][j - 1] + 1
            else:
                c[i][j] = max(c[i - 1][j], c[i][j - 1])
    marked = [False] * m
    i, j = m, n
    while i and j:
        if reference[i - 1] == system[j - 1]:
            i, j = i - 1, j - 1
            marked[i] = True
        elif c[i - 1][j] >= c[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return marked


_letters = st.lists(st.sampled_from("abcde"), max_size=70)


@settings(max_examples=400, deadline=None)
@given(reference=_letters, system=_letters)
def test_bit_parallel_lcs_marks_equal_the_plain_table(reference, system):
    marked = [False] * len(reference)
    mark_lcs(reference, system, marked)
    assert marked == _plain_marks(reference, system)


def test_the_script_data_ships_in_the_package_with_its_licence():
    from importlib import resources

    from summarize.evaluation.stemming import exception_map, stopword_set

    assert len(exception_map()) == 5930
    assert exception_map()["children"] == "child"
    assert {"reuters", "ap", "the", "jan"} <= stopword_set()
    data = resources.files("summarize.evaluation").joinpath("data")
    notice = data.joinpath("WORDNET-LICENSE.txt").read_text(encoding="utf-8")
    assert "WordNet 2.0 Copyright 2003 by Princeton University" in notice
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"summarize.evaluation" = ["data/*.tsv", "data/*.txt", "data/*.md"]' in pyproject
