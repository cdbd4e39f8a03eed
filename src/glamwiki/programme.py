"""A programme: several projects (residencies, institutions) reported as one, without counting a
file or an article twice when two projects share it.

On SQLite a programme is a file listing project folders (``programme.toml``); on a shared
PostgreSQL database it is the projects (schemas) of that database. Either way the totals are
computed from a list of open stores (:func:`totals`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from glamwiki.config import CONFIG_NAME
from glamwiki.errors import ConfigError
from glamwiki.store import Store
from glamwiki.store import programme as db
from glamwiki.wikimedia.ids import WOMEN


@dataclass(frozen=True)
class Programme:
    name: str
    projects: tuple[Path, ...]
    target: str


@dataclass
class Totals:
    """Programme totals; each file and each page is counted once, whichever projects share it."""

    projects: int = 0
    uploads: int = 0
    files_measured: int = 0  # files the reach stage measures (uploads, or a category's files)
    files_in_use: int = 0
    views_by_month: dict[str, int] = field(default_factory=dict)
    views_since_start: int = 0
    articles_created: int = 0
    articles_improved: int = 0
    biographies: int = 0
    biographies_of_women: int = 0
    shared_files: int = 0  # files more than one project counts (counted once here)

    @property
    def share_in_use(self) -> float | None:
        return round(self.files_in_use / self.files_measured, 3) if self.files_measured else None

    @property
    def share_women(self) -> float | None:
        return round(self.biographies_of_women / self.biographies, 3) if self.biographies else None

    def as_dict(self) -> dict[str, object]:
        return {**self.__dict__, "share_in_use": self.share_in_use, "share_women": self.share_women}


def load_programme(path: Path, default_target: str) -> Programme:
    """Read ``programme.toml``: ``[programme] name``, ``projects`` (folders, relative to the file) and
    optionally ``target`` (the wiki API the uploads went to; default Commons)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no programme file (write one: see docs/programme.md).") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}).") from None
    section = data.get("programme")
    if not isinstance(section, dict) or not isinstance(section.get("projects"), list) or not section["projects"]:
        raise ConfigError(f'{path}: needs a [programme] section with projects = ["folder", ...].')
    folders = tuple((path.parent / str(p)).resolve() for p in section["projects"])
    missing = [str(f) for f in folders if not (f / CONFIG_NAME).is_file()]
    if missing:
        raise ConfigError(f"{path}: field projects: no glamwiki project ({CONFIG_NAME}) in {', '.join(missing)}.")
    return Programme(str(section.get("name", path.stem)), folders, str(section.get("target", default_target)))


def totals(stores: Sequence[Store], target: str) -> Totals:
    """Add the projects up, each Commons file (by title) and each page (by wiki and title) once."""
    out = Totals(projects=len(stores))
    uploads: set[str] = set()
    in_use: set[str] = set()
    measured: set[str] = set()
    views: dict[db.Page, dict[str, int]] = {}
    created: set[db.Page] = set()
    edited: set[db.Page] = set()
    subjects: dict[db.Page, tuple[bool, str | None]] = {}
    seen_files = 0
    for store in stores:
        mine = db.uploaded_files(store, target)
        seen_files += len(mine)
        uploads |= mine
        measured |= db.measured_files(store)
        in_use |= db.files_in_use(store)
        for page, months in db.monthly_views(store).items():
            views.setdefault(page, {}).update(months)  # the same page's figures, whoever fetched them
        new, improved = db.edited_articles(store)
        created |= new
        edited |= improved
        subjects.update(db.page_subjects(store))
    out.uploads, out.files_in_use, out.shared_files = len(uploads), len(in_use), seen_files - len(uploads)
    out.files_measured = len(measured)
    for months in views.values():
        for month, n in months.items():
            out.views_by_month[month] = out.views_by_month.get(month, 0) + n
    out.views_by_month = dict(sorted(out.views_by_month.items()))
    out.views_since_start = sum(out.views_by_month.values())
    out.articles_created, out.articles_improved = len(created), len(edited - created)
    worked_on = [subjects[p] for p in created | edited if p in subjects]
    out.biographies = sum(1 for human, _ in worked_on if human)
    out.biographies_of_women = sum(1 for human, gender in worked_on if human and gender in WOMEN)
    return out
