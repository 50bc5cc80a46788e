-- An OVER window on the input's rowtime after SESSION on its own, which holds each user's rows until the session closes.

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

CREATE VIEW sessions AS
SELECT * FROM TABLE(SESSION(TABLE clicks PARTITION BY user_name, DESCRIPTOR(click_time), INTERVAL '5' MINUTE));

SELECT user_name, click_time, window_end,
  COUNT(*) OVER (PARTITION BY user_name ORDER BY click_time ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS recent
FROM sessions;
