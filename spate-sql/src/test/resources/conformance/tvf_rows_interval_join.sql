-- An interval join on the input's rowtime of a window table function's rows: the result keeps all three rowtime attributes.

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

SELECT w.user_name, w.click_time, w.window_time, c.click_time AS next_click
FROM windowed w, clicks c
WHERE w.user_name = c.user_name
  AND c.click_time BETWEEN w.click_time AND w.click_time + INTERVAL '2' MINUTE;
