-- The MAX of the rowtime over an OVER window: Flink's result schema marks it *ROWTIME*.

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


SELECT order_id, MAX(order_time) OVER (PARTITION BY product ORDER BY order_time) AS latest_so_far
FROM orders;
