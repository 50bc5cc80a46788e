-- A legacy group window over a TIMESTAMP_LTZ event time, in a session zone that is not UTC: the types and
-- values of its start, end and rowtime properties.

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

SELECT TUMBLE_START(ltz, INTERVAL '10' MINUTE) AS w_start, TUMBLE_END(ltz, INTERVAL '10' MINUTE) AS w_end,
  TUMBLE_ROWTIME(ltz, INTERVAL '10' MINUTE) AS w_rowtime, COUNT(*) AS orders_seen
FROM orders
GROUP BY TUMBLE(ltz, INTERVAL '10' MINUTE);
