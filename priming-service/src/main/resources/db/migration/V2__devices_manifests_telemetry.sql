-- Devices, their manifest generations, selections computed ahead (nightly precompute) or on demand,
-- precompute progress, and device telemetry. Entry lists are stored as gzip-compressed JSON arrays:
-- they are read and written whole, never queried inside.

CREATE TABLE devices (
  id           text PRIMARY KEY,
  user_id      text NOT NULL,
  name         text NOT NULL,
  platform     text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_budget  int8  -- the budget of the last manifest request; the precompute builds for it
);
CREATE INDEX devices_user ON devices (user_id);

-- One row per distinct manifest content a device was given; the newest is the device's current one.
CREATE TABLE manifest_generations (
  device_id     text NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  generation    int8 NOT NULL,
  content_hash  text NOT NULL,
  day           date NOT NULL,
  model_id      text NOT NULL, -- '' when a fallback baseline selected
  selector      text NOT NULL,
  note          text NOT NULL,
  budget        int8 NOT NULL,
  bytes         int8 NOT NULL,
  built_at      timestamptz NOT NULL,
  entries       bytea NOT NULL, -- gzip(JSON array of entries), in download priority
  not_fitted    text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (device_id, generation)
);

-- A user's selection for a day and budget. Valid while model_id and data_version are current.
CREATE TABLE selections (
  user_id            text NOT NULL,
  day                date NOT NULL,
  budget             int8 NOT NULL,
  model_id           text NOT NULL,
  data_version       text NOT NULL,
  selector           text NOT NULL,
  note               text NOT NULL,
  bytes              int8 NOT NULL,
  entries            bytea NOT NULL, -- gzip(JSON array of entries)
  not_fitted         text[] NOT NULL DEFAULT '{}',
  expected_accesses  float8, -- sum of scores over all candidates; null for baselines
  built_at           timestamptz NOT NULL,
  build_ms           int8 NOT NULL,
  PRIMARY KEY (user_id, day, budget)
);

CREATE TABLE precompute_runs (
  id            bigserial PRIMARY KEY,
  trigger       text NOT NULL, -- schedule | admin | resume
  started_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);

-- One row per user of a run; done_at is null until the user's selections are stored, so a restart
-- resumes with exactly the users that are left.
CREATE TABLE precompute_progress (
  run_id    int8 NOT NULL REFERENCES precompute_runs (id) ON DELETE CASCADE,
  user_id   text NOT NULL,
  done_at   timestamptz,
  build_ms  int8,
  error     text,
  PRIMARY KEY (run_id, user_id)
);

CREATE TABLE telemetry_events (
  event_id     text PRIMARY KEY,
  seq          bigserial UNIQUE,
  device_id    text NOT NULL,
  user_id      text NOT NULL,
  record_id    text NOT NULL,
  at           timestamptz NOT NULL,
  kind         text NOT NULL, -- hit | miss
  query        text,
  received_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX telemetry_events_device ON telemetry_events (device_id);
