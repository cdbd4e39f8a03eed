-- Jobs (docs/adr/0008): long work with progress any process can read, cancellable, and the rows a
-- job has claimed so that two workers never take the same one.
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                    -- ingest | rights | link | publish | reach-collect | reach-dumps ...
    params TEXT NOT NULL DEFAULT '{}',     -- JSON: what to do (no credentials)
    status TEXT NOT NULL DEFAULT 'queued', -- queued | running | done | failed | cancelled
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,                         -- NULL: not known
    message TEXT NOT NULL DEFAULT '',
    worker TEXT NOT NULL DEFAULT '',       -- host:pid of the process running it
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    started_at TEXT,
    heartbeat_at TEXT,
    finished_at TEXT
);
CREATE INDEX jobs_status ON jobs(status, id);

CREATE TABLE job_claims (
    scope TEXT NOT NULL,                   -- what is claimed for: a publishing target's API URL
    item_id INTEGER NOT NULL,              -- publish_plan.item_id
    job_id INTEGER NOT NULL,
    claimed_at TEXT NOT NULL,
    PRIMARY KEY (scope, item_id)
);
CREATE INDEX job_claims_job ON job_claims(job_id);
