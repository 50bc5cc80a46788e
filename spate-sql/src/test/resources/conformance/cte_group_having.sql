-- A CTE feeding GROUP BY with HAVING: spend per customer, big spenders only.

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

WITH spend AS (
  SELECT customer, price * qty AS amount FROM orders
)
SELECT customer, COUNT(*) AS orders_placed, SUM(amount) AS total, MAX(amount) AS biggest
FROM spend
GROUP BY customer
HAVING SUM(amount) > 10;
