"""The broad form of an object (2D, 3D, photograph, text, sound, moving image), inferred from
what the catalogue says when the mapping does not state it."""

from __future__ import annotations

import re
from functools import lru_cache

from glamwiki.model.records import (
    FORM_2D,
    FORM_3D,
    FORM_MOVING_IMAGE,
    FORM_PHOTOGRAPH,
    FORM_SOUND,
    FORM_TEXT,
)

# Checked in order: the first rule whose words appear wins.
_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (form, re.compile(r"\b(?:" + words + r")", re.IGNORECASE))
    for form, words in (
        (FORM_MOVING_IMAGE, r"film\b|video|moving image|16mm|35mm film|cinemat"),
        (FORM_SOUND, r"sound recording|audio|phonograph|gramophone|78 ?rpm|vinyl record|cassette|sound\b"),
        (
            FORM_PHOTOGRAPH,
            r"photograph|gelatin silver|albumen|daguerreotype|ambrotype|tintype|"
            r"cyanotype|platinum print|salted paper|c-print|chromogenic|inkjet print|"
            r"dye transfer|calotype|collodion|carbon print|polaroid|photogravure",
        ),
        (
            FORM_TEXT,
            r"manuscript|book|letter|diary|journal|pamphlet|codex|newspaper|periodical|"
            r"archive|document|typescript|printed text|text\b",
        ),
        (
            FORM_3D,
            r"sculpture|statue|bust|bronze|marble|ceramic|porcelain|stoneware|earthenware|"
            r"furniture|textile|costume|coin|medal|jewel|vessel|vase|object|"
            r"metalwork|carving|installation|relief|weapon|armour|"
            r"decorative arts|teapot|chair|cabinet|cast\b|plaster|terracotta",
        ),
        (
            FORM_2D,
            r"painting|oil on|tempera|acrylic|watercolou?r|gouache|drawing|graphite|"
            r"charcoal|pastel|ink\b|chalk|print\b|prints|etching|engraving|lithograph|"
            r"screenprint|woodcut|aquatint|mezzotint|on paper|on canvas|on board|on panel|"
            r"poster|map\b|miniature|fresco|collage",
        ),
    )
)


@lru_cache(maxsize=8192)
def infer_form(*texts: str | None) -> str | None:
    """The form suggested by the first text (type, classification, medium) that names one."""
    for text in texts:
        if not text:
            continue
        for form, pattern in _RULES:
            if pattern.search(text):
                return form
    return None
