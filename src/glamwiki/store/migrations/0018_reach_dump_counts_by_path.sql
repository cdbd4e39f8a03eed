-- reach_dump_counts: a file's rows are written together and replaced together (by path), and read
-- in full scans; their key (path, wiki, title) was unique by construction (one row per target of an
-- aggregation). The primary key on three text columns made every row an insert in a wide B-tree,
-- about half the time of loading a day of dumps into the store; an index on path alone (rows appended
-- in order) keeps the replace fast and halves the write.
CREATE TABLE reach_dump_counts_by_path (
    path TEXT NOT NULL,                    -- the published file name
    kind TEXT NOT NULL,                    -- pageviews | mediacounts
    wiki TEXT NOT NULL,                    -- project (commons.wikimedia for mediacounts)
    title TEXT NOT NULL,                   -- page title, or the file name for mediacounts
    granularity TEXT NOT NULL,             -- monthly | daily | hourly
    period TEXT NOT NULL,                  -- YYYY-MM | YYYY-MM-DD | YYYY-MM-DDTHH (hour that STARTS then)
    agent TEXT NOT NULL,                   -- user | automated | spider | all (mediacounts: every agent)
    count INTEGER NOT NULL
);
INSERT INTO reach_dump_counts_by_path(path, kind, wiki, title, granularity, period, agent, count)
    SELECT path, kind, wiki, title, granularity, period, agent, count FROM reach_dump_counts;
DROP TABLE reach_dump_counts;
ALTER TABLE reach_dump_counts_by_path RENAME TO reach_dump_counts;
CREATE INDEX reach_dump_counts_path ON reach_dump_counts(path);
