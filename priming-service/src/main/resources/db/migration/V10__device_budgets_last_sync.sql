-- Device budgets admins set per role and per rep (a rep's own overrides their role's): a ceiling on
-- what their devices are served, whatever the device asks. And when each device last asked for its
-- manifest (the start of every sync), and telemetry by user and time for the hit rate over time.
CREATE TABLE device_budgets (
  scope       text NOT NULL CHECK (scope IN ('role', 'user')),
  subject     text NOT NULL, -- a role's wire name or a user id
  bytes       int8 NOT NULL CHECK (bytes > 0),
  set_by      text NOT NULL,
  set_at      timestamptz NOT NULL,
  PRIMARY KEY (scope, subject)
);

ALTER TABLE devices ADD COLUMN last_sync_at timestamptz;

CREATE INDEX telemetry_events_user_at ON telemetry_events (user_id, at);
