-- A deduplication keeping each product's last row on event time, its rowtime shown: Flink marks it *ROWTIME*.

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


SELECT *
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY order_time DESC) AS row_num
  FROM orders
)
WHERE row_num = 1;
