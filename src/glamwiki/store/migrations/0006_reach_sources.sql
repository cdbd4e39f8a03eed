-- Reach, issue 11: one figure per article and month whatever the sources, idempotent dump loads,
-- media sources kept apart, which pages are articles, problems recorded, category membership per month.

-- What each dump file contributed, per page (or file for mediacounts). Reloading a file replaces
-- its own rows, so a figure never counts a file twice. Daily/hourly figures are sums over these.
CREATE TABLE reach_dump_counts (
    path TEXT NOT NULL,                    -- the published file name
    kind TEXT NOT NULL,                    -- pageviews | mediacounts
    wiki TEXT NOT NULL,                    -- project (commons.wikimedia for mediacounts)
    title TEXT NOT NULL,                   -- page title, or the file name for mediacounts
    granularity TEXT NOT NULL,             -- monthly | daily | hourly
    period TEXT NOT NULL,                  -- YYYY-MM | YYYY-MM-DD | YYYY-MM-DDTHH (hour that STARTS then)
    agent TEXT NOT NULL,                   -- user | automated | spider | all (mediacounts: every agent)
    count INTEGER NOT NULL,
    PRIMARY KEY (path, wiki, title)
);
-- No secondary index: a year is tens of millions of rows written once a file and read in full scans.

-- Dump figures stored before this migration were added up in place (a reload added a file again,
-- and a monthly dump was added to the API's figure). They cannot be taken apart: they are removed,
-- and the files are to be loaded again (`glamwiki reach dumps`), which now replaces, never adds.
DELETE FROM reach_pageviews WHERE source <> 'api';
DELETE FROM reach_mediarequests WHERE source <> 'api';
DELETE FROM reach_dump_runs;
DELETE FROM reach_coverage WHERE key = '*dump*';

ALTER TABLE reach_dump_runs ADD COLUMN examples TEXT NOT NULL DEFAULT '';  -- malformed lines, one a line

-- Which pages count: 'article' = namespace 0 of a Wikipedia; 'content' = namespace 0 of another
-- content wiki (Wikisource, Wikivoyage, ...), stated separately; 'other' = everything else
-- (Wikidata items, Commons galleries, talk and user pages...), kept but never counted as views.
ALTER TABLE reach_usage ADD COLUMN page_kind TEXT NOT NULL DEFAULT 'other';
UPDATE reach_usage SET page_kind = 'article' WHERE ns = 0 AND wiki LIKE '%.wikipedia';
UPDATE reach_usage SET page_kind = 'content' WHERE ns = 0 AND page_kind = 'other' AND (
    wiki LIKE '%.wikisource' OR wiki LIKE '%.wikivoyage' OR wiki LIKE '%.wikibooks' OR wiki LIKE '%.wikiquote'
    OR wiki LIKE '%.wiktionary' OR wiki LIKE '%.wikinews' OR wiki LIKE '%.wikiversity' OR wiki = 'wikisource');

-- Anything a source said that could not be read: recorded and shown, never a traceback.
CREATE TABLE reach_problems (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    source TEXT NOT NULL,                  -- e.g. globalusage, dump file name
    key TEXT NOT NULL,                     -- the file, page or line concerned
    detail TEXT NOT NULL
);

-- What was in a category each month: recorded by the collect that fetched that month.
CREATE TABLE reach_membership (
    category TEXT NOT NULL,
    month TEXT NOT NULL,                   -- YYYY-MM
    file TEXT NOT NULL,
    depth INTEGER NOT NULL,                -- subcategory depth the listing went to
    seen_at TEXT NOT NULL,
    PRIMARY KEY (category, month, file)
);
