-- Each event participant's account, for the funder reports' new and retained editors (Wikimedia
-- Event Metrics' definitions, https://phabricator.wikimedia.org/T217449): when the account was
-- registered on the event's wiki, and whether it edited again 7 days or more after the event.
CREATE TABLE reach_event_participants (
    event TEXT NOT NULL,
    username TEXT NOT NULL,
    registered TEXT,                       -- ISO 8601 UTC; NULL: the wiki does not say (before late 2005)
    edited_after INTEGER,                  -- 1 | 0; NULL: not yet 7 days after the event when checked
    checked_at TEXT NOT NULL,
    PRIMARY KEY (event, username)
);
