-- A Top-N that shows its rows' rowtime and rank: Flink's result schema marks the rowtime *ROWTIME*.

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
  SELECT order_id, product, order_time, ROW_NUMBER() OVER (PARTITION BY product ORDER BY qty DESC, order_id) AS rn
  FROM orders
)
WHERE rn <= 2;
