-- Tumbling window TVF aggregate with GROUPING SETS: per product and per customer, and each window's total.

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

SELECT window_start, window_end, product, customer, COUNT(*) AS orders, SUM(qty) AS units,
  COUNT(DISTINCT customer) AS customers, GROUPING_ID(product, customer) AS gid
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10' MINUTES))
GROUP BY window_start, window_end, GROUPING SETS ((product), (customer), ());
