"""The ranking step shared by the digest and the headline (``summarize.ranking``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
import scipy.sparse as sp

from summarize import SummarizeError, build_document
from summarize.model import Sentence
from summarize.options import DigestOptions
from summarize.ranking import rank
from summarize.text import features

CARRIED = "Rebels seized the northern city of Kidal after a week of heavy fighting."
DOCUMENTS = [
    build_document(f"Aid workers left the region in a hurry. {CARRIED}", "a"),
    build_document(f"{CARRIED} The army said it would respond within days.", "b"),
]


class Plain:
    """A third-party scorer: ``scores(sentences)`` only."""

    def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
        return np.arange(len(sentences), 0, -1, dtype=float)


class TakesRows:
    """A scorer that accepts the precomputed tf-idf rows."""

    def __init__(self) -> None:
        self.rows: sp.csr_matrix | None = None

    def scores(
        self, sentences: Sequence[Sentence], rows: sp.csr_matrix | None = None
    ) -> np.ndarray:
        self.rows = rows
        return np.ones(len(sentences))


def test_groups_corroboration_and_scaling() -> None:
    ranked = rank(DOCUMENTS, DigestOptions(scorer="lead"))
    assert len(ranked.kept) == 4 and ranked.scorer == "lead"
    carried = [g for g, docs in enumerate(ranked.sources) if docs == {"a", "b"}]
    assert len(carried) == 1  # the sentence both carry is one group
    g = carried[0]
    assert ranked.boost(g) == 1.5 and ranked.group_scores[g] == 1.0
    assert all(ranked.group_of[m] == g for m in ranked.groups[g])
    assert ranked.scores.max() == 1.0 and ranked.rows.shape[0] == len(ranked.kept)


def test_merging_off_leaves_every_sentence_alone() -> None:
    ranked = rank(DOCUMENTS, DigestOptions(scorer="lead", duplicates=None))
    assert ranked.groups == tuple((i,) for i in range(len(ranked.kept)))


def test_the_rows_are_computed_once_and_handed_to_a_scorer_that_takes_them() -> None:
    scorer = TakesRows()
    ranked = rank(DOCUMENTS, scorer=scorer)
    assert scorer.rows is ranked.rows
    assert not ranked.rows.data.flags.writeable  # shared: nobody may change them


def test_a_scorer_without_rows_still_works() -> None:
    ranked = rank(DOCUMENTS, scorer=Plain())
    assert ranked.scorer == "plain" and ranked.scores[0] == 1.0


def test_a_bad_scorer_is_reported() -> None:
    class Short:
        def scores(self, sentences: Sequence[Sentence]) -> np.ndarray:
            return np.ones(1)

    with pytest.raises(SummarizeError, match="one finite score per sentence"):
        rank(DOCUMENTS, scorer=Short())


def test_no_sentences_gives_an_empty_ranking() -> None:
    ranked = rank([build_document("", "a")], DigestOptions(scorer="no-such-scorer"))
    assert ranked.pool == () and ranked.groups == ()


def test_no_module_global_tfidf_cache() -> None:
    assert not hasattr(features, "_last_tfidf")
    sentences = [s for d in DOCUMENTS for s in d.sentences]
    assert features.tfidf(sentences) is not features.tfidf(sentences)
