-- OVER windows ordered by the input's rowtime and by window_time, over a window table function's rows.

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

SELECT user_name, click_time, window_time,
  COUNT(*) OVER (PARTITION BY user_name ORDER BY click_time ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS recent
FROM windowed;
