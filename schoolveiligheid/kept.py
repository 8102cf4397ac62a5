"""Values kept for the rest of the process, only the last few: the one store behind the caches that
let a run do repeated work once (a preview on every save, a board of many schools, the tests).

Bounded, so memory stays flat however many schools a run builds; thread-safe, because a preview
or a Dask worker may load and render from another thread. Whoever keeps a value decides that its
key holds everything the value depends on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
D = TypeVar("D")


class Kept(Generic[K, V]):
    """The last `limit` values put, by key; the one used longest ago goes first. Limit 0 keeps nothing."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K, default: D) -> V | D:
        """The value kept for key (now the one used last), else default."""
        with self._lock:
            if key not in self._values:
                return default
            self._values.move_to_end(key)
            return self._values[key]

    def put(self, key: K, value: V) -> None:
        """Keep value for key, letting go of the ones used longest ago beyond the limit."""
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > max(self.limit, 0):
                self._values.popitem(last=False)

    def __len__(self) -> int:
        return len(self._values)


__all__ = ["Kept"]
