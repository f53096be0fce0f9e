-- The metrics of each run's best epoch: the epoch whose checkpoint is the exported model. The runs table, its
-- sort and every headline number read these, not the last epoch's values (final_metrics).

CREATE TABLE best_metrics (
    run_id     VARCHAR(40) NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    metric_key VARCHAR(200) NOT NULL,
    epoch      INT NOT NULL,
    metric_val DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, metric_key)
);
CREATE INDEX best_metrics_by_value ON best_metrics (metric_key, metric_val);

-- Runs recorded before this table chose their best epoch by the highest validation AUC (the first of equals),
-- and exported that epoch's model: carry that choice over.
INSERT INTO best_metrics (run_id, metric_key, epoch, metric_val)
SELECT p.run_id, p.metric_key, b.epoch, p.metric_val
FROM metric_points p
JOIN (SELECT a.run_id, MIN(a.step) AS epoch
      FROM metric_points a
      WHERE a.metric_key = 'val_auc'
        AND a.metric_val = (SELECT MAX(m.metric_val) FROM metric_points m
                            WHERE m.run_id = a.run_id AND m.metric_key = 'val_auc')
      GROUP BY a.run_id) b
  ON p.run_id = b.run_id AND p.step = b.epoch;
