"""The stage dashboards as the web shows them: the report's sections, drawn once per data version.

A report section reads the whole project: over 100,000 records the rights section takes a minute
or more (Public Domain Day assesses every record twice), intake and links several seconds. The
web keeps each stage's section as drawn (table ``web_dashboards``) with the store's data version
(``store.dashboards.data_version``: it changes with every run and every decision) and shows it
while that version holds and it is younger than ``max_age``. When it no longer holds:

- a section that took under ``sync_limit`` seconds to draw is drawn again at once (a small
  project's pages are always current, as before the cache);
- a longer one is shown as it was, with the time it was drawn, and drawn again in the background
  (once at a time per stage and process); the next view shows the new one.

``glamwiki web refresh`` draws them all (after a long run, or before opening a server).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from markupsafe import Markup

from glamwiki.render.blocks import Section, drawn, render_blocks
from glamwiki.report.gaps_section import gaps_section
from glamwiki.report.intake_section import intake_section
from glamwiki.report.publishing_section import publishing_section
from glamwiki.report.reach_section import reach_section
from glamwiki.report.rights_section import rights_section
from glamwiki.store import Store
from glamwiki.store.dashboards import Dashboard, data_version, get_dashboard, list_dashboards, save_dashboard

# url name -> (menu label, the report section that draws the stage)
STAGES: dict[str, tuple[str, Callable[[Store], Section | None]]] = {
    "intake": ("Intake", intake_section),
    "rights": ("Rights", rights_section),
    "links": ("Links and gaps", gaps_section),
    "publishing": ("Publishing", publishing_section),
    "reach": ("Reach", reach_section),
}
SYNC_LIMIT = 2.0  # seconds
MAX_AGE = 3600.0  # seconds


@dataclass(frozen=True)
class StageView:
    name: str
    label: str
    dashboard: Dashboard
    current: bool  # False: drawn for an older version of the data (being drawn again)

    @property
    def body(self) -> Markup:
        return drawn(self.dashboard.body)

    @property
    def headline(self) -> Markup:
        return drawn(self.dashboard.headline)

    @property
    def absent(self) -> bool:
        return self.dashboard.absent


def draw(store: Store, name: str) -> Dashboard:
    """Draw stage ``name``'s section now and keep it (with the data version read before drawing, so
    a write made meanwhile makes it out of date)."""
    version = data_version(store)
    start = time.perf_counter()
    section = STAGES[name][1](store)
    blocks = section.blocks if section is not None else []
    figures = [b for b in blocks if getattr(b, "kind", "") == "figures"][:1]
    seconds = round(time.perf_counter() - start, 3)
    found = Dashboard(name, version, section.id if section else "", section.title if section else "",
                      str(render_blocks(blocks)), str(render_blocks(figures)), section is None, seconds,
                      datetime.now(UTC).isoformat(timespec="seconds"))  # fmt: skip
    save_dashboard(store, found)
    return found


def _current(d: Dashboard, version: str, now: datetime, max_age: float) -> bool:
    return d.version == version and now - datetime.fromisoformat(d.computed_at) < timedelta(seconds=max_age)


def stage_view(store: Store, name: str, sync_limit: float = SYNC_LIMIT, max_age: float = MAX_AGE) -> StageView:
    """Stage ``name`` as the page shows it (see the module's docstring)."""
    kept = get_dashboard(store, name)
    version = data_version(store)
    if kept is not None and _current(kept, version, datetime.now(UTC), max_age):
        return StageView(name, STAGES[name][0], kept, True)
    if kept is None or kept.seconds < sync_limit:
        return StageView(name, STAGES[name][0], draw(store, name), True)
    return StageView(name, STAGES[name][0], kept, False)


def overview(store: Store, sync_limit: float = SYNC_LIMIT, max_age: float = MAX_AGE) -> list[StageView]:
    """Every stage (the project page)."""
    kept, version, now = list_dashboards(store), data_version(store), datetime.now(UTC)
    views = []
    for name, (label, _) in STAGES.items():
        d = kept.get(name)
        if d is not None and _current(d, version, now, max_age):
            views.append(StageView(name, label, d, True))
        elif d is None or d.seconds < sync_limit:
            views.append(StageView(name, label, draw(store, name), True))
        else:
            views.append(StageView(name, label, d, False))
    return views


def refresh_all(store: Store) -> list[Dashboard]:
    """Draw every stage now (``glamwiki web refresh``)."""
    return [draw(store, name) for name in STAGES]


_drawing: set[tuple[str, str]] = set()
_lock = threading.Lock()


def redraw_in_background(key: str, opener: Callable[[], Store], names: list[str]) -> None:
    """Draw the stages ``names`` of the store ``opener`` opens (``key`` names it) again in a
    thread, each at most once at a time in this process."""
    with _lock:
        wanted = [n for n in names if (key, n) not in _drawing]
        _drawing.update((key, n) for n in wanted)
    if not wanted:
        return

    def work() -> None:
        try:
            with opener() as store:
                for name in wanted:
                    draw(store, name)
        finally:
            with _lock:
                _drawing.difference_update((key, n) for n in wanted)

    threading.Thread(target=work, name="glamwiki-dashboards", daemon=True).start()


def programme_view(stores: Sequence[tuple[str, Store]], target: str) -> list[Section]:
    """The programme page's sections (web/dashboard.py), kept while every project's data version
    holds (web/kept.py): ten projects of 100,000 records took 0.6 s at the 95th percentile under
    load when added up on every view."""
    from glamwiki.web.dashboard import programme_sections
    from glamwiki.web.kept import KEPT

    return KEPT.get_over(stores, f"programme {target}", lambda s: programme_sections(s, target))
