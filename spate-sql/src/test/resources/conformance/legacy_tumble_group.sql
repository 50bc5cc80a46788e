-- Legacy group window: GROUP BY TUMBLE with TUMBLE_START and TUMBLE_END.

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

SELECT customer,
  TUMBLE_START(order_time, INTERVAL '30' MINUTE) AS w_start,
  TUMBLE_END(order_time, INTERVAL '30' MINUTE) AS w_end,
  SUM(qty) AS units
FROM orders
GROUP BY customer, TUMBLE(order_time, INTERVAL '30' MINUTE);
