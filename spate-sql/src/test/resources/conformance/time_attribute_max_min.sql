-- The MAX and MIN of a rowtime attribute in a GROUP BY (and its group key, when it is one): Flink's result schema marks them *ROWTIME*, though they are no time attribute for what follows.

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


SELECT product, MAX(order_time) AS last_time, MIN(order_time) AS first_time
FROM orders
GROUP BY product
HAVING MAX(order_time) > TIMESTAMP '2024-01-01 00:00:00';
