-- Expressions over a rowtime attribute (COALESCE, CASE, adding an interval): Flink's result schema marks them *ROWTIME*, a CAST excepted.

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


SELECT order_id, COALESCE(order_time, TIMESTAMP '2024-01-01 00:00:00') AS c,
  CASE WHEN qty > 1 THEN order_time ELSE order_time END AS k, order_time + INTERVAL '1' SECOND AS p
FROM orders;
