-- TIMESTAMP_LTZ with table.local-time-zone: conversions and casts shown in the session zone.

SET 'table.local-time-zone' = 'Asia/Shanghai';

SELECT epoch,
  TO_TIMESTAMP_LTZ(epoch, 3) AS ltz,
  CAST(TO_TIMESTAMP_LTZ(epoch, 3) AS TIMESTAMP(3)) AS local_ts,
  CAST(TO_TIMESTAMP_LTZ(epoch, 3) AS STRING) AS ltz_text,
  CAST(TIMESTAMP '2024-03-01 08:00:00' AS TIMESTAMP_LTZ(3)) AS from_local,
  EXTRACT(HOUR FROM CAST(TO_TIMESTAMP_LTZ(epoch, 3) AS TIMESTAMP(3))) AS local_hour,
  DATE_FORMAT(TO_TIMESTAMP_LTZ(epoch, 3), 'yyyy-MM-dd HH:mm:ss') AS formatted
FROM (VALUES (CAST(0 AS BIGINT)), (CAST(1709280000000 AS BIGINT)), (CAST(1709300000123 AS BIGINT))) AS t (epoch);
