-- A model's evaluation report (bin/primer publish --report): per selector and budget, the
-- calibration and the top features, which the console plots. Absent until a data scientist
-- attaches one.
ALTER TABLE models ADD COLUMN evaluation jsonb;
