"""Tesseract runs in the environment it is given, not this process's: a library call hands it no
credential; the CLI passes its own environment (books.build.Tools(env=os.environ))."""

from __future__ import annotations

from pathlib import Path

import pytest

from glamwiki.books.ocr import ocr_page


def recording_tesseract(tmp_path: Path) -> tuple[Path, Path]:
    """A stand-in for tesseract (a real executable) that writes the environment it got, then fails."""
    seen = tmp_path / "env.txt"
    script = tmp_path / "tesseract"
    script.write_text(f"#!/bin/sh\nenv > {seen}\nexit 1\n", encoding="utf-8")
    script.chmod(0o755)
    return script, seen


def test_tesseract_gets_only_the_environment_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GLAMWIKI_BOT_PASSWORD", "s3cret")
    script, seen = recording_tesseract(tmp_path)
    assert ocr_page(tmp_path / "page.png", "eng", str(script)) is None  # failed OCR: no text, no error
    env = seen.read_text(encoding="utf-8")
    assert "s3cret" not in env and "OMP_THREAD_LIMIT=1" in env
    assert ocr_page(tmp_path / "page.png", "eng", str(script), env={"TESSDATA_PREFIX": "/x"}) is None
    env = seen.read_text(encoding="utf-8")
    assert "TESSDATA_PREFIX=/x" in env and "OMP_THREAD_LIMIT=1" in env and "s3cret" not in env
