-- A window table function over a view's rowtime plus an interval: whether that column is an event time a
-- window can use.

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
CREATE VIEW later AS SELECT order_id, order_time + INTERVAL '1' SECOND AS later_time FROM orders;

SELECT window_start, window_end, COUNT(*) AS orders_seen
FROM TABLE(TUMBLE(TABLE later, DESCRIPTOR(later_time), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end;
