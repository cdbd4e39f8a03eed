-- Reach: which Commons files are measured, where they are used, how often those pages are read.
-- Titles are stored as the APIs and dumps write them: underscores, no "File:" prefix for files.

CREATE TABLE reach_files (
    file TEXT PRIMARY KEY,                 -- e.g. Mona_Lisa.jpg
    source TEXT NOT NULL,                  -- category:NAME | list:PATH | project
    added_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    usage_checked_at TEXT                  -- last successful globalusage query
);

-- One row per page seen using a file (prop=globalusage). Usage that disappears is kept with gone_at.
CREATE TABLE reach_usage (
    file TEXT NOT NULL,
    wiki TEXT NOT NULL,                    -- project as the REST API names it, e.g. en.wikipedia
    title TEXT NOT NULL,
    ns INTEGER NOT NULL,
    page_id INTEGER,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    gone_at TEXT,
    PRIMARY KEY (file, wiki, title)
);
CREATE INDEX reach_usage_page ON reach_usage(wiki, title);

-- Page views of pages (REST per-article API or dumps), per period and agent type.
CREATE TABLE reach_pageviews (
    wiki TEXT NOT NULL,
    title TEXT NOT NULL,
    granularity TEXT NOT NULL,             -- monthly | daily | hourly (summed per day)
    period TEXT NOT NULL,                  -- YYYY-MM | YYYY-MM-DD
    agent TEXT NOT NULL,                   -- user | spider | automated
    views INTEGER NOT NULL,
    source TEXT NOT NULL,                  -- api | dump
    PRIMARY KEY (wiki, title, granularity, period, agent)
);

-- Which ranges were fetched for which key: reruns skip them; reports mark what is missing as gaps.
CREATE TABLE reach_coverage (
    kind TEXT NOT NULL,                    -- pageviews | mediarequests | cim-file | cim-category
    key TEXT NOT NULL,                     -- wiki|title, file, category
    agent TEXT NOT NULL DEFAULT 'user',
    first_period TEXT NOT NULL,            -- YYYY-MM (inclusive)
    last_period TEXT NOT NULL,
    status TEXT NOT NULL,                  -- ok | error
    detail TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (kind, key, agent, first_period, last_period)
);

-- Media requests per file (REST mediarequests API or mediacounts dumps).
CREATE TABLE reach_mediarequests (
    file TEXT NOT NULL,
    granularity TEXT NOT NULL,
    period TEXT NOT NULL,
    agent TEXT NOT NULL,
    requests INTEGER NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (file, granularity, period, agent)
);

-- Commons Impact Metrics: monthly page views of pages using a file, or a category's files.
CREATE TABLE reach_cim (
    kind TEXT NOT NULL,                    -- file | category
    key TEXT NOT NULL,
    wiki TEXT NOT NULL,                    -- all-wikis or a project
    month TEXT NOT NULL,                   -- YYYY-MM
    pageviews INTEGER NOT NULL,
    PRIMARY KEY (kind, key, wiki, month)
);

-- Each dump file aggregated: the evidence behind dump-derived figures.
CREATE TABLE reach_dump_runs (
    path TEXT NOT NULL,                    -- the published file name
    format TEXT NOT NULL,
    period TEXT NOT NULL,
    agent TEXT NOT NULL,
    engine TEXT NOT NULL,
    lines INTEGER NOT NULL,
    malformed INTEGER NOT NULL,
    matched INTEGER NOT NULL,
    finished_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (path)
);

-- Reports made, so the next one can say what usage is new since.
CREATE TABLE reach_reports (
    id INTEGER PRIMARY KEY,
    made_at TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    pages_in_use INTEGER NOT NULL
);

-- Events (edit-a-thons) and what each participant edit did.
CREATE TABLE reach_events (
    name TEXT PRIMARY KEY,
    data TEXT NOT NULL,                    -- JSON: participants, start, end, wikis
    collected_at TEXT
);
CREATE TABLE reach_event_edits (
    event TEXT NOT NULL,
    wiki TEXT NOT NULL,
    revid INTEGER NOT NULL,
    parentid INTEGER NOT NULL,
    "user" TEXT NOT NULL,
    title TEXT NOT NULL,
    ns INTEGER NOT NULL,
    timestamp TEXT NOT NULL,
    new_page INTEGER NOT NULL,
    size_diff INTEGER NOT NULL,
    refs_added INTEGER,
    PRIMARY KEY (event, wiki, revid)
);
CREATE TABLE reach_page_subjects (
    wiki TEXT NOT NULL,
    title TEXT NOT NULL,
    item TEXT,                             -- Wikidata item (pageprops wikibase_item), NULL if none
    human INTEGER,                         -- P31 = Q5
    gender TEXT,                           -- first P21 value (Q id)
    PRIMARY KEY (wiki, title)
);
