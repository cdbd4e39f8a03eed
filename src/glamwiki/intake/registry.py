"""Profiles shipped with glamwiki (mapping files) and the readers for structured formats."""

from __future__ import annotations

import importlib
from importlib import resources
from pathlib import Path

from glamwiki.errors import ConfigError
from glamwiki.intake.base import Reader
from glamwiki.intake.mapping import Profile, load_profile, parse_profile

PROFILES_PACKAGE = "glamwiki.intake.profiles"

# Readers for self-describing formats; they need no mapping. Loaded on first use.
FORMAT_READERS = {
    "lido": ("glamwiki.intake.lido", "read_lido", "LIDO XML 1.0/1.1 (lido:lidoWrap or lido:lido records)"),
    "oai": ("glamwiki.intake.oai", "read_oai", "OAI-PMH ListRecords (oai_dc or LIDO), from a URL or saved responses"),
    "iiif": ("glamwiki.intake.iiif", "read_iiif", "IIIF Presentation 2 and 3 manifests and collections"),
    "tei": ("glamwiki.intake.tei", "read_tei", "TEI P5 manuscript descriptions (msDesc)"),
    "marc": (
        "glamwiki.intake.marc",
        "read_marc",
        "MARC 21 bibliographic records (binary .mrc, as library systems export)",
    ),
    "ead": ("glamwiki.intake.ead", "read_ead", "EAD 2002 / EAD3 archival finding aids (collection and components)"),
    "marcxml": ("glamwiki.intake.marcxml", "read_marcxml", "MARCXML (MARC 21 slim) collections of records"),
}


def mapping_profiles() -> dict[str, str]:
    """name -> description of every mapping profile shipped in the package."""
    out = {}
    for entry in resources.files(PROFILES_PACKAGE).iterdir():
        if entry.name.endswith(".toml"):
            profile = profile_from_text(entry.read_text(encoding="utf-8"), entry.name)
            out[profile.name] = profile.description
    return dict(sorted(out.items()))


def profile_text(name: str) -> str:
    entry = resources.files(PROFILES_PACKAGE) / f"{name}.toml"
    if not entry.is_file():
        raise ConfigError(f"No profile named {name!r}. Profiles: {', '.join(all_profile_names())}.")
    return entry.read_text(encoding="utf-8")


def profile_from_text(text: str, origin: str) -> Profile:
    import tomllib

    return parse_profile(tomllib.loads(text), origin)


def load_named_profile(name: str) -> Profile:
    return profile_from_text(profile_text(name), f"profile {name}")


def load_mapping(path: str | Path) -> Profile:
    return load_profile(path)


def all_profile_names() -> list[str]:
    return sorted([*mapping_profiles(), *FORMAT_READERS])


def format_reader(name: str) -> Reader:
    try:
        module_name, func, _ = FORMAT_READERS[name]
    except KeyError:
        raise ConfigError(f"No reader named {name!r}. Readers: {', '.join(FORMAT_READERS)}.") from None
    reader: Reader = getattr(importlib.import_module(module_name), func)
    return reader


def sniff_reader(path: str) -> str | None:
    """Guess the reader of an XML or JSON file from its first bytes."""
    if path.startswith(("http://", "https://")):
        return "oai" if "verb=" in path or "oai" in path.lower() else "iiif"
    p = Path(path)
    if p.is_dir():
        return None
    try:
        from glamwiki.intake.textio import open_binary

        with open_binary(p) as f:
            head = f.read(4096).decode("utf-8", errors="replace")
    except OSError:
        return None
    if _looks_like_marc(head):
        return "marc"
    if "<OAI-PMH" in head:
        return "oai"
    if "loc.gov/MARC21/slim" in head:
        return "marcxml"
    if "lido-schema.org" in head or "<lido:" in head:
        return "lido"
    if "<ead" in head and (
        "<eadheader" in head
        or "<control" in head
        or "archdesc" in head
        or "ead.dtd" in head
        or "urn:isbn:1-931666-22-9" in head
        or "ead3" in head
    ):
        return "ead"
    if "tei-c.org" in head or "<TEI" in head:
        return "tei"
    if "iiif.io/api/presentation" in head:
        return "iiif"
    return None


def _looks_like_marc(head: str) -> bool:
    """ISO 2709: a five-digit record length, then the leader's fixed positions ("4500" at 20-23)."""
    return len(head) >= 24 and head[:5].isdigit() and head[20:24] == "4500"


def choose_profile(mapping: str | Path | None, profile: str | None) -> tuple[Profile | None, str | None]:
    """(mapping profile, reader name) for an ingest given a mapping file or a profile/reader name."""
    if mapping and profile:
        raise ConfigError("Give either --mapping or --profile, not both.")
    if mapping:
        return load_mapping(mapping), None
    if profile and profile in FORMAT_READERS:
        return None, profile
    if profile:
        return load_named_profile(profile), None
    return None, None
