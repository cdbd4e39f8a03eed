"""Which pages count as articles, following Commons Impact Metrics' choice
(https://wikitech.wikimedia.org/wiki/Commons_Impact_Metrics: page views of articles in the main
namespace of Wikimedia wikis, not of Wikidata or Commons pages).

- ``article``: namespace 0 of a Wikipedia (``en.wikipedia``): the headline figure;
- ``content``: namespace 0 of another content wiki (Wikisource, Wikivoyage, Wikibooks, Wikiquote,
  Wiktionary, Wikinews, Wikiversity): measured and stated separately, never added to the headline;
- ``other``: everything else — Wikidata items (namespace 0 there is an item, not an article),
  Commons galleries, Meta, Wikispecies, talk, user and project pages: listed, never counted as views.
"""

from __future__ import annotations

ARTICLE, CONTENT, OTHER = "article", "content", "other"
CONTENT_PROJECTS = ("wikisource", "wikivoyage", "wikibooks", "wikiquote", "wiktionary", "wikinews", "wikiversity")
PROJECT_NAMES = {
    "wikipedia": "Wikipedia",
    "wikisource": "Wikisource",
    "wikivoyage": "Wikivoyage",
    "wikibooks": "Wikibooks",
    "wikiquote": "Wikiquote",
    "wiktionary": "Wiktionary",
    "wikinews": "Wikinews",
    "wikiversity": "Wikiversity",
}


def project(wiki: str) -> str:
    """'en.wikipedia' -> 'wikipedia'; 'wikisource' (multilingual wikisource.org) -> 'wikisource'."""
    return wiki.rsplit(".", 1)[-1]


def language(wiki: str) -> str:
    """'en.wikipedia' -> 'en'; a wiki without a language (wikisource.org) -> 'multilingual'."""
    return wiki.split(".", 1)[0] if "." in wiki else "multilingual"


def page_kind(wiki: str, ns: int) -> str:
    if ns != 0:
        return OTHER
    fam = project(wiki)
    if fam == "wikipedia" and "." in wiki:
        return ARTICLE
    if fam in CONTENT_PROJECTS:
        return CONTENT
    return OTHER
