-- The order in which models were activated: rollback pops the newest activation and returns to
-- the model before it, so repeated rollbacks walk back through history.
CREATE TABLE model_activations (
  seq        bigserial PRIMARY KEY,
  model_id   text NOT NULL REFERENCES models (id),
  at         timestamptz NOT NULL DEFAULT now()
);
