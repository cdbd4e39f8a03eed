-- Wikidata items (issue 10): what was searched before an item is proposed, the problems found
-- preparing it, the creation journal (status sending before the API call), and items for works.
ALTER TABLE wikidata_new_items ADD COLUMN search TEXT NOT NULL DEFAULT '';    -- JSON: queries asked, hits
ALTER TABLE wikidata_new_items ADD COLUMN problems TEXT NOT NULL DEFAULT '';  -- JSON list of strings
-- status: prepared | sending | created | withdrawn (linked or queued meanwhile) | failed

CREATE TABLE wikidata_work_items (
    dataset TEXT NOT NULL,
    record_id TEXT NOT NULL,
    label TEXT NOT NULL,
    entity TEXT NOT NULL,                    -- JSON for wbeditentity (new=item)
    quickstatements TEXT NOT NULL,
    search TEXT NOT NULL DEFAULT '',         -- JSON: queries asked, hits
    problems TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'prepared', -- prepared | held | sending | created | linked | failed
    qid TEXT NOT NULL DEFAULT '',
    prepared_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TEXT,
    PRIMARY KEY (dataset, record_id)
);
