"""Generate a realistic day of pageview_complete data and the usage of 100,000 Commons files.

The day file has the published shape (https://dumps.wikimedia.org/other/pageview_complete/readme.html):
``wiki_code article_title page_id access_method daily_total hourly_counts``, one line per page and
access method, bz2-compressed, named ``pageviews-YYYYMMDD-user.bz2``. Like the real file it is
long-tailed: a few hundred wikis of very unequal size (English largest), most pages read once or
twice a day, a few read hundreds of thousands of times (Pareto counts); titles of varied length.

The usage file lists, for 100,000 files, the articles using them (``file<TAB>wiki<TAB>title``):
about 60% of files are used, on one to five articles, drawn from pages of the day (and a few
pages with no views that day, which exist in no dump line). Deterministic for a given seed.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from itertools import accumulate
from pathlib import Path

LANGS = ["en", "de", "fr", "ja", "es", "ru", "it", "zh", "pt", "pl", "nl", "ar", "fa", "sv", "uk", "id", "he", "ko"]
PROJECTS = [
    ("wikipedia", 85),
    ("wiktionary", 6),
    ("wikisource", 3),
    ("wikibooks", 2),
    ("wikiquote", 2),
    ("wikivoyage", 2),
]
WORDS = [
    "History",
    "of",
    "the",
    "River",
    "Portrait",
    "Saint",
    "Battle",
    "Museum",
    "List",
    "Church",
    "Painting",
    "Station",
    "Ada",
    "Lovelace",
    "Mona",
    "Lisa",
    "Leeds",
    "Kyoto",
    "(album)",
    "(film)",
    "1887",
    "National",
]
ACCESS = [("desktop", 45), ("mobile-web", 50), ("mobile-app", 5)]
HOURS = "ABCDEFGHIJKLMNOPQRSTUVWX"


def _wikis(rng: random.Random) -> tuple[list[str], list[float]]:
    names = [f"{lang}.{p}" for lang in LANGS for p, _ in PROJECTS]
    names += [f"x{i}.wikipedia" for i in range(200)]
    weights = [1 / (i + 1) ** 1.1 for i in range(len(names))]
    return names, list(accumulate(weights))


def _hourly(rng: random.Random, total: int) -> str:
    k = min(total, 1 + rng.randrange(4))
    share, rest = divmod(total, k)
    hours = sorted(rng.sample(range(24), k))
    return "".join(f"{HOURS[h]}{share + (i < rest)}" for i, h in enumerate(hours))


def generate(day_path: Path, usage_path: Path, lines: int, files: int = 100_000, seed: int = 7) -> None:
    rng = random.Random(seed)
    names, cum = _wikis(rng)
    access_names = [a for a, _ in ACCESS]
    access_cum = list(accumulate(w for _, w in ACCESS))
    candidates: list[tuple[str, str]] = []
    keep_every = max(1, lines // (files * 3))
    compressor = subprocess.Popen(
        [shutil.which("bzip2") or "bzip2", "-c"], stdin=subprocess.PIPE, stdout=day_path.open("wb")
    )
    assert compressor.stdin is not None
    written, page, buf = 0, 0, []
    combos = ["_".join(rng.choices(WORDS, k=1 + rng.randrange(4))) for _ in range(5000)]
    access_sets = [
        sorted(set(rng.choices(access_names, cum_weights=access_cum, k=1 + rng.randrange(3)))) for _ in range(512)
    ]
    hourly_small = {t: [_hourly(rng, t) for _ in range(64)] for t in range(1, 40)}
    while written < lines:
        wikis = rng.choices(names, cum_weights=cum, k=10_000)
        for wiki in wikis:
            page += 1
            title = f"{combos[page % 4999]}_{page:x}"
            pid = "null" if page % 97 == 0 else str(page)
            for access in access_sets[rng.getrandbits(9)]:
                total = min(int(rng.paretovariate(1.2)), 900_000)
                hourly = hourly_small[total][rng.getrandbits(6)] if total < 40 else _hourly(rng, total)
                buf.append(f"{wiki} {title} {pid} {access} {total} {hourly}\n")
                written += 1
            if page % keep_every == 0:
                candidates.append((wiki, title))
            if written >= lines:
                break
        compressor.stdin.write("".join(buf).encode())
        buf = []
    compressor.stdin.write("".join(buf).encode())
    compressor.stdin.close()
    if compressor.wait() != 0:
        raise RuntimeError("bzip2 failed")
    _usage(rng, usage_path, candidates, files)


def _usage(rng: random.Random, path: Path, candidates: list[tuple[str, str]], files: int) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(files):
            if rng.random() > 0.6:
                continue
            for _ in range(1 + rng.randrange(5)):
                wiki, title = rng.choice(candidates)
                if rng.random() < 0.05:
                    title += "_(no_views_today)"
                fh.write(f"File_{i}.jpg\t{wiki}\t{title}\n")


def read_targets(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return sorted({(w, t) for _, w, t in (line.rstrip("\n").split("\t") for line in fh)})


if __name__ == "__main__":
    generate(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
