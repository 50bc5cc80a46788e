-- Casting one of a window table function's two rowtime attributes to TIMESTAMP(3) makes it a plain timestamp.

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

SELECT user_name, CAST(click_time AS TIMESTAMP(3)) AS clicked, window_time
FROM windowed;
