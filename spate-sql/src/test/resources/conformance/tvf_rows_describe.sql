-- The schema of a view of a window table function's rows: the input's rowtime and window_time are both time attributes.

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

DESCRIBE windowed;
