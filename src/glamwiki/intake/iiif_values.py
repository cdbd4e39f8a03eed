"""Values in IIIF Presentation JSON: v2 strings, lists and {"@value", "@language"} objects;
v3 language maps ({"en": ["..."], "none": ["..."]}). HTML in values is reduced to text."""

from __future__ import annotations

from typing import Any

from glamwiki.intake.transforms import strip_html
from glamwiki.intake.xmlsafe import squash

PREFERRED_LANGS = ("en", "none", "@none")


def texts(value: Any, lang: str | None = None) -> list[str]:
    """Every text in a value, the preferred language's first (or only it, when it has any)."""
    if value is None:
        return []
    if isinstance(value, str):
        return _clean([value])
    if isinstance(value, list):
        found: list[str] = []
        for v in value:
            found.extend(texts(v, lang))
        return _prefer_lang(value, lang, found)
    if isinstance(value, dict):
        if "@value" in value:
            return _clean([str(value["@value"])])
        if "id" in value or "@id" in value or "type" in value:
            return texts(value.get("label"), lang)
        for key in (lang, *PREFERRED_LANGS):
            if key and key in value:
                return texts(value[key])
        return texts(next(iter(value.values()), None))
    return _clean([str(value)])


def text(value: Any, lang: str | None = None) -> str | None:
    found = texts(value, lang)
    return found[0] if found else None


def by_language(value: Any) -> list[tuple[str, str | None]]:
    """(text, language) pairs of a label: v3 maps and v2 @language objects keep their language."""
    if isinstance(value, dict) and "@value" not in value and "id" not in value:
        return [(t, None if k in ("none", "@none") else k) for k, vs in value.items() for t in texts(vs)]
    if isinstance(value, list):
        out: list[tuple[str, str | None]] = []
        for v in value:
            lang = v.get("@language") if isinstance(v, dict) else None
            out.extend((t, lang) for t in texts(v))
        return out
    return [(t, None) for t in texts(value)]


def _prefer_lang(items: list[Any], lang: str | None, found: list[str]) -> list[str]:
    wanted = lang or "en"
    preferred = [texts(v)[0] for v in items if isinstance(v, dict) and v.get("@language") == wanted and texts(v)]
    return preferred or found


def _clean(values: list[str]) -> list[str]:
    out = []
    for v in values:
        cleaned = squash(strip_html(v)) if "<" in v else squash(v)
        if cleaned:
            out.append(cleaned)
    return out


def ident(obj: Any) -> str | None:
    """The id of a v3 resource or @id of a v2 one (or the string itself)."""
    if isinstance(obj, str):
        return obj
    if isinstance(obj, dict):
        return obj.get("id") or obj.get("@id")
    if isinstance(obj, list) and obj:
        return ident(obj[0])
    return None


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
