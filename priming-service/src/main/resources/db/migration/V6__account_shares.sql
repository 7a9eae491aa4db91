-- Explicit shares: user_id may read every record of account_id (the visibility rules in
-- priming-core's visibility.Visibility; owner, territory and team need no rows).
CREATE TABLE account_shares (
  account_id  text NOT NULL,
  user_id     text NOT NULL,
  shared_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, user_id)
);
CREATE INDEX account_shares_user ON account_shares (user_id);
