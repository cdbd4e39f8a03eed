-- The web site of many projects (docs/adr/0015): kept in the store that holds the site's accounts
-- (the project's own store on the embedded default; the schema glamwiki_site on PostgreSQL; site.db
-- beside programme.toml). Failed logins with their times (the login limit shared by every worker
-- process), per-project roles, and which projects are private.
CREATE TABLE web_login_failures (
    id INTEGER PRIMARY KEY,
    who TEXT NOT NULL,          -- 'user:NAME' or 'addr:ADDRESS'
    failed_at TEXT NOT NULL     -- ISO-8601 UTC, microseconds (sorts as text)
);
CREATE INDEX web_login_failures_who ON web_login_failures(who, failed_at);

CREATE TABLE web_memberships (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    project TEXT NOT NULL,      -- the project's name in the site
    role TEXT NOT NULL,         -- resident | curator | viewer
    added_at TEXT NOT NULL,
    added_by TEXT NOT NULL DEFAULT '',
    UNIQUE (username, project)
);

CREATE TABLE web_projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    private INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL DEFAULT ''
);
