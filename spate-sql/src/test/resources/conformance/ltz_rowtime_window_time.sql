-- A window table function over a TIMESTAMP_LTZ event time, in a session zone that is not UTC: the types
-- and values of its window columns.

SET 'table.local-time-zone' = 'America/New_York';

CREATE TABLE orders (
  order_id INT,
  customer STRING,
  product STRING,
  price DECIMAL(10, 2),
  qty INT,
  order_time TIMESTAMP(3),
  ltz AS CAST(order_time AS TIMESTAMP_LTZ(3)),
  WATERMARK FOR ltz AS ltz - INTERVAL '5' SECOND
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/orders.csv',
  'format' = 'csv'
);

SELECT window_start, window_end, window_time, COUNT(*) AS orders_seen
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ltz), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end, window_time;
