"""Results of slow reads kept in the web process while the stores' data versions hold.

The rights queue's groups are counted over every decision under review (20,000 of 100,000 records
in the load benchmark's projects: about a second); the programme page adds up every project the
user sees. They change only when a run or a decision changes the data, which changes
``store.dashboards.data_version``. Each worker process keeps the latest ``size`` results, keyed by
the stores' locations and what was read; a result read for older data versions, or more than
``max_age`` seconds ago (for a write the version does not see), is read again. Requests wanting
the same read meanwhile wait for it instead of reading too."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from glamwiki.store import Store
from glamwiki.store.dashboards import data_version

T = TypeVar("T")
Key = tuple[str, str]


class Kept:
    def __init__(self, size: int = 64, max_age: float = 600.0) -> None:
        self.size, self.max_age = size, max_age
        self._items: OrderedDict[Key, tuple[str, float, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._reading: dict[Key, threading.Lock] = {}

    def _found(self, key: Key, version: str) -> tuple[bool, Any]:
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == version and time.monotonic() - found[1] < self.max_age:
                self._items.move_to_end(key)
                return True, found[2]
            return False, None

    def _get(self, key: Key, version: str, read: Callable[[], T]) -> T:
        hit, value = self._found(key, version)
        if hit:
            return value  # type: ignore[no-any-return]
        with self._lock:
            reading = self._reading.setdefault(key, threading.Lock())
        with reading:
            hit, value = self._found(key, version)
            if hit:
                return value  # type: ignore[no-any-return]
            value = read()
            with self._lock:
                self._items[key] = (version, time.monotonic(), value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value

    def get(self, store: Store, name: str, read: Callable[[Store], T]) -> T:
        """``read(store)`` as last read for the store's current data version."""
        return self._get((store.location, name), data_version(store), lambda: read(store))

    def get_over(self, stores: Sequence[tuple[str, Store]], name: str,
                 read: Callable[[Sequence[tuple[str, Store]]], T]) -> T:  # fmt: skip
        """``read(stores)`` (named stores, as the programme pages take them) as last read for their
        current data versions."""
        where = "\n".join(f"{n}\t{s.location}" for n, s in stores)
        version = "\n".join(data_version(s) for _, s in stores)
        return self._get((where, name), version, lambda: read(stores))


KEPT = Kept()
