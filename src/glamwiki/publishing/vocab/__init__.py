"""Words a Commons volunteer expects: object types in Commons/AAT terms, and the catalogue's
subject terms mapped to Commons categories and depicts (P180) items through an editable table."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.model.records import FORM_3D, FORM_PHOTOGRAPH, ObjectRecord

_QID = re.compile(r"^Q[1-9]\d*$")

# Object types as the {{Artwork}} template's |object type= names them (English words that
# https://commons.wikimedia.org/wiki/Template:Artwork translates), chosen from the record's
# classification and medium; each with the plural used in "Drawings by …" categories.
# Getty AAT terms for reference: drawings 300033973, prints 300041273, paintings 300033618,
# watercolors (paintings) 300078925, sculpture 300047090, photographs 300046300.
TYPES: dict[str, str] = {
    "photograph": "Photographs",
    "painting": "Paintings",
    "watercolor painting": "Watercolor paintings",
    "drawing": "Drawings",
    "print": "Prints",
    "sculpture": "Sculptures",
    "relief": "Reliefs",
    "installation": "Installations",
    "printing block": "Printing blocks",
}
_PRINT = re.compile(r"etching|engraving|lithograph|screenprint|woodcut|aquatint|mezzotint|linocut|drypoint|"
                    r"intaglio|print\b", re.IGNORECASE)  # fmt: skip
_WATERCOLOUR = re.compile(r"^\s*(?:watercolou?r|gouache)", re.IGNORECASE)
_PHOTO = re.compile(r"photograph|gelatin silver|albumen|c-print|chromogenic|salted paper|platinum print", re.I)


def object_type(record: ObjectRecord) -> str | None:
    """A Commons/AAT object type, or None when the record does not say enough."""
    given = (record.object_type or "").lower()
    medium = record.medium or ""
    if record.form == FORM_PHOTOGRAPH or _PHOTO.search(medium):
        return "photograph"
    for word in ("painting", "sculpture", "relief", "installation"):
        if word in given:
            return word
    if "block for printing" in given:
        return "printing block"
    if "print" in given or (given.startswith("on paper") and _PRINT.search(medium)):
        return "print"
    if given.startswith("on paper") or "drawing" in given:
        return "watercolor painting" if _WATERCOLOUR.match(medium) else "drawing"
    if record.form == FORM_3D:
        return "sculpture" if "sculpt" in medium.lower() else None
    return None


@dataclass(frozen=True)
class SubjectEntry:
    category: str | None = None
    depicts: str | None = None


def load_subjects(path: str | None) -> dict[str, SubjectEntry]:
    """The subject table: the user's file when given, else the one shipped for Tate."""
    if path:
        return _read(Path(path).read_bytes(), path)
    data = resources.files(__package__).joinpath("tate_subjects.toml").read_bytes()
    return _read(data, "tate_subjects.toml")


@lru_cache(maxsize=8)
def _read(data: bytes, where: str) -> dict[str, SubjectEntry]:
    try:
        table = tomllib.loads(data.decode("utf-8")).get("subjects", {})
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The subject table {where} is not valid TOML: {exc}") from exc
    out: dict[str, SubjectEntry] = {}
    for term, entry in table.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: subject {term!r} needs a table with category and/or depicts.")
        depicts = entry.get("depicts")
        if depicts is not None and not _QID.match(str(depicts)):
            raise ConfigError(f"{where}: subject {term!r} has depicts {depicts!r}, which is not a Wikidata item id.")
        out[term.strip().lower()] = SubjectEntry(entry.get("category"), depicts)
    return out


def subject_entries(record: ObjectRecord, table: dict[str, SubjectEntry]) -> list[SubjectEntry]:
    seen: set[str] = set()
    out = []
    for subject in record.subjects:
        key = subject.text.strip().lower()
        if key in table and key not in seen:
            seen.add(key)
            out.append(table[key])
    return out
