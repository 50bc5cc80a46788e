-- Legacy group window: GROUP BY SESSION with SESSION_START, SESSION_END and SESSION_ROWTIME.

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

SELECT user_name,
  SESSION_START(click_time, INTERVAL '5' MINUTE) AS s_start,
  SESSION_END(click_time, INTERVAL '5' MINUTE) AS s_end,
  SESSION_ROWTIME(click_time, INTERVAL '5' MINUTE) AS s_rowtime,
  COUNT(url) AS pages
FROM clicks
GROUP BY user_name, SESSION(click_time, INTERVAL '5' MINUTE);
