"""MediaWiki Action API calls the reach stage makes (https://www.mediawiki.org/wiki/API:Main_page).

Continuation follows https://www.mediawiki.org/wiki/API:Continue: the ``continue`` object of
each answer is merged into the next request until an answer has none.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from glamwiki.reach.http import DAY, Client

COMMONS = "commons.wikimedia.org"
WIKIDATA = "www.wikidata.org"
TITLES_PER_REQUEST = 50


@dataclass(frozen=True)
class Usage:
    file: str  # without "File:", underscores
    wiki: str  # e.g. en.wikipedia
    title: str  # as GlobalUsage gives it (underscores, namespace prefix when not 0)
    ns: int
    page_id: int | None


def file_key(title: str) -> str:
    """'File:Mona Lisa.jpg' -> 'Mona_Lisa.jpg' (the key files are stored under)."""
    name = title.strip()
    for prefix in ("File:", "Image:"):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name.replace(" ", "_")


def project_of(host: str) -> str:
    """'en.wikipedia.org' -> 'en.wikipedia' (the REST API's project name)."""
    return host.removesuffix(".org")


def host_of(project: str) -> str:
    return project if project.endswith(".org") else f"{project}.org"


def query_all(client: Client, host: str, params: dict[str, Any], ttl: float = DAY) -> Iterator[dict[str, Any]]:
    """Every answer of a query, following continuation."""
    cont: dict[str, Any] = {}
    while True:
        body = client.action(host, {"action": "query", **params, **cont}, ttl)
        yield body
        if "continue" not in body:
            return
        cont = body["continue"]


def category_files(client: Client, category: str, depth: int = 0, ttl: float = DAY) -> list[str]:
    """Files in a Commons category and, to ``depth`` levels, in its subcategories
    (list=categorymembers, cmtype=file|subcat). depth 0: the category's own files only."""
    files: list[str] = []
    seen: set[str] = set()
    level = [category if category.startswith("Category:") else f"Category:{category}"]
    for current in range(depth + 1):
        below: list[str] = []
        for title in level:
            if title in seen:
                continue  # category loops exist on Commons
            seen.add(title)
            _members(client, title, current < depth, ttl, files, below)
        level = below
    return list(dict.fromkeys(files))


def _members(client: Client, title: str, subcats: bool, ttl: float, files: list[str], below: list[str]) -> None:
    kinds = "file|subcat" if subcats else "file"
    params = {"list": "categorymembers", "cmtitle": title, "cmtype": kinds, "cmlimit": "max", "cmprop": "title"}
    for body in query_all(client, COMMONS, params, ttl):
        for m in body.get("query", {}).get("categorymembers", []):
            name = str(m.get("title", ""))
            if name.startswith("Category:"):
                below.append(name)
            elif name:
                files.append(file_key(name))


Problem = tuple[str, str]  # (key, what could not be read)


def global_usage(
    client: Client, files: Iterable[str], problems: list[Problem] | None = None, ttl: float = DAY
) -> dict[str, list[Usage]]:
    """Where each file is used on every wiki (prop=globalusage with guprop=url|namespace|pageid).
    An entry missing a field (or with an odd one) is left out and named in ``problems``."""
    result: dict[str, list[Usage]] = {}
    problems = problems if problems is not None else []
    names = list(files)
    for i in range(0, len(names), TITLES_PER_REQUEST):
        _usage_batch(client, names[i : i + TITLES_PER_REQUEST], result, problems, ttl)
    return result


def _usage_batch(
    client: Client, batch: list[str], result: dict[str, list[Usage]], problems: list[Problem], ttl: float
) -> None:
    params = {
        "prop": "globalusage",
        "titles": "|".join(f"File:{n.replace('_', ' ')}" for n in batch),
        "guprop": "url|namespace|pageid",
        "gulimit": "max",
    }
    for name in batch:
        result.setdefault(name, [])
    for body in query_all(client, COMMONS, params, ttl):
        for page in _pages(body):
            name = file_key(str(page.get("title", "")))
            for use in page.get("globalusage", []) or []:
                usage = _usage(name, use, problems)
                if usage:
                    result.setdefault(name, []).append(usage)


def _usage(name: str, use: object, problems: list[Problem]) -> Usage | None:
    if not isinstance(use, dict):
        problems.append((name, f"globalusage entry is not an object: {str(use)[:80]}"))
        return None
    missing = [k for k in ("wiki", "title", "ns") if use.get(k) in (None, "")]
    ns = _int(use.get("ns"))
    if missing or ns is None:
        what = f"missing {', '.join(missing)}" if missing else f"ns {use.get('ns')!r} is not a number"
        problems.append((name, f"globalusage entry {str(use)[:120]}: {what}; left out"))
        return None
    return Usage(name, project_of(str(use["wiki"])), str(use["title"]).replace(" ", "_"), ns, _int(use.get("pageid")))


def pages_of(body: dict[str, Any]) -> list[dict[str, Any]]:
    """query.pages of an answer, as a list (formatversion 2) whatever the format version."""
    pages = body.get("query", {}).get("pages", [])
    return list(pages.values()) if isinstance(pages, dict) else pages


_pages = pages_of


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def user_contribs(
    client: Client, host: str, users: list[str], start: str, end: str, namespaces: str = "0"
) -> Iterator[dict[str, Any]]:
    """Edits by the users between start and end (ISO 8601), oldest first per batch of 50 users
    (list=usercontribs takes at most 50 user names a request)."""
    for i in range(0, len(users), TITLES_PER_REQUEST):
        yield from _contribs(client, host, users[i : i + TITLES_PER_REQUEST], start, end, namespaces)


def _contribs(
    client: Client, host: str, users: list[str], start: str, end: str, namespaces: str
) -> Iterator[dict[str, Any]]:
    params = {
        "list": "usercontribs",
        "ucuser": "|".join(users),
        "ucstart": start,
        "ucend": end,
        "ucdir": "newer",
        "ucnamespace": namespaces,
        "ucprop": "ids|title|timestamp|size|sizediff|flags",
        "uclimit": "max",
    }
    for body in query_all(client, host, params):
        yield from body.get("query", {}).get("usercontribs", [])


def revision_texts(client: Client, host: str, revids: list[int]) -> dict[int, str]:
    """Wikitext of revisions (prop=revisions, rvprop=ids|content, rvslots=main), 50 at a time."""
    texts: dict[int, str] = {}
    for i in range(0, len(revids), TITLES_PER_REQUEST):
        chunk = [r for r in revids[i : i + TITLES_PER_REQUEST] if r]
        if not chunk:
            continue
        params = {"prop": "revisions", "revids": "|".join(map(str, chunk)), "rvprop": "ids|content", "rvslots": "main"}
        for body in query_all(client, host, params, ttl=365 * DAY):
            for page in _pages(body):
                for rev in page.get("revisions", []):
                    main = rev.get("slots", {}).get("main", {})
                    texts[int(rev["revid"])] = main.get("content", main.get("*", ""))
    return texts


def wikidata_items(client: Client, host: str, titles: list[str]) -> dict[str, str | None]:
    """Each page's Wikidata item (prop=pageprops, ppprop=wikibase_item)."""
    items: dict[str, str | None] = {}
    for i in range(0, len(titles), TITLES_PER_REQUEST):
        chunk = "|".join(titles[i : i + TITLES_PER_REQUEST])
        params = {"prop": "pageprops", "ppprop": "wikibase_item", "titles": chunk}
        for body in query_all(client, host, params):
            for page in _pages(body):
                items[page["title"].replace(" ", "_")] = page.get("pageprops", {}).get("wikibase_item")
    return items


def entity_claims(client: Client, ids: list[str]) -> dict[str, dict[str, list[str]]]:
    """Item-valued claims of Wikidata entities (action=wbgetentities, props=claims): {Q: {P: [Q...]}}."""
    found: dict[str, dict[str, list[str]]] = {}
    for i in range(0, len(ids), TITLES_PER_REQUEST):
        params = {"action": "wbgetentities", "ids": "|".join(ids[i : i + TITLES_PER_REQUEST]), "props": "claims"}
        body = client.action(WIKIDATA, params)
        for qid, entity in body.get("entities", {}).items():
            claims: dict[str, list[str]] = {}
            for prop, statements in entity.get("claims", {}).items():
                for st in statements:
                    value = st.get("mainsnak", {}).get("datavalue", {}).get("value")
                    if isinstance(value, dict) and "id" in value:
                        claims.setdefault(prop, []).append(value["id"])
            found[qid] = claims
    return found


def registrations(client: Client, host: str, users: list[str]) -> dict[str, str | None]:
    """Each user's registration time on the wiki (list=users, usprop=registration, 50 names a request:
    https://www.mediawiki.org/wiki/API:Users); None for a missing user or one registered before
    MediaWiki recorded it (late 2005), whom the wiki returns without a registration."""
    found: dict[str, str | None] = {}
    for i in range(0, len(users), TITLES_PER_REQUEST):
        params = {"list": "users", "ususers": "|".join(users[i : i + TITLES_PER_REQUEST]), "usprop": "registration"}
        for body in query_all(client, host, params):
            for user in body.get("query", {}).get("users", []):
                found[str(user.get("name", ""))] = user.get("registration") or None
    return found


def edited_since(client: Client, host: str, users: list[str], since: str) -> set[str]:
    """The users with at least one edit on the wiki, in any namespace, from ``since`` (ISO 8601) on
    (list=usercontribs, newest last; stops once every user has been seen)."""
    seen: set[str] = set()
    for i in range(0, len(users), TITLES_PER_REQUEST):
        batch = users[i : i + TITLES_PER_REQUEST]
        params = {"list": "usercontribs", "ucuser": "|".join(batch), "ucstart": since, "ucdir": "newer",
                  "ucprop": "timestamp", "uclimit": "max"}  # fmt: skip
        for body in query_all(client, host, params):
            seen |= {str(c.get("user", "")) for c in body.get("query", {}).get("usercontribs", [])}
            if seen >= set(batch):
                break
    return seen & set(users)
