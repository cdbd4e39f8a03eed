-- The stage dashboards of the web workspace as last drawn (glamwiki/web/dashboards.py): a report
-- section over 100,000 records takes seconds to minutes to compute (the rights section assesses
-- every record twice for Public Domain Day), so the page shows the one drawn for the store's current
-- data version and draws it again only when that version changed (a run, a decision) or it is older
-- than the web's time limit. body and headline are the section's HTML as the autoescaping templates
-- drew it (never catalogue text unescaped).
CREATE TABLE web_dashboards (
    stage TEXT PRIMARY KEY,                -- intake | rights | links | publishing | reach
    version TEXT NOT NULL,                 -- the store's data version it was drawn from
    section_id TEXT NOT NULL DEFAULT '',   -- the report section's id (its HTML id)
    title TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',         -- the section's blocks, drawn
    headline TEXT NOT NULL DEFAULT '',     -- its first figures block, drawn (the project page)
    absent INTEGER NOT NULL DEFAULT 0,     -- 1: nothing to show for this stage yet
    seconds REAL NOT NULL DEFAULT 0,       -- how long drawing it took
    computed_at TEXT NOT NULL              -- ISO-8601 UTC
);
