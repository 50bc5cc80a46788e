-- An OVER window ordered by window_time over a window table function's rows: rows of one window are peers.

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

SELECT user_name, window_time,
  COUNT(*) OVER (PARTITION BY user_name ORDER BY window_time RANGE BETWEEN INTERVAL '5' MINUTE PRECEDING AND CURRENT ROW) AS in_range
FROM windowed;
