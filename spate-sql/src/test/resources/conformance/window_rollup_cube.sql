-- Hopping window TVF aggregate with ROLLUP and a cumulating one with CUBE, with GROUPING() of each column.

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

CREATE VIEW hopped AS
SELECT window_start, window_end, customer, product, SUM(qty) AS units, MAX(price) AS top_price,
  GROUPING(customer) AS g_customer, GROUPING(product) AS g_product
FROM TABLE(HOP(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10' MINUTES, INTERVAL '20' MINUTES))
WHERE customer IN ('alice', 'bob')
GROUP BY window_start, window_end, ROLLUP (customer, product);

CREATE VIEW cumulated AS
SELECT window_start, window_end, customer, product, SUM(qty) AS units, MAX(price) AS top_price,
  GROUPING(customer) AS g_customer, GROUPING(product) AS g_product
FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '15' MINUTES, INTERVAL '30' MINUTES))
WHERE product IN ('apple', 'durian')
GROUP BY window_start, window_end, CUBE (customer, product);

SELECT 'hop' AS kind, * FROM hopped
UNION ALL
SELECT 'cumulate' AS kind, * FROM cumulated;
