-- Legacy group window: GROUP BY HOP with HOP_START.

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

SELECT HOP_START(order_time, INTERVAL '15' MINUTE, INTERVAL '30' MINUTE) AS w_start,
  COUNT(DISTINCT customer) AS customers,
  AVG(qty) AS avg_qty
FROM orders
GROUP BY HOP(order_time, INTERVAL '15' MINUTE, INTERVAL '30' MINUTE);
