-- A HOP window aggregate per sensor over each sensor's last reading on event time: the windows that share a slice all lose a replaced reading.

CREATE TABLE readings (
  sensor STRING,
  reading INT,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/readings.csv',
  'format' = 'csv'
);
CREATE VIEW latest AS
SELECT sensor, reading, ts FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY sensor ORDER BY ts DESC) AS row_num FROM readings)
WHERE row_num = 1;

SELECT window_start, window_end, sensor, COUNT(*) AS readings, SUM(reading) AS total, MIN(reading) AS lowest, MAX(reading) AS highest
FROM TABLE(HOP(TABLE latest, DESCRIPTOR(ts), INTERVAL '10' MINUTE, INTERVAL '20' MINUTE))
GROUP BY window_start, window_end, sensor;
