"""Pre-flight: the checks the server would make, before any bytes are sent — title rules and the
title blacklist, file type and size, and the SHA-1 against the wiki's files."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from glamwiki.publishing import filetypes
from glamwiki.publishing.api import ApiClient
from glamwiki.publishing.errors import ApiError, PreflightError
from glamwiki.publishing.sources import MAX_SIZE, Fetched
from glamwiki.publishing.titles import MAX_BYTES
from glamwiki.wikimedia import ids

FORBIDDEN = set("#<>[]|{}:/\\")
# {{Artwork}}'s accession number parameter (https://commons.wikimedia.org/wiki/Template:Artwork): its value
# runs to the next parameter or the end of the template.
_ACCESSION = re.compile(r"\|\s*accession[ _]number\s*=(?P<value>(?:\{\{[^{}]*\}\}|[^|{}])*)", re.IGNORECASE)
CATEGORY_NS = 14


@dataclass
class OnWiki:
    """What the wiki holds for a file: pages with the same bytes, and the planned title's own file."""

    same_bytes: list[str] = field(default_factory=list)  # titles of live files with this SHA-1
    title_sha1: str | None = None  # SHA-1 of the file now at the planned title (None: no file)
    title_page: bool = False  # a page exists at the title (with or without a file)
    refusals: list[str] = field(default_factory=list)  # why the account may not create/upload it (title blacklist...)
    missing_categories: list[str] = field(default_factory=list)  # the page's categories the wiki does not have


MAX_PAGE_BYTES = 2048 * 1024


def check_local(title: str, fetched: Fetched, max_size: int = MAX_SIZE) -> None:
    """Title rules, file type and size, as MediaWiki enforces them. Raises PreflightError."""
    if len(title.encode("utf-8")) > MAX_BYTES:
        raise PreflightError(f"The title {title!r} is over {MAX_BYTES} bytes; shorten the title pattern.")
    bad = FORBIDDEN & set(title)
    if bad:
        raise PreflightError(f"The title {title!r} holds characters a file name cannot: {''.join(sorted(bad))}.")
    if fetched.size == 0:
        raise PreflightError(f"{fetched.path} is empty (0 bytes); the wiki refuses empty files.")
    if fetched.size > max_size:
        raise PreflightError(f"{fetched.path} is {fetched.size:,} bytes, over the wiki's limit of {max_size:,}.")
    if fetched.ext is None:
        raise PreflightError(f"{fetched.path} is not a file type the wiki accepts (unrecognised content).")
    ext = filetypes.canonical(title.rsplit(".", 1)[-1]) if "." in title else ""
    if ext != fetched.ext:
        raise PreflightError(f"The title {title!r} does not end in .{fetched.ext}, the file's real type.")


def check_page_size(text: str, limit: int = MAX_PAGE_BYTES) -> None:
    """The file description page must fit the wiki's page size limit ($wgMaxArticleSize, 2048 KiB by
    default and on Wikimedia wikis: https://www.mediawiki.org/wiki/Manual:$wgMaxArticleSize)."""
    size = len(text.encode("utf-8"))
    if size > limit:
        raise PreflightError(
            f"The page text is {size:,} bytes, over the wiki's page size limit of {limit:,} bytes; the wiki would "
            "refuse it. Shorten the longest catalogue field (or leave it out of the mapping) and re-plan."
        )


class Preflight:
    def __init__(self, client: ApiClient) -> None:
        self.client = client
        self.blacklist_api: bool | None = None  # None until the first call tells
        self.cirrus: bool | None = None  # whether the wiki searches with CirrusSearch; None until asked

    def blacklisted(self, title: str) -> str | None:
        """The blacklist's reason when ``File:title`` may not be created, else None."""
        if self.blacklist_api is False:
            return None
        try:
            data = self.client.get(action="titleblacklist", tbaction="create", tbtitle=f"File:{title}")
        except ApiError as exc:
            if exc.code in ("badvalue", "unknown_action"):  # the wiki has no TitleBlacklist extension
                self.blacklist_api = False
                return None
            raise
        self.blacklist_api = True
        result = data.get("titleblacklist", {})
        if result.get("result") == "blacklisted":
            return str(result.get("reason") or result.get("message") or "blacklisted")
        return None

    def on_wiki(self, sha1: str, title: str, test_actions: bool = True, categories: tuple[str, ...] = ()) -> OnWiki:
        """One request for everything the wiki knows before upload: files with these bytes
        (``list=allimages&aisha1=``), the file now at the title, and whether this account may create
        and upload it (``intestactions``, which runs the same permission checks as the upload —
        the title blacklist among them — with ``intestactionsdetail=full`` for the reasons), and
        which of the page's categories do not exist (asked in the same request)."""
        params = {
            "action": "query",
            "list": "allimages",
            "aisha1": sha1,
            "ailimit": "10",
            "titles": "|".join([f"File:{title}", *(f"Category:{c}" for c in categories[:40])]),
            "prop": "imageinfo|info",
            "iiprop": "sha1",
        }
        if test_actions:
            params |= {"intestactions": "create|upload", "intestactionsdetail": "full"}
        query = self.client.get(**params).get("query", {})
        found = OnWiki(same_bytes=[str(i["name"]).replace("_", " ") for i in query.get("allimages", [])])
        for page in query.get("pages", []):
            if page.get("ns") == CATEGORY_NS:
                if page.get("missing", False):
                    found.missing_categories.append(str(page.get("title", "")).split(":", 1)[-1])
                continue
            found.title_page = not page.get("missing", False)
            info = page.get("imageinfo") or []
            if info:
                found.title_sha1 = info[0].get("sha1")
            for action, errors in (page.get("actions") or {}).items():
                found.refusals += [f"{action}: {e.get('code')}: {e.get('text', '')}" for e in errors or []]
        return found

    def same_object(self, inventory: str, collection: str) -> list[str]:
        """Files already on the wiki that show the same object: structured data with this inventory
        number (P217) in this collection (P195), found with CirrusSearch's ``haswbstatement``
        (https://www.mediawiki.org/wiki/Help:Extension:WikibaseCirrusSearch). A wiki without it
        answers with no hits (or an error, then nothing is claimed)."""
        value = inventory.replace('"', "").replace("\\", "").strip()
        if not value or not collection:
            return []
        query = f'haswbstatement:"{ids.INVENTORY_NUMBER}={value}" haswbstatement:{ids.COLLECTION}={collection}'
        try:
            data = self.client.get(action="query", list="search", srsearch=query, srnamespace="6", srlimit="5",
                                   srinfo="", srprop="")  # fmt: skip
        except ApiError:
            return []
        hits = data.get("query", {}).get("search", [])
        return [str(h["title"]).split(":", 1)[-1] for h in hits if h.get("title")]

    def same_accession(self, accession: str, institution: str = "") -> list[str]:
        """Files whose page's ``accession number`` field holds ``accession`` (and whose page names the
        institution, when given). On a wiki with CirrusSearch (Commons) the search is
        ``insource:"N01234" "Tate"`` in the File namespace: ``insource:`` matches the page's wikitext
        (https://www.mediawiki.org/wiki/Help:CirrusSearch#Insource). MediaWiki's own search backend
        has no ``insource:``, so there the accession number is searched as a phrase. Either way every
        hit is confirmed by reading its wikitext: only an exact accession-number field counts."""
        value = accession.replace('"', "").replace("\\", "").strip()
        if not value:
            return []
        name = institution.replace('"', "").strip()
        if self.cirrus is None:
            self.cirrus = self._has_cirrus_search()
        query = f'insource:"{value}"' + (f' "{name}"' if name else "") if self.cirrus else f'"{value}"'
        try:
            data = self.client.get(action="query", list="search", srsearch=query, srnamespace="6", srlimit="10",
                                   srinfo="", srprop="")  # fmt: skip
        except ApiError:
            return []
        titles = [str(h["title"]) for h in data.get("query", {}).get("search", []) if h.get("title")]
        texts = self._wikitexts(titles) if titles else {}
        return [t.split(":", 1)[-1] for t in titles if accession_on_page(texts.get(t, ""), value, name)]

    def _has_cirrus_search(self) -> bool:
        try:
            data = self.client.get(action="query", meta="siteinfo", siprop="extensions")
        except ApiError:
            return False
        return any(e.get("name") == "CirrusSearch" for e in data.get("query", {}).get("extensions", []))

    def _wikitexts(self, titles: list[str]) -> dict[str, str]:
        """The current wikitext of up to 50 pages, in one request, by title."""
        data = self.client.get(action="query", prop="revisions", titles="|".join(titles[:50]), rvprop="content",
                               rvslots="main")  # fmt: skip
        out: dict[str, str] = {}
        for page in data.get("query", {}).get("pages", []):
            for rev in (page.get("revisions") or [])[:1]:
                out[str(page.get("title"))] = str(rev.get("slots", {}).get("main", {}).get("content", ""))
        return out

    def page_ids(self, titles: list[str]) -> dict[str, tuple[int, int]]:
        """(page id, latest revision) of up to 50 file pages, by title."""
        query = self.client.get(action="query", prop="info", titles="|".join(f"File:{t}" for t in titles))["query"]
        asked = {n["to"]: n["from"] for n in query.get("normalized", [])}  # the wiki's spelling -> ours
        out = {}
        for page in query.get("pages", []):
            if not page.get("missing"):
                title = asked.get(page["title"], page["title"]).split(":", 1)[1]
                out[title] = (int(page["pageid"]), int(page["lastrevid"]))
        return out


def accession_on_page(wikitext: str, accession: str, institution: str = "") -> bool:
    """True when an ``accession number`` field of the page holds exactly ``accession`` (as a whole
    token: N01234 is not N012345) and the page names ``institution`` (when one is given)."""
    token = re.compile(rf"(?<![\w/-]){re.escape(accession)}(?![\w/-])", re.IGNORECASE)
    if not any(token.search(m["value"]) for m in _ACCESSION.finditer(wikitext)):
        return False
    return not institution or institution.lower() in wikitext.lower()
