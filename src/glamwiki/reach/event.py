"""What an event (edit-a-thon) produced, as the Programs & Events Dashboard reports it: edits,
articles created and improved, bytes and references added, files uploaded and where they are
used, views of the articles touched in the days after, and how many articles are about women.

Sources: list=usercontribs (edits), prop=revisions (wikitext, to count <ref> tags before and after
each edit), prop=globalusage (uploads' usage), the REST per-article API (daily views), and
pageprops wikibase_item + Wikidata P31/P21 (subjects).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from glamwiki.reach import mediawiki, rest
from glamwiki.reach.errors import ApiError
from glamwiki.reach.http import Client
from glamwiki.reach.wikis import ARTICLE, page_kind
from glamwiki.store import reach as db
from glamwiki.store.db import Store
from glamwiki.store.linking import linked_qids
from glamwiki.wikimedia.ids import P_INSTANCE_OF, P_SEX_OR_GENDER, Q_HUMAN, WOMEN

REF = re.compile(r"<ref[\s>/]", re.IGNORECASE)
# Wikimedia Event Metrics (https://phabricator.wikimedia.org/T217449): a new editor registered from 14
# days before the event; retained: edited again 7 days or more after it.
NEW_EDITOR_DAYS_BEFORE = 14
RETAINED_AFTER_DAYS = 7


@dataclass
class Event:
    name: str
    participants: list[str]
    start: str  # ISO 8601, UTC
    end: str
    wikis: list[str]  # projects, e.g. en.wikipedia; commons.wikimedia for uploads
    views_days: int = 30


@dataclass
class EventSummary:
    name: str
    participants: int = 0
    edits: int = 0
    articles_created: int = 0
    articles_improved: int = 0
    bytes_added: int = 0
    references_added: int = 0
    files_uploaded: int = 0
    uploads_in_use: int = 0
    articles_using_uploads: int = 0
    views_after: int = 0
    views_window: str = ""
    biographies: int = 0
    about_women: int = 0
    gender_share_women: float | None = None
    about_collection_people: int = 0  # articles whose item is a person linked to the collection (linking stage)
    new_editors: int | None = None  # None: the accounts could not be looked up
    retained_editors: int | None = None  # None: not yet 7 days after the event (or not looked up)
    per_wiki: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def count_refs(text: str) -> int:
    return len(REF.findall(text or ""))


def run_event(store: Store, client: Client, event: Event) -> EventSummary:
    summary = EventSummary(event.name, participants=len(event.participants))
    db.save_event(store, event.name, json.dumps(asdict(event)), datetime.now(UTC).isoformat(timespec="seconds"))
    touched: dict[tuple[str, str], bool] = {}  # (wiki, title) -> created during the event
    for wiki in event.wikis:
        if wiki.startswith("commons."):
            _uploads(client, event, summary)
            continue
        for title, created in _edits(store, client, event, wiki, summary).items():
            touched[(wiki, title)] = created
    _participants(store, client, event, summary)
    summary.articles_created = sum(1 for c in touched.values() if c)
    summary.articles_improved = len(touched) - summary.articles_created
    _views_after(client, event, touched, summary)
    _subjects(store, client, touched, summary)
    return summary


def _edits(store: Store, client: Client, event: Event, wiki: str, summary: EventSummary) -> dict[str, bool]:
    host = mediawiki.host_of(wiki)
    edits = list(mediawiki.user_contribs(client, host, event.participants, event.start, event.end))
    revids = [e["revid"] for e in edits] + [e.get("parentid", 0) for e in edits]
    texts = mediawiki.revision_texts(client, host, sorted(set(revids)))
    touched: dict[str, bool] = {}
    with store.transaction():
        for e in edits:
            title = e["title"].replace(" ", "_")
            new = bool(e.get("new", False))
            refs = max(0, count_refs(texts.get(e["revid"], "")) - count_refs(texts.get(e.get("parentid", 0), "")))
            diff = int(e.get("sizediff", 0))
            summary.bytes_added += max(diff, 0)
            summary.references_added += refs
            touched[title] = touched.get(title, False) or new
            db.save_event_edit(
                store,
                (event.name, wiki, e["revid"], e.get("parentid", 0), e["user"], title, e["ns"], e["timestamp"],
                 int(new), diff, refs),
            )  # fmt: skip
    summary.edits += len(edits)
    summary.per_wiki[wiki] = len(edits)
    return touched


def _uploads(client: Client, event: Event, summary: EventSummary) -> None:
    contribs = mediawiki.user_contribs(client, mediawiki.COMMONS, event.participants, event.start, event.end, "6")
    files = sorted({mediawiki.file_key(c["title"]) for c in contribs if c.get("new")})
    summary.files_uploaded = len(files)
    usage = mediawiki.global_usage(client, files)
    articles = {(u.wiki, u.title) for uses in usage.values() for u in uses if page_kind(u.wiki, u.ns) == ARTICLE}
    summary.uploads_in_use = sum(1 for uses in usage.values() if any((u.wiki, u.title) in articles for u in uses))
    summary.articles_using_uploads = len(articles)


def _views_after(client: Client, event: Event, touched: dict[tuple[str, str], bool], summary: EventSummary) -> None:
    end = datetime.fromisoformat(event.end.replace("Z", "+00:00"))
    first = (end + timedelta(days=1)).date()
    last = min(first + timedelta(days=event.views_days - 1), datetime.now(UTC).date() - timedelta(days=1))
    if last < first:
        summary.views_window = "none yet (the window after the event has not begun)"
        return
    summary.views_window = f"{first.isoformat()} to {last.isoformat()}"
    for wiki, title in sorted(touched):
        try:
            points = rest.per_article(client, wiki, title, first.strftime("%Y%m%d"), last.strftime("%Y%m%d"), "daily")
        except ApiError as exc:
            summary.failures.append(f"views of {wiki} {title}: {exc}")
            continue
        summary.views_after += sum(p.value for p in points)


def _subjects(store: Store, client: Client, touched: dict[tuple[str, str], bool], summary: EventSummary) -> None:
    by_wiki: dict[str, list[str]] = {}
    for wiki, title in touched:
        by_wiki.setdefault(wiki, []).append(title)
    items: dict[tuple[str, str], str | None] = {}
    for wiki, titles in by_wiki.items():
        found = mediawiki.wikidata_items(client, mediawiki.host_of(wiki), sorted(titles))
        items.update({(wiki, t): found.get(t) for t in titles})
    claims = mediawiki.entity_claims(client, sorted({q for q in items.values() if q}))
    with store.transaction():
        for (wiki, title), qid in items.items():
            c: dict[str, Any] = claims.get(qid or "", {})
            human = Q_HUMAN in c.get(P_INSTANCE_OF, [])
            gender = (c.get(P_SEX_OR_GENDER) or [None])[0]
            summary.biographies += human
            summary.about_women += human and gender in WOMEN
            db.save_page_subject(store, wiki, title, qid, human, gender)
    if summary.biographies:
        summary.gender_share_women = round(summary.about_women / summary.biographies, 3)
    linked = linked_qids(store)
    summary.about_collection_people = sum(1 for q in items.values() if q and q in linked)


def is_new_editor(registered: str | None, start: str, end: str) -> bool:
    """Registered from 14 days before the event's start to its end (Event Metrics' new editor)."""
    if not registered:
        return False
    first = _when(start) - timedelta(days=NEW_EDITOR_DAYS_BEFORE)
    return first <= _when(registered) <= _when(end)


def _when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _participants(store: Store, client: Client, event: Event, summary: EventSummary) -> None:
    """Each participant's registration on the event's (first) wiki and, once 7 days have passed since
    the end, whether they edited again on any of the event's wikis."""
    wikis = [w for w in event.wikis if not w.startswith("commons.")] or event.wikis
    since = _when(event.end) + timedelta(days=RETAINED_AFTER_DAYS)
    now = datetime.now(UTC)
    people = sorted(set(event.participants))
    try:
        registered = mediawiki.registrations(client, mediawiki.host_of(wikis[0]), people)
        after: set[str] | None = None
        if since <= now:
            stamp = since.strftime("%Y-%m-%dT%H:%M:%SZ")
            after = set().union(
                *(mediawiki.edited_since(client, mediawiki.host_of(w), people, stamp) for w in event.wikis)
            )
    except ApiError as exc:
        summary.failures.append(f"participants' accounts: {exc}")
        return
    checked = now.isoformat(timespec="seconds")
    new = {u for u in people if is_new_editor(registered.get(u), event.start, event.end)}
    with store.transaction():
        for user in people:
            db.save_event_participant(
                store, event.name, user, registered.get(user), None if after is None else user in after, checked
            )
    summary.new_editors = len(new)
    summary.retained_editors = None if after is None else len(new & after)
