-- COUNT DISTINCT, SUM DISTINCT, FILTER clauses, MIN/MAX on strings, GROUPING SETS.

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

SELECT product, customer,
  COUNT(DISTINCT qty) AS distinct_qtys,
  SUM(DISTINCT qty) AS sum_distinct,
  COUNT(*) FILTER (WHERE qty > 2) AS big_orders,
  MIN(customer) AS first_name,
  MAX(price) AS max_price
FROM orders
GROUP BY GROUPING SETS ((product), (customer), ());
