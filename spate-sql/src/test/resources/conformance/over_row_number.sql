-- ROW_NUMBER() OVER without a filter on it: no Top-N, an OVER aggregate numbering each user's clicks in time.

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

SELECT user_name, click_time, ROW_NUMBER() OVER (PARTITION BY user_name ORDER BY click_time) AS rn FROM clicks;
