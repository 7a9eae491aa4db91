-- An entry list is stored once per manifest content (its content_hash), however many selections
-- and device generations list the same entries: every manifest computed on demand used to write the
-- same half megabyte twice, once in its selection and once in the device's generation, and the
-- second write was on the answer's path. Rows written before keep their own entries and still read.
CREATE TABLE entry_lists (
  content_hash  text PRIMARY KEY,
  entries       bytea NOT NULL,            -- EntriesCodec's stored form
  stored_at     timestamptz NOT NULL DEFAULT now()  -- last stored or reused; old unused lists go
);
ALTER TABLE entry_lists ALTER COLUMN entries SET STORAGE EXTERNAL;

ALTER TABLE selections ALTER COLUMN entries DROP NOT NULL;
ALTER TABLE manifest_generations ALTER COLUMN entries DROP NOT NULL;
CREATE INDEX selections_content_hash ON selections (content_hash);
CREATE INDEX manifest_generations_content_hash ON manifest_generations (content_hash);
