"""Where unused files could go: a worklist for editors, from Wikidata items and their sitelinks.

For each file not shown on any Wikipedia article:

1. its structured data on Commons (``wbgetentities`` with ``sites=commonswiki``; mediainfo
   statements, https://www.mediawiki.org/wiki/Extension:WikibaseMediaInfo) give the work it
   reproduces (P6243 "digital representation of"), what it depicts (P180, see
   https://commons.wikimedia.org/wiki/Commons:Depicts) and its creator (P170);
2. the work's own item adds its creator (P170) and depicted subjects (P180);
3. each of those items' Wikipedia sitelinks is an article where the file could fit; the articles
   with no image or the fewest images (``prop=images``) come first;
4. the work and depicted items with no image (P18, https://www.wikidata.org/wiki/Property:P18) are
   items the file could illustrate.

The worklist is CSV (spreadsheet-safe cells) and wikitext (a table per file) for an on-wiki page.
Nothing is edited: editors decide.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glamwiki.cells import neutralise
from glamwiki.reach.http import Client
from glamwiki.reach.mediawiki import COMMONS, TITLES_PER_REQUEST, WIKIDATA, file_key, host_of, pages_of, query_all
from glamwiki.wikimedia.ids import P_CREATOR, P_DEPICTS, P_DIGITAL_REPRESENTATION_OF, P_IMAGE

NOT_WIKIPEDIAS = {"commonswiki", "wikidatawiki", "specieswiki", "metawiki", "mediawikiwiki", "sourceswiki",
                  "incubatorwiki", "outreachwiki", "wikimaniawiki", "foundationwiki", "testwiki"}  # fmt: skip
FORBIDDEN = set("[]{}|<>#")  # cannot occur in a page title: an answer holding one is not used


@dataclass(frozen=True)
class Suggestion:
    file: str
    kind: str  # article | item
    wiki: str  # e.g. en.wikipedia, or wikidata
    target: str  # article title, or Q id
    via: str  # e.g. "creator Q1918901"
    images: int | None = None  # images the article shows now (articles only)


@dataclass
class Worklist:
    suggestions: list[Suggestion] = field(default_factory=list)
    without_items: list[str] = field(default_factory=list)  # files with no structured data to go on
    problems: list[tuple[str, str]] = field(default_factory=list)


def wiki_of_site(site: str) -> str | None:
    """'enwiki' -> 'en.wikipedia'; 'zh_yuewiki' -> 'zh-yue.wikipedia'; non-Wikipedias -> None."""
    if not site.endswith("wiki") or site in NOT_WIKIPEDIAS:
        return None
    return f"{site.removesuffix('wiki').replace('_', '-')}.wikipedia"


def item_values(entity: dict[str, Any], prop: str) -> list[str]:
    """Item ids of a property's statements; reads Wikidata's ``claims`` and Commons' ``statements``."""
    statements = (entity.get("statements") or entity.get("claims") or {}).get(prop, [])
    found = []
    for st in statements if isinstance(statements, list) else []:
        value = (st.get("mainsnak", {}).get("datavalue") or {}).get("value")
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            found.append(value["id"])
    return found


def suggest(
    client: Client, files: Iterable[str], languages: Iterable[str] = (), used: set[tuple[str, str]] | None = None
) -> Worklist:
    """``used``: (wiki, title) pages already showing the files (not suggested again)."""
    work = Worklist()
    langs = set(languages)
    media = _mediainfo(client, [file_key(f) for f in files], work)
    links = {f: _links(e) for f, e in media.items()}
    first = {q for fl in links.values() for qs in fl.values() for q in qs}
    items = _entities(client, sorted(first))
    for fl in links.values():  # the work's creator and subjects
        for q in fl["work"]:
            fl["creator"] += [c for c in item_values(items.get(q, {}), P_CREATOR) if c not in fl["creator"]]
            fl["depicted"] += [d for d in item_values(items.get(q, {}), P_DEPICTS) if d not in fl["depicted"]]
    items.update(_entities(client, sorted({q for fl in links.values() for qs in fl.values() for q in qs} - set(items))))
    for file, fl in links.items():
        if not any(fl.values()):
            work.without_items.append(file)
        work.suggestions += _for_file(file, fl, items, langs, used or set(), work)
    _count_images(client, work)
    work.suggestions.sort(key=lambda s: (s.file, s.kind != "item", s.images or 0, s.wiki, s.target))
    return work


def _links(entity: dict[str, Any]) -> dict[str, list[str]]:
    return {
        "work": item_values(entity, P_DIGITAL_REPRESENTATION_OF),
        "depicted": item_values(entity, P_DEPICTS),
        "creator": item_values(entity, P_CREATOR),
    }


def _for_file(
    file: str, fl: dict[str, list[str]], items: dict[str, dict[str, Any]], langs: set[str],
    used: set[tuple[str, str]], work: Worklist,
) -> list[Suggestion]:  # fmt: skip
    out: dict[tuple[str, str], Suggestion] = {}
    for role in ("work", "depicted", "creator"):
        for q in fl[role]:
            entity = items.get(q, {})
            if role != "creator" and not item_values_any(entity, P_IMAGE):
                out.setdefault(("wikidata", q), Suggestion(file, "item", "wikidata", q, f"{role}: no image (P18)"))
            for site, link in (entity.get("sitelinks") or {}).items():
                wiki, title = wiki_of_site(site), str((link or {}).get("title", "")).replace(" ", "_")
                if not wiki or (langs and wiki.split(".")[0] not in langs) or (wiki, title) in used:
                    continue
                if not title or FORBIDDEN & set(title):
                    work.problems.append((file, f"sitelink {site} of {q} is not a page title: {title[:80]!r}"))
                    continue
                out.setdefault((wiki, title), Suggestion(file, "article", wiki, title, f"{role} {q}"))
    return list(out.values())


def item_values_any(entity: dict[str, Any], prop: str) -> bool:
    return bool((entity.get("claims") or entity.get("statements") or {}).get(prop))


def _mediainfo(client: Client, files: list[str], work: Worklist) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(files), TITLES_PER_REQUEST):
        chunk = files[i : i + TITLES_PER_REQUEST]
        titles = "|".join(f"File:{f.replace('_', ' ')}" for f in chunk)
        body = client.action(COMMONS, {"action": "wbgetentities", "sites": "commonswiki", "titles": titles,
                                       "props": "claims"})  # fmt: skip
        for entity in (body.get("entities") or {}).values():
            if not isinstance(entity, dict) or "missing" in entity or not entity.get("title"):
                continue
            if file_key(str(entity["title"])) in chunk:  # only what was asked
                found[file_key(str(entity["title"]))] = entity
    for f in files:
        found.setdefault(f, {})
    return found


def _entities(client: Client, ids: list[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), TITLES_PER_REQUEST):
        params = {
            "action": "wbgetentities",
            "ids": "|".join(ids[i : i + TITLES_PER_REQUEST]),
            "props": "claims|sitelinks",
        }
        body = client.action(WIKIDATA, params)
        found.update({q: e for q, e in (body.get("entities") or {}).items() if isinstance(e, dict)})
    return found


def _count_images(client: Client, work: Worklist) -> None:
    """How many images each suggested article shows now (prop=images), 50 titles a request."""
    by_wiki: dict[str, list[str]] = {}
    for s in work.suggestions:
        if s.kind == "article":
            by_wiki.setdefault(s.wiki, []).append(s.target)
    counts: dict[tuple[str, str], int] = {}
    for wiki, titles in by_wiki.items():
        unique = sorted(set(titles))
        for i in range(0, len(unique), TITLES_PER_REQUEST):
            params = {"prop": "images", "titles": "|".join(unique[i : i + TITLES_PER_REQUEST]), "imlimit": "max"}
            for body in query_all(client, host_of(wiki), params):
                for page in pages_of(body):
                    key = (wiki, str(page.get("title", "")).replace(" ", "_"))
                    counts[key] = counts.get(key, 0) + len(page.get("images") or [])
    work.suggestions = [
        Suggestion(s.file, s.kind, s.wiki, s.target, s.via, counts.get((s.wiki, s.target), 0))
        if s.kind == "article"
        else s
        for s in work.suggestions
    ]


def write_worklist(work: Worklist, folder: Path) -> dict[str, Path]:
    """The worklist as CSV (one suggestion a row) and as wikitext (a table per file)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"csv": folder / "placement-suggestions.csv", "wikitext": folder / "placement-suggestions.wiki"}
    with paths["csv"].open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "kind", "wiki", "page_or_item", "found_through", "images_on_page_now"])
        for s in work.suggestions:
            row = [s.file, s.kind, s.wiki, s.target, s.via]
            writer.writerow([neutralise(c) for c in row] + ["" if s.images is None else s.images])
    paths["wikitext"].write_text(wikitext(work), encoding="utf-8")
    return paths


def wikitext(work: Worklist) -> str:
    out = [
        "Where each unused file could go: Wikipedia articles about the work, its creator or what it depicts "
        "(fewest images first), and Wikidata items with no image (P18). Generated by glamwiki; nothing was edited.",
    ]
    by_file: dict[str, list[Suggestion]] = {}
    for s in work.suggestions:
        by_file.setdefault(s.file, []).append(s)
    for file, rows in by_file.items():
        out.append(f"\n== [[:File:{_safe(file)}]] ==")
        out.append('{| class="wikitable sortable"\n! Where !! Page !! Found through !! Images on the page now')
        for s in rows:
            page = f"[[d:{s.target}]] (add P18)" if s.kind == "item" else _link(s.wiki, s.target)
            out.append(f"|-\n| {s.wiki} || {page} || {s.via} || {'' if s.images is None else s.images}")
        out.append("|}")
    if work.without_items:
        names = ", ".join(f"[[:File:{_safe(f)}]]" for f in work.without_items)
        out.append(f"\nNo structured data to go on (add P6243, P180 or P170 on Commons): {names}")
    return "\n".join(out) + "\n"


def _link(wiki: str, title: str) -> str:
    lang = wiki.split(".")[0]
    return f"[[:{lang}:{title.replace('_', ' ')}]]"


def _safe(name: str) -> str:
    """A file name as link text: characters that would end a link or open markup become entities."""
    return "".join(f"&#{ord(c)};" if c in FORBIDDEN else c for c in name.replace("_", " "))
