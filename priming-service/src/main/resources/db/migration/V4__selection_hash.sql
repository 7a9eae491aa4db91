-- A selection's manifest content hash is computed once when it is built, not on each request.
-- Selections are a cache of what the model chose: the ones stored before this version (without a
-- hash) are dropped and computed again when asked for.
DELETE FROM selections;
ALTER TABLE selections ADD COLUMN content_hash text NOT NULL;
-- Entry lists are gzip already: PostgreSQL's own compression would only spend time on them.
ALTER TABLE selections ALTER COLUMN entries SET STORAGE EXTERNAL;
ALTER TABLE manifest_generations ALTER COLUMN entries SET STORAGE EXTERNAL;
