-- Quotes made on devices are priced again by the service from the exact price list, price book
-- and product rules versions the device used. Those records are replaced by newer versions, so
-- every version of their content is kept here, by a trigger, whichever import path writes it.
CREATE TABLE catalogue_versions (
  record_id  text NOT NULL,
  version    int8 NOT NULL, -- the version devices see: records.version + fields_revision
  type       text NOT NULL,
  account_id text NOT NULL, -- '' for the organisation's price books and rules
  sha256     text NOT NULL,
  content    bytea NOT NULL,
  stored_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, version)
);

CREATE FUNCTION keep_catalogue_version() RETURNS trigger AS $$
BEGIN
  IF NEW.content IS NOT NULL AND NEW.type IN ('price-list', 'price-book', 'product-rules') THEN
    INSERT INTO catalogue_versions (record_id, version, type, account_id, sha256, content)
    VALUES (NEW.id, NEW.version + NEW.fields_revision, NEW.type, NEW.account_id, NEW.sha256,
            NEW.content)
    ON CONFLICT (record_id, version) DO UPDATE
      SET sha256 = EXCLUDED.sha256, content = EXCLUDED.content, stored_at = now();
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER records_keep_catalogue_version
  AFTER INSERT OR UPDATE OF content, version, fields_revision ON records
  FOR EACH ROW EXECUTE FUNCTION keep_catalogue_version();

-- Content already stored before this migration.
INSERT INTO catalogue_versions (record_id, version, type, account_id, sha256, content)
SELECT id, version + fields_revision, type, account_id, sha256, content FROM records
WHERE content IS NOT NULL AND type IN ('price-list', 'price-book', 'product-rules')
ON CONFLICT DO NOTHING;

-- The service's own pricing of each quote a device sent, beside the device's (in the receipt's
-- operation): accepted when they agree, else the quote's total waits in the review queue.
CREATE TABLE quotes (
  record_id      text PRIMARY KEY,
  op_id          text NOT NULL,
  device_id      text NOT NULL,
  user_id        text NOT NULL,
  account_id     text NOT NULL,
  basis          jsonb NOT NULL,
  device_total   numeric NOT NULL,
  service_result jsonb, -- null when the service could not price it (a version it does not hold)
  agrees         boolean NOT NULL,
  reason         text NOT NULL,
  quoted_at      timestamptz NOT NULL,
  received_at    timestamptz NOT NULL
);
CREATE INDEX quotes_account ON quotes (account_id);
