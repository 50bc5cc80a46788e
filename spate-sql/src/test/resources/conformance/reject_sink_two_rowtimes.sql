-- A sink takes one rowtime attribute: a window table function's rows have two (cast all but one to TIMESTAMP).

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

CREATE TABLE sink (
  user_name STRING,
  url STRING,
  click_time TIMESTAMP(3),
  window_start TIMESTAMP(3),
  window_end TIMESTAMP(3),
  window_time TIMESTAMP(3)
) WITH (
  'connector' = 'blackhole'
);

INSERT INTO sink SELECT * FROM windowed;
