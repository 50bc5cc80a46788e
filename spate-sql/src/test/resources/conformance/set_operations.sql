-- Streaming UNION ALL, UNION, IN and EXISTS sub-queries.

CREATE TABLE orders (
  order_id INT,
  customer STRING,
  product STRING,
  price DECIMAL(10, 2),
  qty INT,
  order_time TIMESTAMP(3)
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/orders.csv',
  'format' = 'csv'
);

SELECT customer AS who FROM orders WHERE product = 'durian'
UNION
SELECT customer AS who FROM orders o WHERE EXISTS (SELECT 1 FROM orders o2 WHERE o2.customer = o.customer AND o2.qty >= 10)
UNION ALL
SELECT product AS who FROM orders WHERE order_id IN (SELECT order_id FROM orders WHERE price > 9);
