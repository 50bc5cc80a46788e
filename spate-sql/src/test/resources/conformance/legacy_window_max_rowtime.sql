-- The MAX of the rowtime in a legacy group window, as Flink's result schema types it.

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


SELECT TUMBLE_START(order_time, INTERVAL '1' HOUR) AS hour_start, MAX(order_time) AS last_time
FROM orders
GROUP BY TUMBLE(order_time, INTERVAL '1' HOUR);
