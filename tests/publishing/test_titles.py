"""File titles: forbidden characters, 240 bytes, uniqueness, real file type."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from glamwiki.publishing import filetypes
from glamwiki.publishing.titles import MAX_BYTES, make_title, render_pattern, sanitise, with_extension

from .records import HOSTILE, png_bytes

FORBIDDEN = set("#<>[]|{}:/\\")


def test_forbidden_characters_are_replaced() -> None:
    for text in HOSTILE:
        title = make_title(text, "jpg", set())
        assert not FORBIDDEN & set(title), title
        assert "~~~" not in title and "\n" not in title and "\u202e" not in title and "\u00a0" not in title


def test_long_titles_fit_240_bytes_of_utf8() -> None:
    taken: set[str] = set()
    long = "Ein schönes Bild über Köln " * 30 + "日本語の題名" * 20
    titles = [make_title(long, "tif", taken, "REC-1") for _ in range(3)]
    assert len(set(titles)) == 3
    for t in titles:
        assert len(t.encode("utf-8")) <= MAX_BYTES
        assert t.endswith(".tif")
        t.encode("utf-8").decode("utf-8")


def test_uniqueness_uses_mediawiki_normalisation() -> None:
    taken: set[str] = set()
    a = make_title("portrait of a man", "jpg", taken, "A1")
    b = make_title("Portrait_of a man", "jpg", taken, "A2")
    c = make_title("Portrait of a man", "jpg", taken, "A2")
    assert a == "Portrait of a man.jpg"
    assert b == "Portrait of a man (A2).jpg"
    assert c == "Portrait of a man (2).jpg"


def test_camera_names_and_all_caps_are_avoided() -> None:
    assert make_title("DSC_0001", "jpg", set()).startswith("Untitled DSC")
    assert make_title("THE GREAT WAVE", "jpg", set()) == "The Great Wave.jpg"


def test_pattern_leaves_out_empty_fields() -> None:
    fields = {"title": "Sunset", "creator": "", "institution": "Tate", "accession": "N1"}
    assert sanitise(render_pattern("{title} - {creator} - {institution} {accession}", fields)) == "Sunset - Tate N1"


def test_extension_comes_from_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(png_bytes(1))
    assert filetypes.sniff_file(path) == ("png", "image/png")
    assert filetypes.sniff(b"\xff\xd8\xff\xe0rest")[0] == "jpg"
    assert filetypes.sniff(b"II*\x00")[0] == "tif"
    assert filetypes.sniff(b"<?xml version='1.0'?><svg xmlns='x'>")[0] == "svg"
    assert with_extension("A photo.jpg", "png") == "A photo.png"


@given(st.text(max_size=400), st.text(max_size=40), st.sampled_from(["jpg", "png", "tif"]))
def test_any_text_makes_a_valid_unique_title(text: str, record_id: str, ext: str) -> None:
    taken: set[str] = set()
    first = make_title(text, ext, taken, record_id)
    second = make_title(text, ext, taken, record_id)
    for title in (first, second):
        assert len(title.encode("utf-8")) <= MAX_BYTES
        assert not FORBIDDEN & set(title) and title.endswith(f".{ext}")
        assert title == title.strip() and "  " not in title and not title.startswith(".")
    assert first.lower() != second.lower()
