-- Session window TVF partitioned by user: sessions end after 5 minutes without a click.

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

SELECT user_name, window_start, window_end, COUNT(*) AS clicks
FROM TABLE(SESSION(TABLE clicks PARTITION BY user_name, DESCRIPTOR(click_time), INTERVAL '5' MINUTES))
GROUP BY user_name, window_start, window_end;
