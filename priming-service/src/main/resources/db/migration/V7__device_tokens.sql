-- Devices an admin revoked (their tokens stop working; the agent wipes its store at next contact),
-- and the opaque device tokens the service issues at enrolment and renewal, kept only as hashes.
ALTER TABLE devices ADD COLUMN revoked_at timestamptz;

CREATE TABLE device_tokens (
  token_sha256  text PRIMARY KEY,
  device_id     text NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
  issued_at     timestamptz NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX device_tokens_device ON device_tokens (device_id);
