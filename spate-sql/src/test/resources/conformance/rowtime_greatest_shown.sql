-- GREATEST and LEAST over a rowtime attribute: whether Flink's result schema marks them *ROWTIME*.

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

SELECT order_id, GREATEST(order_time, TIMESTAMP '2024-03-01 10:05:00') AS g,
  LEAST(order_time, TIMESTAMP '2024-03-01 10:05:00') AS l
FROM orders;
