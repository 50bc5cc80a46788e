-- A TUMBLE window aggregate over each sensor's last reading on event time: COUNT, SUM, AVG, MIN and MAX take back the readings a later one replaces before their window fires, and a window whose readings were all replaced has no result.

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

SELECT window_start, window_end, COUNT(*) AS sensors, SUM(reading) AS total, AVG(reading) AS average, MIN(reading) AS lowest, MAX(reading) AS highest
FROM TABLE(TUMBLE(TABLE latest, DESCRIPTOR(ts), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end;
