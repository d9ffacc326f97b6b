"""Concept coverage as an integer program (Gillick & Favre, 2009).

Concepts are bigrams of stemmed words (a bigram of two stop words is no concept). A
concept's weight is the number of documents that carry it, and concepts carried by fewer
than ``max(min_documents, ceil(min_share * documents))`` documents are left out (ICSISumm
drops df < 3 for ten-document clusters: ``min_share`` 0.3; with a single document the
weight is the number of sentences and the floor 2, so a single article still has
concepts). As in ICSISumm, candidates can be held to ``min_words`` words or more and,
unless ``quotes``, to sentences that do not open with a quotation mark (when that leaves
none, every sentence is a candidate). The program chooses sentences ``x_j`` (0 or 1)
and concepts ``c_i`` (between 0 and 1) to

    maximise   sum_i w_i c_i  +  tie * sum_j score_j x_j
    subject to sum_j cost_j x_j <= budget
               c_i <= sum_j x_j    over the sentences j that contain concept i
               x_a + x_b <= 1      for sentences whose cosine reaches ``redundancy``

so a concept counts once however many chosen sentences carry it: redundancy costs budget and
earns nothing, and near-duplicates are never chosen together. This is ICSISumm's program
with two exact reductions: its constraints ``x_j <= c_i`` are left out and ``c_i`` need not
be integer (with positive weights the optimum sets every ``c_i`` to ``min(1, sum_j x_j)``,
so it is the same program), and concepts found in exactly the same sentences are one concept
of their summed weight. Concepts are weighted over all the candidates, but only the
best-scored ``max_candidates`` sentences (None: all, as ICSISumm) enter the program.
``scipy.optimize.milp`` (HiGHS) solves it to within a relative ``gap`` of the optimum,
stopping after ``time_limit`` seconds with the best solution found so far; when it has none
(no concepts, no solution in time), the greedy selector's answer is used and the selection
says so. The time limit is a safety net set far above the usual solve time (tens of
milliseconds): a tight limit would make the answer depend on how busy the machine is.

Why the defaults differ from ICSISumm (issue #15; ``benchmarks/protocol.py`` on
multinews-200 at 230 and 100 words and allsides-val at 80 and 40 words, gains in points of
mean R1/R2 F1 over lead+greedy; "## ILP against ICSISumm" in ``benchmarks/RESULTS.md``):

- ``tie`` 0.01: the scorer's scores break ties between selections that cover the same
  concepts, and a sentence with no concept left to cover still earns its score, so the
  budget is filled. ICSISumm has no such term; ``tie=0`` loses 1.35 points on multinews at
  230 words (+0.97 -> -0.38), where the concepts of a two- or three-article cluster are all
  covered well inside the budget.
- ``max_candidates`` 60: with the lead scorer the limit is a position prior (the first
  sentences of each article); all sentences lose 0.31 and 0.29 on multinews (allsides, at
  most 15 candidates a cluster, is unchanged). With textrank the limit is neutral over
  the sets (-0.05, +0.12) but on the 13 multinews clusters of five or more articles all
  sentences gain 0.97 at 230 words: with a centrality scorer on ten-article clusters (DUC,
  where ICSISumm was measured) use ``max_candidates=None``.
- ``redundancy`` 0.5: the cosine constraint that ICSISumm lacks changes little either way
  (None: -0.06, -0.01, -0.01, -0.01 with lead); it is kept so near-duplicates that escaped
  merging are never both chosen.
- ``min_share`` 0, ``min_words`` 0, ``quotes`` True: ICSISumm's pruning (``min_share=0.3,
  min_words=10, quotes=False``) loses 0.86 on multinews at 230 words; ICSISumm as published
  (its pruning, all sentences, no cosine constraint, no tie term, solved exactly) scores
  +0.26 on average against our defaults' +0.79 and loses significantly to lead on
  multinews at 230 words (-1.12).
- ``gap`` 0.02: solving exactly gains 0.09 on average (the tie term is smaller than the gap,
  so HiGHS may stop at any selection within 2% of the best coverage, leaving 1.5 to 2% of
  the budget unused on multinews) but triples the slow cases: on multinews with the lead
  scorer, p95 68 -> 202 ms and max 128 -> 482 ms a cluster.

Exact ties in score (the lead scorer gives every article's first sentence the same score) are
left to HiGHS, so an equivalent formulation of the program can choose other, equally good
selections: solved exactly, the reductions above change 32 of the 307 allsides selections at
80 words, each for one of the same coverage and score; at the default gap that cell moved
from +1.26 (the protocol run before them) to +0.89.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import scipy.sparse as sp
from scipy.optimize import Bounds, LinearConstraint, milp

from summarize.model import Budget
from summarize.selectors.base import Pool, selectors
from summarize.selectors.budget import Selection
from summarize.selectors.budget import costs as costs_of
from summarize.selectors.greedy import Greedy
from summarize.text.tokens import analyzer, stop_words

_QUOTE = re.compile(r"^\s*(?:[\"“]|``)")


@selectors.register("ilp")
@dataclass(frozen=True)
class ConceptILP:
    """Maximum weighted bigram coverage under the budget; see the module docstring."""

    min_documents: int = 2
    min_share: float = 0.0
    min_words: int = 0
    quotes: bool = True
    tie: float = 0.01
    max_candidates: int | None = 60
    gap: float = 0.02
    time_limit: float = 10.0
    redundancy: float | None = 0.5
    language: str = "english"

    def select(self, pool: Pool, budget: Budget) -> Selection:
        if len(pool) == 0:
            return Selection(())
        concepts, weights = self._concepts(pool)
        eligible = self._eligible(pool)
        order = np.argsort(-np.where(eligible, pool.scores, -np.inf), kind="stable")
        room = max(int(eligible.sum()), 1)
        if self.max_candidates is not None:
            room = min(self.max_candidates, room)
        keep = np.sort(order[:room])
        concepts = concepts[keep]
        present = np.flatnonzero(np.asarray(concepts.sum(axis=0)).ravel() > 0)
        chosen = self._solve(_subset(pool, keep), concepts[:, present], weights[present], budget)
        return Selection(
            tuple(int(keep[i]) for i in chosen.indices), chosen.truncated, chosen.notes
        )

    def _solve(
        self, pool: Pool, concepts: sp.csr_matrix, weights: np.ndarray, budget: Budget
    ) -> Selection:
        n = len(pool)
        if not weights.size:
            return self._fallback(pool, budget, "no concept is shared by enough sources")
        limit = budget.sentences or budget.words or budget.bytes or budget.chars or 0
        costs = costs_of(pool.sentences, budget)
        tie = self.tie * weights.min()
        occurrence, weights = _merge_concepts(sp.csc_matrix(concepts), weights)
        m = weights.size
        # Variables: x_0..x_{n-1} (sentences, 0/1), then c_0..c_{m-1} (concepts, in [0, 1]).
        rows = [sp.csr_matrix(np.concatenate([costs, np.zeros(m)])[None, :])]
        # c_i - sum_j x_j <= 0 over the sentences j that contain concept i
        rows.append(sp.hstack([-occurrence.T, sp.identity(m)]).tocsr())
        # x_a + x_b <= 1 for every pair too similar to be chosen together
        pairs = self._redundant_pairs(pool)
        if len(pairs):
            p = len(pairs)
            rows.append(
                sp.csr_matrix(
                    (np.ones(2 * p), (np.repeat(np.arange(p), 2), pairs.ravel())),
                    shape=(p, n + m),
                )
            )
        matrix = sp.vstack(rows).tocsr()
        upper = np.concatenate([[limit], np.zeros(m), np.ones(len(pairs))])
        lower = np.full(upper.shape, -np.inf)
        scores = np.maximum(pool.scores, 0.0)
        scores = scores / scores.max() if scores.max() > 0 else scores
        objective = -np.concatenate([tie * scores, weights])
        try:
            result = milp(
                objective,
                integrality=np.concatenate([np.ones(n), np.zeros(m)]),
                bounds=Bounds(0, 1),
                constraints=LinearConstraint(matrix, lower, upper),
                options={"time_limit": self.time_limit, "mip_rel_gap": self.gap, "disp": False},
            )
        except ValueError as exc:  # pragma: no cover - solver refusing the model
            return self._fallback(pool, budget, f"the solver failed ({exc})")
        if result.x is None:
            return self._fallback(pool, budget, f"no solution within {self.time_limit:g} s")
        chosen = np.flatnonzero(result.x[:n] > 0.5)
        if not chosen.size:
            return self._fallback(pool, budget, "the program chose nothing")
        ranked = chosen[np.argsort(-pool.scores[chosen], kind="stable")]
        return Selection(tuple(int(i) for i in ranked))

    def _eligible(self, pool: Pool) -> np.ndarray:
        """Candidates ICSISumm would keep: at least ``min_words`` words and, unless
        ``quotes``, not opening with a quotation mark; all of them when none would be."""
        words = np.array([s.word_count for s in pool.sentences])
        eligible = words >= self.min_words
        if not self.quotes:
            eligible &= np.array([not _QUOTE.match(s.text) for s in pool.sentences])
        return eligible if eligible.any() else np.ones(len(pool), dtype=bool)

    def _redundant_pairs(self, pool: Pool) -> np.ndarray:
        if self.redundancy is None:
            return np.zeros((0, 2), dtype=np.int64)
        similarity = sp.triu(pool.rows @ pool.rows.T, k=1).tocoo()
        close = similarity.data >= self.redundancy
        return np.column_stack([similarity.row[close], similarity.col[close]])

    def _concepts(self, pool: Pool) -> tuple[sp.csr_matrix, np.ndarray]:
        """Sentence-by-concept 0/1 matrix of the kept concepts, and their weights."""
        stops = stop_words(self.language)
        stem = analyzer(self.language).terms
        # each distinct token's form in a concept: stop words as they are, other words
        # stemmed, "" for a token without a letter or digit (left out)
        forms: dict[str, str] = {}
        for sentence in pool.sentences:
            for t in sentence.tokens:
                if t not in forms:
                    alnum = any(c.isalnum() for c in t)
                    forms[t] = "" if not alnum else t if t in stops else stem((t,))[0]
        vocabulary: dict[tuple[str, str], int] = {}
        indptr, indices = [0], []
        for sentence in pool.sentences:
            seen = set()
            tokens = [t for t in sentence.tokens if forms[t]]
            for a, b in pairwise(tokens):
                if a in stops and b in stops:
                    continue
                key = (forms[a], forms[b])
                if key not in seen:
                    seen.add(key)
                    indices.append(vocabulary.setdefault(key, len(vocabulary)))
            indptr.append(len(indices))
        matrix = sp.csr_matrix(
            (np.ones(len(indices)), indices, indptr), shape=(len(pool), len(vocabulary))
        )
        documents = sorted({d for sources in pool.sources for d in sources})
        if len(documents) > 1:
            index = {d: i for i, d in enumerate(documents)}
            carriers = sp.csr_matrix(
                (
                    np.ones(sum(len(s) for s in pool.sources)),
                    [index[d] for s in pool.sources for d in sorted(s)],
                    np.cumsum([0] + [len(s) for s in pool.sources]),
                ),
                shape=(len(pool), len(documents)),
            )
            weights = np.asarray(((matrix.T @ carriers) > 0).sum(axis=1)).ravel()
            threshold = max(self.min_documents, math.ceil(self.min_share * len(documents)))
        else:
            weights = np.asarray(matrix.sum(axis=0)).ravel()
            threshold = 2
        keep = np.flatnonzero(weights >= threshold)
        return matrix[:, keep], weights[keep].astype(np.float64)

    def _fallback(self, pool: Pool, budget: Budget, why: str) -> Selection:
        chosen = Greedy(self.redundancy).select(pool, budget)
        note = f"ilp: {why}; greedy selection used instead"
        return Selection(chosen.indices, chosen.truncated, (*chosen.notes, note))


def _merge_concepts(
    occurrence: sp.csc_matrix, weights: np.ndarray
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Concepts that occur in exactly the same sentences as one concept of their summed
    weight (any selection covers all of them or none), as a sentence-by-concept matrix."""
    groups: dict[bytes, int] = {}
    which = np.empty(occurrence.shape[1], dtype=np.int64)
    for i in range(occurrence.shape[1]):
        key = occurrence.indices[occurrence.indptr[i] : occurrence.indptr[i + 1]].tobytes()
        which[i] = groups.setdefault(key, len(groups))
    merged = np.bincount(which, weights=weights, minlength=len(groups))
    # the concept-to-group 0/1 matrix; an entry above 1 (the same group twice) is capped
    to_group = sp.csr_matrix(
        (np.ones(which.size), (np.arange(which.size), which)),
        shape=(which.size, len(groups)),
    )
    matrix = (occurrence @ to_group).tocsr()
    matrix.data[:] = 1.0
    return matrix, merged


def _subset(pool: Pool, keep: np.ndarray) -> Pool:
    return Pool(
        sentences=tuple(pool.sentences[i] for i in keep),
        scores=pool.scores[keep],
        rows=pool.rows[keep],
        sources=tuple(pool.sources[i] for i in keep),
    )
