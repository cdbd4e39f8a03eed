-- Intake: records (objects and people), ingest runs, their errors and what each run changed.
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    finished_at TEXT,
    source TEXT NOT NULL,
    reader TEXT NOT NULL,
    profile TEXT,
    dataset TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'running',  -- running | done | interrupted | failed
    counts TEXT,                             -- JSON: added, changed, unchanged, errors...
    provenance TEXT                          -- JSON: record field -> column / path it was read from
);

CREATE TABLE records (
    uid INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    kind TEXT NOT NULL,             -- object | person
    local_id TEXT NOT NULL,         -- the institution's identifier (accession number, artist id)
    data BLOB NOT NULL,             -- the record as JSON (glamwiki.model)
    hash BLOB NOT NULL,             -- digest of data, for change detection on re-ingest
    first_run INTEGER NOT NULL REFERENCES ingest_runs(id),
    last_run INTEGER NOT NULL REFERENCES ingest_runs(id),
    UNIQUE (dataset, kind, local_id)
);
CREATE INDEX records_local_id ON records(local_id);

CREATE TABLE ingest_errors (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
    file TEXT NOT NULL,
    locator TEXT NOT NULL,          -- "row 12", "line 5", "record 3 (oai:...)"
    field TEXT NOT NULL,            -- the column / field / element concerned, or "" for the file
    severity TEXT NOT NULL,         -- error (record not read) | warning (read, value dropped)
    message TEXT NOT NULL,
    value TEXT
);
CREATE INDEX ingest_errors_run ON ingest_errors(run_id);

CREATE TABLE record_changes (
    run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
    uid INTEGER NOT NULL REFERENCES records(uid),
    change TEXT NOT NULL,           -- changed (added records are not listed one by one)
    fields TEXT NOT NULL            -- JSON list of the top-level fields that changed
);
CREATE INDEX record_changes_run ON record_changes(run_id);
