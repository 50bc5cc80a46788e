-- A second window table function over the first one's rows, on the input's rowtime: its rows have three rowtime attributes.

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

CREATE VIEW tenths AS
SELECT user_name, url, click_time, window_start AS ten_start, window_end AS ten_end, window_time AS ten_time
FROM windowed;

SELECT * FROM TABLE(TUMBLE(TABLE tenths, DESCRIPTOR(click_time), INTERVAL '20' MINUTE));
