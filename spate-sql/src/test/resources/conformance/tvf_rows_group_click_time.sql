-- A legacy group window over a window table function's rows, on the input's rowtime, which stays a time attribute.

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

SELECT user_name,
  HOP_START(click_time, INTERVAL '10' MINUTE, INTERVAL '20' MINUTE) AS w_start,
  COUNT(*) AS clicks,
  COUNT(DISTINCT window_start) AS tumbles
FROM windowed
GROUP BY user_name, HOP(click_time, INTERVAL '10' MINUTE, INTERVAL '20' MINUTE);
