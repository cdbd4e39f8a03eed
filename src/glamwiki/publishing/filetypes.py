"""The real type of a file from its first bytes (magic numbers), and the extension it must carry."""

from __future__ import annotations

from pathlib import Path

# (prefix, offset, extension, mime)
_MAGIC: tuple[tuple[bytes, int, str, str], ...] = (
    (b"\xff\xd8\xff", 0, "jpg", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", 0, "png", "image/png"),
    (b"GIF87a", 0, "gif", "image/gif"),
    (b"GIF89a", 0, "gif", "image/gif"),
    (b"II*\x00", 0, "tif", "image/tiff"),
    (b"MM\x00*", 0, "tif", "image/tiff"),
    (b"%PDF-", 0, "pdf", "application/pdf"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", 0, "jp2", "image/jp2"),
    (b"AT&TFORM", 0, "djvu", "image/vnd.djvu"),
    (b"OggS", 0, "ogg", "application/ogg"),
    (b"fLaC", 0, "flac", "audio/flac"),
    (b"\x1a\x45\xdf\xa3", 0, "webm", "video/webm"),
)

# Extensions Wikimedia Commons accepts ($wgFileExtensions), and the spellings that mean the same type
ACCEPTED = frozenset(
    [
        "png",
        "gif",
        "jpg",
        "jpeg",
        "webp",
        "xcf",
        "mid",
        "ogg",
        "ogv",
        "svg",
        "djvu",
        "tiff",
        "tif",
        "oga",
        "flac",
        "opus",
        "wav",
        "webm",
        "mp3",
        "pdf",
        "stl",
        "jp2",
    ]
)
SAME_TYPE = {"jpeg": "jpg", "jpe": "jpg", "tiff": "tif"}
HEAD_BYTES = 512


def sniff(head: bytes) -> tuple[str, str] | None:
    """(extension, mime) of the bytes' real type, or None when not recognised."""
    for prefix, offset, ext, mime in _MAGIC:
        if head[offset : offset + len(prefix)] == prefix:
            return ext, mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp", "image/webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav", "audio/wav"
    text = head.lstrip().lower()
    if text.startswith((b"<?xml", b"<svg")) and b"<svg" in text:
        return "svg", "image/svg+xml"
    return None


def sniff_file(path: Path) -> tuple[str, str] | None:
    with path.open("rb") as fh:
        return sniff(fh.read(HEAD_BYTES))


def canonical(ext: str) -> str:
    ext = ext.lower().lstrip(".")
    return SAME_TYPE.get(ext, ext)


def guess_from_name(name: str) -> str | None:
    """The extension a file name or URL path shows, when it is one Commons accepts."""
    stem = name.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    if "." not in stem.rsplit("/", 1)[-1]:
        return None
    ext = canonical(stem.rsplit(".", 1)[-1])
    return ext if ext in ACCEPTED else None


def extension_for(mime: str | None) -> str | None:
    """The extension of a MIME type :func:`sniff` reports."""
    extra = {"image/webp": "webp", "audio/wav": "wav", "image/svg+xml": "svg"}
    return {m: e for _, _, e, m in _MAGIC}.get(mime or "") or extra.get(mime or "")
