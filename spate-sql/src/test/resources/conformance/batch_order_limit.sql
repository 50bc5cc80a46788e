-- BATCH mode: GROUP BY, ORDER BY on a non-time column and LIMIT.

SET 'execution.runtime-mode' = 'batch';
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

SELECT product, SUM(qty) AS units, AVG(price) AS avg_price
FROM orders
GROUP BY product
ORDER BY units DESC
LIMIT 3;
