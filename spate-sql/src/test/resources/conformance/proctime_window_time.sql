-- A processing-time window table function's window_time, as Flink types it (no window fires before the input ends).

CREATE TABLE orders (
  order_id INT,
  customer STRING,
  product STRING,
  price DECIMAL(10, 2),
  qty INT,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/orders.csv',
  'format' = 'csv'
);
CREATE VIEW timed AS SELECT *, PROCTIME() AS seen FROM orders;

SELECT window_start, window_end, window_time, COUNT(*) AS orders_seen
FROM TABLE(TUMBLE(TABLE timed, DESCRIPTOR(seen), INTERVAL '1' DAY))
GROUP BY window_start, window_end, window_time;
