-- A legacy group window on processing time: the types of its start, end and proctime properties (no window
-- fires before the input ends).

CREATE TABLE orders (
  order_id INT,
  customer STRING,
  product STRING,
  price DECIMAL(10, 2),
  qty INT,
  order_time TIMESTAMP(3),
  seen AS PROCTIME()
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/orders.csv',
  'format' = 'csv'
);

SELECT TUMBLE_START(seen, INTERVAL '1' DAY) AS day_start, TUMBLE_END(seen, INTERVAL '1' DAY) AS day_end,
  TUMBLE_PROCTIME(seen, INTERVAL '1' DAY) AS day_time, COUNT(*) AS orders_seen
FROM orders
GROUP BY TUMBLE(seen, INTERVAL '1' DAY);
