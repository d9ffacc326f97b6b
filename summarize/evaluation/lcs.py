"""The longest common subsequences of ROUGE-L and ROUGE-W, marked as ROUGE-1.5.5 marks them.

For one reference line and one system line, the script fills a dynamic-programming table and
traces one LCS back from the bottom-right cell: diagonally on a match, else up (dropping a
reference token) when the cell above holds at least the value of the cell to the left, else
left. The reference positions passed diagonally are *marked*; ROUGE-L/W take the union of
the marks over every system line (:mod:`summarize.evaluation.rouge`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate


def mark_lcs(reference: Sequence[str], system: Sequence[str], marked: list[bool]) -> None:
    """Set ``marked[i]`` for each reference position on one LCS of the two token lists,
    traced back from the end as the script does: diagonal on a match, else up (dropping
    a reference token) when that keeps the length, else left.

    The table is computed bit-parallel (Hyyrö's LCS recurrence): row ``i`` is one integer
    whose zero bits mark the columns where the row's value grows, so the value at ``(i,
    j)`` is ``j`` minus the one bits among its lowest ``j``. Off a match, one of the cells
    above and to the left holds the current value: the trace goes up when that one does.
    Once the value is 0 no mark is left to set.
    """
    n = len(system)
    if not reference or not n:
        return
    masks: dict[str, int] = {}
    for j, token in enumerate(system):
        masks[token] = masks.get(token, 0) | (1 << j)
    full = (1 << n) - 1
    row = full
    rows = [row]
    present = [False]
    for token in reference:
        match = masks.get(token)
        if match:
            kept = row & match
            row = ((row + kept) | (row - kept)) & full
        rows.append(row)
        present.append(match is not None)
    i, j = len(reference), n
    value = n - row.bit_count()  # the table's value at (i, j)
    while i and j and value:
        if not present[i]:
            i -= 1  # the row repeats the one above, so the trace goes up
        elif reference[i - 1] == system[j - 1]:
            i -= 1
            j -= 1
            marked[i] = True
            value -= 1
        elif j - (rows[i - 1] & ((1 << j) - 1)).bit_count() == value:
            i -= 1  # the cell above keeps the value: up (the script's choice on a tie)
        else:
            j -= 1  # else the cell to the left has it


def mark_wlcs(
    reference: Sequence[str], system: Sequence[str], marked: list[bool], weight: float
) -> None:
    """Like :func:`mark_lcs` for the weighted LCS: a match extends the run ``k`` it
    continues, adding ``(k + 1) ** weight - k ** weight``."""
    if not reference or not system:
        return
    n = len(system)
    present = set(system)
    powers = [k**weight for k in range(min(len(reference), n) + 2)]
    no_runs = [0] * (n + 1)
    table: list[list[float]] = [[0.0] * (n + 1)]
    runs_above = no_runs
    monotone = True  # whether the last row never decreases (then a row without a match
    # copies it); only a match cell can make a row decrease
    for token in reference:
        above = table[-1]
        if token not in present:
            if not monotone:
                above = list(accumulate(above, max))  # max(up, left) in every cell
                monotone = True
            table.append(above)
            runs_above = no_runs
            continue
        row = [0.0]
        runs = [0]
        left = 0.0
        monotone = True
        for other, diagonal, up, k in zip(system, above, above[1:], runs_above, strict=False):
            if other == token:
                value = diagonal + powers[k + 1] - powers[k]  # the script's order of sums
                if value < left:
                    monotone = False
                left = value
                runs.append(k + 1)
            else:
                if up >= left:
                    left = up
                runs.append(0)
            row.append(left)
        table.append(row)
        runs_above = runs
    _trace(reference, system, table, marked)


def _trace(
    reference: Sequence[str],
    system: Sequence[str],
    table: Sequence[Sequence[float]],
    marked: list[bool],
) -> None:
    i, j = len(reference), len(system)
    while i and j:
        if reference[i - 1] == system[j - 1]:
            i -= 1
            j -= 1
            marked[i] = True
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
