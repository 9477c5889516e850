"""Process-wide settings for the length of a run: garbage collection and Arrow's allocator.

Set by ``run`` in the main process and by each worker process (``--jobs``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

#: NOTE: allocations between young collections during a run (CPython's default: 700)
_YOUNG_COLLECTION_EVERY = 100_000


def pause_full_collections() -> tuple[int, int, int]:
    """Stop full (oldest-generation) garbage collections and make young ones rare;
    returns the thresholds to restore.

    A run holds hundreds of thousands of long-lived, acyclic records (figures, entity
    places, checks).  CPython walks all of them in a full collection each time the
    survivors grow by a quarter, which cost a re-run about a third of its time and a
    first run a tenth.  Young collections every 700 allocations cost a re-run another
    tenth, moving records that live to the end of the run; every 100,000 they still
    reclaim short-lived cycles, and records are freed by reference counting.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _YOUNG_COLLECTION_EVERY), thresholds[1], 1 << 30)
    return thresholds


def use_system_allocator() -> pa.MemoryPool:
    """Give Arrow the system allocator; returns the pool to restore.

    Arrow's bundled allocator (mimalloc) keeps memory it freed for later reuse, which
    the token and table conversions of a run never need again: with the system
    allocator a 300-file run peaked about 60 MB lower, at the same speed.
    """
    previous = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    return previous


@contextmanager
def run_settings() -> Iterator[None]:
    """Full collections paused and the system allocator for Arrow, for one run only."""
    thresholds = pause_full_collections()
    pool = use_system_allocator()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        pa.set_memory_pool(pool)
