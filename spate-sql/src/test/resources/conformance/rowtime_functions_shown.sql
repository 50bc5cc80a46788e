-- More expressions over a rowtime attribute (IF, NULLIF, subtracting an interval, CAST): which of them
-- Flink's result schema marks *ROWTIME*.

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

SELECT order_id, IF(qty > 1, order_time, order_time) AS i, NULLIF(order_time, TIMESTAMP '2024-01-01 00:00:00') AS n,
  order_time - INTERVAL '1' SECOND AS m, CAST(order_time AS TIMESTAMP(3)) AS c
FROM orders;
