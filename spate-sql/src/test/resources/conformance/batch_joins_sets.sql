-- BATCH mode: join, UNION, INTERSECT and EXCEPT.

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
CREATE VIEW vip (name) AS VALUES ('alice'), ('erin'), ('zoe');

SELECT customer FROM orders WHERE qty >= 5
INTERSECT
SELECT name FROM vip
UNION
SELECT name FROM vip WHERE name NOT IN (SELECT customer FROM orders)
UNION ALL
(SELECT DISTINCT customer FROM orders EXCEPT SELECT name FROM vip);
