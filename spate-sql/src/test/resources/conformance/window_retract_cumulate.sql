-- A CUMULATE window aggregate over each sensor's last reading on event time, with COUNT(DISTINCT).

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

SELECT window_start, window_end, COUNT(DISTINCT sensor) AS sensors, COUNT(*) AS readings, MAX(reading) AS highest, MIN(reading) AS lowest
FROM TABLE(CUMULATE(TABLE latest, DESCRIPTOR(ts), INTERVAL '10' MINUTE, INTERVAL '30' MINUTE))
GROUP BY window_start, window_end;
