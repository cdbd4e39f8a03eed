"""Results of slow reads kept in the web process while the store's data version holds.

The rights queue's groups are counted over every decision under review (20,000 of 100,000 records
in the load benchmark's projects: about a second); they change only when a run or a decision
changes the data, which changes ``store.dashboards.data_version``. Each worker process keeps the
latest ``size`` results (small values: counts, ids), keyed by the store's location and what was
read; a result read for an older data version is read again."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from glamwiki.store import Store
from glamwiki.store.dashboards import data_version

T = TypeVar("T")


class Kept:
    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], tuple[str, Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._reading: dict[tuple[str, str], threading.Lock] = {}

    def _found(self, key: tuple[str, str], version: str) -> tuple[bool, Any]:
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == version:
                self._items.move_to_end(key)
                return True, found[1]
            return False, None

    def get(self, store: Store, name: str, read: Callable[[Store], T]) -> T:
        """``read(store)`` as last read for the store's current data version; requests wanting the
        same read meanwhile wait for it instead of reading too."""
        key, version = (store.location, name), data_version(store)
        hit, value = self._found(key, version)
        if hit:
            return value  # type: ignore[no-any-return]
        with self._lock:
            reading = self._reading.setdefault(key, threading.Lock())
        with reading:
            hit, value = self._found(key, version)
            if hit:
                return value  # type: ignore[no-any-return]
            value = read(store)
            with self._lock:
                self._items[key] = (version, value)
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return value


KEPT = Kept()
