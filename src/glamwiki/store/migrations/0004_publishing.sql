-- Publishing: the planned batch (one row per record image), the state of each file on each
-- target wiki, and the journal of every step written before and after it happens.
CREATE TABLE publish_plan (
    item_id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    record_id TEXT NOT NULL,
    image_index INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,              -- planned | blocked (by rights) | unplannable
    source_kind TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    wikitext TEXT NOT NULL DEFAULT '',
    sdc TEXT NOT NULL DEFAULT '{}',    -- wbeditentity data (JSON)
    rights TEXT NOT NULL DEFAULT '',   -- the rights decision and its reasons, for the preview
    planned_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (dataset, record_id, image_index)
);
CREATE INDEX publish_plan_status ON publish_plan(status);

CREATE TABLE publish_state (
    target TEXT NOT NULL,              -- API URL of the wiki
    item_id INTEGER NOT NULL REFERENCES publish_plan(item_id) ON DELETE CASCADE,
    state TEXT NOT NULL,               -- see glamwiki.publishing.journal
    sha1 TEXT,
    size INTEGER,
    mime TEXT,
    local_path TEXT,
    title TEXT,                        -- the title actually used
    filekey TEXT,
    "offset" INTEGER NOT NULL DEFAULT 0,
    page_id INTEGER,
    revision INTEGER,
    duplicate_of TEXT,
    message TEXT,
    batch TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (target, item_id)
);
CREATE INDEX publish_state_sha1 ON publish_state(target, sha1);

CREATE TABLE publish_journal (
    seq INTEGER PRIMARY KEY,
    target TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    batch TEXT NOT NULL,
    step TEXT NOT NULL,                -- fetch | preflight | chunk | commit | sdc | ...
    phase TEXT NOT NULL,               -- before | after | error
    data TEXT NOT NULL DEFAULT '{}',
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX publish_journal_item ON publish_journal(target, item_id);
