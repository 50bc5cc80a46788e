-- A json file source with arrays, NULLs and a nested JSON string.

CREATE TABLE devices (
  device STRING,
  reading DOUBLE,
  tags ARRAY<STRING>,
  ts TIMESTAMP(3),
  meta STRING,
  WATERMARK FOR ts AS ts
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/devices.json',
  'format' = 'json'
);

SELECT device,
  COUNT(*) AS readings,
  MAX(reading) AS max_reading,
  MAX(CARDINALITY(tags)) AS max_tags,
  MIN(JSON_VALUE(meta, '$.battery' RETURNING INT)) AS min_battery,
  MAX(JSON_QUERY(meta, '$.alerts' WITH WRAPPER)) AS alerts
FROM devices
GROUP BY device;
