-- Offline edits (ADR 0009): structured record fields with per-field versions, the merge policy
-- table, receipts (exactly one per device operation), devices' queue figures, the review queue.

-- Field changes raise fields_revision; the version devices see is version + fields_revision, so
-- the back office's own version numbers stay its own.
ALTER TABLE records ADD COLUMN fields_revision int8 NOT NULL DEFAULT 0;
ALTER TABLE records ADD COLUMN deleted_at timestamptz;
-- For a record a device created: the operation that did (a retried create is not a second one).
ALTER TABLE records ADD COLUMN created_by_op text;

CREATE TABLE record_fields (
  record_id   text NOT NULL REFERENCES records (id) ON DELETE CASCADE,
  field       text NOT NULL,
  value       text NOT NULL,
  version     int8 NOT NULL,
  changed_at  timestamptz NOT NULL, -- the effective edit time (device) or the import's time
  source      text NOT NULL,        -- import | device | review
  device_id   text,                 -- for source device: who, and which operation
  seq         int8,
  op_id       text,
  PRIMARY KEY (record_id, field)
);

CREATE TABLE field_policies (
  record_type text NOT NULL, -- a record type's wire name, or *
  field       text NOT NULL, -- or *
  writable    boolean NOT NULL,
  policy      text NOT NULL,
  PRIMARY KEY (record_type, field)
);
INSERT INTO field_policies (record_type, field, writable, policy) VALUES
  ('*', '*', true, 'review'),
  ('contact', 'name', true, 'last-write'),
  ('contact', 'phone', true, 'last-write'),
  ('contact', 'email', true, 'last-write'),
  ('contact', 'role', true, 'last-write'),
  ('contact', 'notes', true, 'field-rep-wins'),
  ('account-profile', 'address', true, 'back-office-wins'),
  ('account-profile', 'access-notes', true, 'field-rep-wins'),
  ('account-profile', 'tags', true, 'set-union'),
  ('service-history', 'status', true, 'review'),
  ('service-history', 'notes', true, 'field-rep-wins'),
  ('service-history', 'hours', true, 'numeric-delta'),
  ('parts-inventory', 'quantity', true, 'numeric-delta'),
  ('parts-inventory', 'bin', true, 'last-write'),
  ('price-list', '*', false, 'review'),
  ('quote-template', '*', false, 'review'),
  ('schematic', '*', false, 'review');

CREATE TABLE edit_receipts (
  device_id   text NOT NULL,
  op_id       text NOT NULL,
  seq         int8 NOT NULL,
  record_id   text NOT NULL,
  outcome     text NOT NULL,
  receipt     text NOT NULL, -- the EditReceipt as sent, JSON
  operation   text NOT NULL, -- the operation as received, JSON (the rep's note included)
  decided_at  timestamptz NOT NULL,
  PRIMARY KEY (device_id, op_id)
);
CREATE INDEX edit_receipts_seq ON edit_receipts (device_id, seq);
CREATE INDEX edit_receipts_outcome ON edit_receipts (outcome);

CREATE TABLE edit_marks (
  device_id              text PRIMARY KEY,
  high_water             int8 NOT NULL,
  pending                int8 NOT NULL,
  oldest_pending_seconds int8 NOT NULL,
  reported_at            timestamptz NOT NULL
);

-- Per record type and field: operations that wrote it, and how many met a change by someone
-- else (the conflict rate no field CRM publishes).
CREATE TABLE edit_field_stats (
  record_type text NOT NULL,
  field       text NOT NULL,
  operations  int8 NOT NULL,
  conflicts   int8 NOT NULL,
  PRIMARY KEY (record_type, field)
);

CREATE TABLE conflicts (
  id             bigserial PRIMARY KEY,
  op_id          text NOT NULL,
  device_id      text NOT NULL,
  user_id        text NOT NULL,
  record_id      text NOT NULL,
  record_type    text NOT NULL,
  field          text NOT NULL,
  base           text NOT NULL,
  mine           text NOT NULL,
  theirs         text NOT NULL,
  reason         text NOT NULL,
  created_at     timestamptz NOT NULL,
  state          text NOT NULL DEFAULT 'open',
  resolution     text NOT NULL DEFAULT '',
  resolved_value text NOT NULL DEFAULT '',
  resolved_at    timestamptz,
  resolved_by    text NOT NULL DEFAULT ''
);
CREATE INDEX conflicts_state ON conflicts (state, created_at);
CREATE INDEX conflicts_op ON conflicts (device_id, op_id);
