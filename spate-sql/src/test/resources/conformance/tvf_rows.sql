-- A window table function's rows on their own (no aggregate): the input's columns and the window's.

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

SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(click_time), INTERVAL '10' MINUTE));
