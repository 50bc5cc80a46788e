-- A legacy group window over a window table function's rows, on window_time.

CREATE TABLE clicks (
  user_name STRING,
  url STRING,
  click_time TIMESTAMP(3),
  WATERMARK FOR click_time AS click_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/clicks.csv',
  'format' = 'csv'
);

CREATE VIEW windowed AS
SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(click_time), INTERVAL '10' MINUTE));

SELECT TUMBLE_START(window_time, INTERVAL '20' MINUTE) AS w_start,
  TUMBLE_END(window_time, INTERVAL '20' MINUTE) AS w_end,
  TUMBLE_ROWTIME(window_time, INTERVAL '20' MINUTE) AS w_rowtime,
  COUNT(*) AS clicks,
  COUNT(DISTINCT window_start) AS tumbles
FROM windowed
GROUP BY TUMBLE(window_time, INTERVAL '20' MINUTE);
