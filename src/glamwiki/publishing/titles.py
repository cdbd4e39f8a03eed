"""File titles: readable, unique in the batch, at most 240 bytes of UTF-8, without the characters
MediaWiki or the Commons title blacklist reject, ending in the extension of the real file type."""

from __future__ import annotations

import itertools
import re
import string
from collections.abc import Mapping

from glamwiki.model.records import ObjectRecord
from glamwiki.publishing.wikitext import clean_text

MAX_BYTES = 240
DEFAULT_PATTERN = "{title} - {creator} - {institution} {accession}"
FIELDS = ("title", "creator", "year", "institution", "accession", "id", "dataset", "object_type")

_FORBIDDEN = re.compile(r"[#<>\[\]|{}:/\\\"\x00-\x1f\x7f]")
_ENTITY_LIKE = re.compile(r"&[A-Za-z0-9#]+;")
_TILDES = re.compile(r"~{3,}")
_SEPARATOR_RUNS = re.compile(r"(\s*-\s*){2,}")
_CAMERA = re.compile(r"^(DSCN?|DSCF|IMG|IMAG|P|PICT|DCIM|CIMG|SDC|DJI|GOPR|MVI)[ _-]?\d+", re.IGNORECASE)
_SPACES = re.compile(r"[\s_]+")


def sanitise(text: str, max_bytes: int = MAX_BYTES) -> str:
    """Text usable in a page title: forbidden characters become spaces or hyphens, one space between words."""
    text = clean_text(text).replace("\n", " ")
    text = _ENTITY_LIKE.sub(" ", text)
    text = _TILDES.sub("~", text)
    text = _FORBIDDEN.sub(lambda m: "-" if m.group() in "/\\:|" else " ", text)
    text = _SPACES.sub(" ", text).strip(" .-")
    text = _SEPARATOR_RUNS.sub(" - ", text)
    if _is_all_caps(text):
        text = string.capwords(text.lower())
    return truncate_bytes(text, max_bytes).strip(" .-")


def _is_all_caps(text: str) -> bool:
    if not text.isupper():  # a lower-case letter, or no cased letter at all: never all capitals
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def truncate_bytes(text: str, max_bytes: int) -> str:
    """Cut at a word boundary (or a character boundary) so the UTF-8 form fits ``max_bytes``."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    cut = data[:max_bytes].decode("utf-8", errors="ignore")
    space = cut.rfind(" ")
    return cut[:space] if space > len(cut) // 2 else cut


def normalise_key(title: str) -> str:
    """The form MediaWiki compares titles in: ``_`` is a space, the first letter upper-case."""
    title = _SPACES.sub(" ", title).strip()
    return (title[:1].upper() + title[1:]) if title else title


def title_creator(record: ObjectRecord) -> str:
    """The creator named in a file title: the first real author, or the attribution in words
    ("after Turner"); never a person the catalogue says did not make it."""
    from glamwiki.publishing.creators import JOINT, NOT_AUTHOR

    for c in record.creators:
        attribution = (c.attribution or "").lower()
        if not c.name or attribution in NOT_AUTHOR:
            continue
        if attribution and attribution not in JOINT and attribution != "possibly":
            return f"{attribution} {c.name}"
        return c.name
    return ""


def display_title(record: ObjectRecord) -> str:
    """The record's title, or "Untitled drawing" (etc.) for "[title not known]" and no title."""
    from glamwiki.publishing.pages import is_untitled, readable_title
    from glamwiki.publishing.vocab import object_type

    title = record.title
    if title and not is_untitled(title):
        return readable_title(title)
    kind = object_type(record)
    return f"Untitled {kind}" if kind else "Untitled"


def pattern_fields(record: ObjectRecord, dataset: str, institution: str) -> dict[str, str]:
    creator = title_creator(record)
    year = record.date.earliest_year if record.date.is_exact_year else None
    return {
        "title": display_title(record),
        "creator": creator,
        "year": str(year) if year is not None else "",
        "institution": record.institution or institution,
        "accession": record.accession_number or record.id,
        "id": record.id,
        "dataset": dataset,
        "object_type": record.object_type or "",
    }


def render_pattern(pattern: str, fields: Mapping[str, str]) -> str:
    try:
        text = pattern.format_map(_Blank(fields))
    except (ValueError, IndexError) as exc:
        from glamwiki.errors import ConfigError

        raise ConfigError(
            f"The title pattern {pattern!r} is not valid ({exc}). Use fields in braces: "
            + ", ".join("{" + f + "}" for f in FIELDS)
        ) from exc
    # separators left dangling by empty fields
    return " - ".join(p.strip() for p in re.split(r"\s+-(?=\s|$)|^-\s", text) if p.strip())


class _Blank(dict[str, str]):
    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__(fields)

    def __missing__(self, key: str) -> str:
        from glamwiki.errors import ConfigError

        raise ConfigError(f"Unknown field {{{key}}} in the title pattern; known: {', '.join(FIELDS)}.")


def make_title(base: str, ext: str, taken: set[str], record_id: str = "") -> str:
    """A unique ``Base.ext`` within ``MAX_BYTES``; ``taken`` holds normalised keys and is updated."""
    base = sanitise(base) or "Untitled"
    if _CAMERA.match(base):
        base = f"Untitled {base}"
    suffixes = [""] + ([f" ({sanitise(record_id, 60)})"] if record_id else [])
    # lazily: building the 10,000 fallback suffixes for every title cost most of a Tate plan's time
    for suffix in itertools.chain(suffixes, (f" ({n})" for n in range(2, 10_000))):
        room = MAX_BYTES - len(f"{suffix}.{ext}".encode())
        candidate = f"{truncate_bytes(base, room).rstrip(' .-')}{suffix}.{ext}"
        key = normalise_key(candidate).lower()
        if key not in taken:
            taken.add(key)
            return normalise_key(candidate)
    raise RuntimeError("no free title")  # pragma: no cover - 10,000 variants of one name


def with_extension(title: str, ext: str) -> str:
    """The same title with its extension replaced by ``ext`` (when the real type differs)."""
    stem = title.rsplit(".", 1)[0] if "." in title else title
    room = MAX_BYTES - len(f".{ext}".encode())
    return f"{truncate_bytes(stem, room)}.{ext}"
