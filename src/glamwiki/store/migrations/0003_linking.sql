-- Linking: machine answers per person and authority (replaced by each run), people's decisions
-- (never touched by a run), Wikidata facts as fetched or recorded, and the journal of new items.
CREATE TABLE link_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    dataset TEXT NOT NULL,
    authority TEXT NOT NULL,           -- "wikidata" or the authority file's name
    options TEXT NOT NULL,             -- JSON: identifiers used, thresholds
    model TEXT NOT NULL,               -- JSON: lambda, m and u per feature level
    counts TEXT NOT NULL               -- JSON: match, review, none
);

CREATE TABLE link_matches (
    dataset TEXT NOT NULL,
    person_id TEXT NOT NULL,
    authority TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES link_runs(id),
    authority_id TEXT NOT NULL DEFAULT '',   -- best candidate ('' when there is none)
    qid TEXT NOT NULL DEFAULT '',
    probability REAL NOT NULL,
    decision TEXT NOT NULL,                  -- match | review | none
    evidence TEXT NOT NULL,                  -- JSON: both sides and the features, best candidates
    PRIMARY KEY (dataset, person_id, authority)
);
CREATE INDEX link_matches_decision ON link_matches(decision);

CREATE TABLE link_decisions (
    dataset TEXT NOT NULL,
    person_id TEXT NOT NULL,
    authority TEXT NOT NULL,
    verdict TEXT NOT NULL,                   -- accept (authority_id is the person) | reject (no candidate is)
    authority_id TEXT NOT NULL DEFAULT '',
    qid TEXT NOT NULL DEFAULT '',
    decided_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (dataset, person_id, authority)
);

CREATE TABLE wikidata_entities (
    qid TEXT PRIMARY KEY,
    facts TEXT NOT NULL,                     -- JSON: glamwiki.linking.wikidata.entities.EntityFacts
    source TEXT NOT NULL,                    -- the recorded file or "api"
    fetched_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE wikidata_new_items (
    dataset TEXT NOT NULL,
    person_id TEXT NOT NULL,
    label TEXT NOT NULL,
    entity TEXT NOT NULL,                    -- JSON for wbeditentity (new=item)
    quickstatements TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'prepared', -- prepared | sent | created | failed
    qid TEXT NOT NULL DEFAULT '',
    prepared_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT,
    PRIMARY KEY (dataset, person_id)
);
