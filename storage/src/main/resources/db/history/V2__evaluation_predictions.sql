-- Where an evaluation's predictions table (key, label, score, slice columns) was written, so two models
-- scored on the same examples can be compared pair by pair. Null for evaluations recorded without one.
ALTER TABLE evaluations ADD COLUMN predictions_uri VARCHAR(4000);
