"""API etiquette: maxlag, waits on maxlag/ratelimited/read-only, and the edit-rate cap."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Etiquette:
    maxlag: int = 5  # sent on every request; never raised on a maxlag answer
    edits_per_minute: float = 6.0  # writes (file commits, structured data); 0 means no cap
    maxlag_floor: float = 5.0  # wait at least this long after a maxlag answer, whatever Retry-After says
    ratelimit_wait: float = 60.0  # first wait after ratelimited; doubles each time
    transient_wait: float = 2.0  # first wait after a dropped connection or a 5xx; doubles
    max_wait: float = 600.0
    retries: int = 8  # answers that say "try again later" before giving up on one request
    timeout: float = 300.0  # seconds to wait for one answer
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)

    def backoff(self, first: float, attempt: int) -> float:
        return min(first * float(2**attempt), self.max_wait)


class EditThrottle:
    """At most ``edits_per_minute`` writes a minute, evenly spaced (no bursts)."""

    def __init__(self, etiquette: Etiquette) -> None:
        self.etiquette = etiquette
        self.last: float | None = None

    def wait(self) -> float:
        rate = self.etiquette.edits_per_minute
        if rate <= 0:
            return 0.0
        now = self.etiquette.clock()
        gap = 60.0 / rate
        pause = 0.0 if self.last is None else max(0.0, self.last + gap - now)
        if pause:
            self.etiquette.sleep(pause)
        self.last = now + pause
        return pause
