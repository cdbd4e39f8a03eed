-- Books: dated snapshots of each Wikisource Index's proofreading progress (ProofreadPage quality
-- levels 0-4 and pages not yet created), one per index and day; campaign groups indexes.

CREATE TABLE book_progress (
    wiki TEXT NOT NULL,                    -- API URL of the Wikisource
    index_title TEXT NOT NULL,             -- e.g. Index:Yr ardd (1864).djvu
    day TEXT NOT NULL,                     -- YYYY-MM-DD (UTC) of the snapshot
    campaign TEXT NOT NULL DEFAULT '',     -- project or campaign the index is counted in
    pages INTEGER NOT NULL,                -- pages of the file (the index's pagination)
    not_created INTEGER NOT NULL,
    q0 INTEGER NOT NULL,                   -- without text
    q1 INTEGER NOT NULL,                   -- not proofread
    q2 INTEGER NOT NULL,                   -- problematic
    q3 INTEGER NOT NULL,                   -- proofread
    q4 INTEGER NOT NULL,                   -- validated
    taken_at TEXT NOT NULL,
    PRIMARY KEY (wiki, index_title, day)
);
CREATE INDEX book_progress_campaign ON book_progress(campaign, day);
