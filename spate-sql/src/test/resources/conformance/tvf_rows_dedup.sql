-- Keeping each user's first click of a window table function's rows, by the input's rowtime: both time attributes stay.

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

SELECT user_name, url, click_time, window_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_name ORDER BY click_time) AS rn
  FROM windowed
)
WHERE rn = 1;
