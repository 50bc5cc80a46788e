-- An event-time temporal join whose probe side is a window table function's rows, at the input's rowtime.

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

CREATE VIEW last_page AS
SELECT user_name, url, click_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY user_name ORDER BY click_time DESC) AS rn
  FROM clicks
)
WHERE rn = 1;

SELECT w.user_name, w.url, w.window_time, p.url AS page_then
FROM windowed w
JOIN last_page FOR SYSTEM_TIME AS OF w.click_time AS p
ON w.user_name = p.user_name;
