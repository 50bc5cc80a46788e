-- Cumulating window TVF: running revenue within each hour, in 15 minute steps.

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

SELECT window_start, window_end, SUM(price * qty) AS revenue, MAX(qty) AS max_qty
FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '15' MINUTES, INTERVAL '1' HOUR))
GROUP BY window_start, window_end;
