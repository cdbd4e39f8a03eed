"""Text made to fit: shortened at a word boundary with an ellipsis, never cut mid-word."""

from __future__ import annotations


def shorten(text: str, width: int = 90) -> str:
    """``text`` (whitespace folded) in at most ``width`` characters, cut at a word boundary with "…".

    A word longer than half the width is cut where the width ends, so that something is shown."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"
