-- The priming-service schema. Org data (users, territories, accounts, records, interactions,
-- calendars) arrives through the import API; models through the registry.

CREATE TABLE users (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  email       text,
  timezone    text,
  home_lat    float8,
  home_lon    float8,
  team_id     text,
  role        text,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE territories (
  id          text PRIMARY KEY,
  name        text,
  feature     jsonb NOT NULL, -- the GeoJSON Feature as the admin sent it
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_territories (
  user_id       text NOT NULL,
  territory_id  text NOT NULL,
  PRIMARY KEY (user_id, territory_id)
);

CREATE TABLE accounts (
  id        text PRIMARY KEY,
  name      text NOT NULL,
  domain    text,
  address   text,
  lat       float8,
  lon       float8,
  owner_id  text
);
CREATE INDEX accounts_owner ON accounts (owner_id);

CREATE TABLE records (
  id           text PRIMARY KEY,
  account_id   text NOT NULL,
  type         text NOT NULL, -- the wire name as in records.jsonl
  title        text,
  size_bytes   int8 NOT NULL,
  version      int8 NOT NULL,
  updated_at   timestamptz NOT NULL,
  related_ids  text[] NOT NULL DEFAULT '{}',
  sha256       text,  -- of the content; null until content arrives
  content      bytea  -- inline when <= 64 KiB; else null and the blob store holds sha256
);
CREATE INDEX records_account ON records (account_id);
CREATE INDEX records_sha256 ON records (sha256) WHERE sha256 IS NOT NULL;

CREATE TABLE interactions (
  user_id    text NOT NULL,
  record_id  text NOT NULL,
  at         timestamptz NOT NULL,
  kind       text NOT NULL, -- view | edit | search-miss
  source     text NOT NULL DEFAULT 'import', -- or 'telemetry'
  PRIMARY KEY (user_id, record_id, at, kind)
);
CREATE INDEX interactions_at ON interactions (at);

CREATE TABLE calendars (
  user_id     text PRIMARY KEY,
  ics         text NOT NULL,
  sha256      text NOT NULL,
  problems    jsonb NOT NULL DEFAULT '[]',
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE models (
  id              text PRIMARY KEY,
  uploaded_at     timestamptz NOT NULL DEFAULT now(),
  bundle          bytea NOT NULL,
  feature_schema  text NOT NULL,
  provenance      jsonb NOT NULL,
  summary         jsonb NOT NULL,
  active          boolean NOT NULL DEFAULT false,
  activated_at    timestamptz
);
-- At most one active model.
CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active;

-- Org data changes: every committed import, calendar, territory or user-territory change takes
-- the next value of data_version and records it here, so a reader can tell whether anything
-- changed since it last looked (SELECT max(version) FROM data_changes).
CREATE SEQUENCE data_version;
CREATE TABLE data_changes (
  what        text PRIMARY KEY, -- users | accounts | records | interactions | calendars | territories | user-territories | content
  version     int8 NOT NULL,
  changed_at  timestamptz NOT NULL DEFAULT now()
);
