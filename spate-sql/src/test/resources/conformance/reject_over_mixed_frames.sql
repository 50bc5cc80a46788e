-- Rejected: OVER aggregates of one SELECT over two different frames (Flink computes one frame per SELECT).

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

SELECT order_id, customer, qty,
  SUM(qty) OVER (PARTITION BY customer ORDER BY order_time ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_qty,
  SUM(qty) OVER (PARTITION BY customer ORDER BY order_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last3_qty,
  COUNT(*) OVER (PARTITION BY customer ORDER BY order_time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS last3_count
FROM orders;
