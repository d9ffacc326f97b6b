"""One BLAS thread for the small dense linear algebra of scoring and selection.

The matrices here are at most a few thousand rows: OpenBLAS splitting an eigendecomposition
or a matrix-vector product of that size over threads gains little, and when other processes
keep the cores busy, threads that wait for one another make the same call up to fifty
times slower from one run to the next. :func:`one_blas_thread` runs a block on one thread
and restores the previous setting afterwards.
"""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager

from threadpoolctl import ThreadpoolController


def one_blas_thread() -> AbstractContextManager[object]:
    """A context in which BLAS (and LAPACK) calls use one thread."""
    return _controller().limit(limits=1, user_api="blas")


@functools.cache
def _controller() -> ThreadpoolController:
    # Finding the loaded BLAS libraries takes a few milliseconds, setting their threads
    # microseconds: the libraries are found once (numpy's are loaded before this runs).
    return ThreadpoolController()
