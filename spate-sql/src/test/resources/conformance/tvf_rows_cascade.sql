-- A window aggregate over the window_time of another window aggregate (a cascade) that reads a window table function.

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

CREATE VIEW per_user AS
SELECT user_name, window_start AS five_start, window_time AS five_time, COUNT(*) AS clicks
FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(click_time), INTERVAL '5' MINUTE))
GROUP BY user_name, window_start, window_end, window_time;

SELECT window_start, window_end, window_time, SUM(clicks) AS clicks, COUNT(*) AS user_windows
FROM TABLE(TUMBLE(TABLE per_user, DESCRIPTOR(five_time), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end, window_time;
