-- The Wikimedia identity of each web account (docs/adr/0014-wikimedia-login.md).
-- web_wikimedia_users: the Wikimedia user name an admin linked to a local account, so that "Log in
-- with Wikimedia" as that user opens that account (one name, one account).
CREATE TABLE web_wikimedia_users (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL UNIQUE,          -- web_accounts.username
    wiki_user TEXT NOT NULL UNIQUE,        -- the Wikimedia user name (spaces, first letter upper case)
    linked_by TEXT NOT NULL DEFAULT '',
    linked_at TEXT NOT NULL
);
-- web_credentials: what an account publishes with, per wiki host: an OAuth 2 access and refresh token
-- (kind oauth2) or a BotPassword (kind botpassword), ONLY as a Fernet token (sealed, encrypted with
-- the site's key file web-identity.key); never in clear.
CREATE TABLE web_credentials (
    id INTEGER PRIMARY KEY,
    account TEXT NOT NULL,
    site TEXT NOT NULL,                    -- host[:port] of the wiki (OAuth 2: the provider's)
    kind TEXT NOT NULL,                    -- oauth2 | botpassword
    wiki_user TEXT NOT NULL,               -- whose identity it is (BotPassword: User@bot)
    sealed TEXT NOT NULL,                  -- Fernet token of the JSON secret
    expires_at TEXT NOT NULL DEFAULT '',   -- ISO-8601 UTC, the access token's end ('' none)
    connected_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (account, site)
);
