-- Legacy group windows: TUMBLE_ROWTIME of a NOT NULL time column, and a second group window over it.

CREATE TABLE clicks (
  user_name STRING,
  url STRING,
  click_time TIMESTAMP(3) NOT NULL,
  WATERMARK FOR click_time AS click_time - INTERVAL '1' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/clicks.csv',
  'format' = 'csv'
);

SELECT TUMBLE_START(w_rowtime, INTERVAL '10' MINUTE) AS w_start,
  TUMBLE_ROWTIME(w_rowtime, INTERVAL '10' MINUTE) AS w_rowtime,
  SUM(pages) AS pages,
  COUNT(*) AS user_windows
FROM (
  SELECT user_name, TUMBLE_ROWTIME(click_time, INTERVAL '5' MINUTE) AS w_rowtime, COUNT(url) AS pages
  FROM clicks
  GROUP BY user_name, TUMBLE(click_time, INTERVAL '5' MINUTE)
)
GROUP BY TUMBLE(w_rowtime, INTERVAL '10' MINUTE);
