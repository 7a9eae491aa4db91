-- Territory models: drafts an admin edits and previews before activating them, the model
-- activated last, and the live territories as they were before each activation (archived, to be
-- restored). The live tables (territories, user_territories) stay what the precompute reads.
CREATE TABLE territory_models (
  id            text PRIMARY KEY,
  state         text NOT NULL CHECK (state IN ('draft', 'active', 'archived')),
  note          text NOT NULL DEFAULT '',
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  activated_at  timestamptz
);

CREATE TABLE territory_model_territories (
  model_id  text NOT NULL REFERENCES territory_models (id) ON DELETE CASCADE,
  id        text NOT NULL,
  name      text,
  feature   jsonb NOT NULL,
  PRIMARY KEY (model_id, id)
);

CREATE TABLE territory_model_assignments (
  model_id      text NOT NULL REFERENCES territory_models (id) ON DELETE CASCADE,
  user_id       text NOT NULL,
  territory_id  text NOT NULL,
  PRIMARY KEY (model_id, user_id, territory_id)
);
