-- ROLLUP with GROUPING() to tell subtotals apart.

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

SELECT customer, product, SUM(qty) AS units, GROUPING(customer) AS g_customer, GROUPING(product) AS g_product
FROM orders
WHERE customer IN ('alice', 'bob')
GROUP BY ROLLUP (customer, product);
