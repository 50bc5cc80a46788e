-- OVER with RANGE: per product, the units sold in the 30 minutes up to each order.

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

SELECT order_id, product, order_time,
  SUM(qty) OVER w AS units_30m,
  MIN(price) OVER w AS min_price_30m,
  MAX(price) OVER w AS max_price_30m
FROM orders
WINDOW w AS (PARTITION BY product ORDER BY order_time RANGE BETWEEN INTERVAL '30' MINUTE PRECEDING AND CURRENT ROW);
