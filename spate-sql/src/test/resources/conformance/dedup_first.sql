-- Deduplication on event time: each customer's first order.

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

SELECT order_id, customer, product, order_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY order_time ASC) AS row_num
  FROM orders
)
WHERE row_num = 1;
