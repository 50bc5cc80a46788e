-- Top-N: each customer's two biggest orders by quantity (ties broken by id).

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

SELECT customer, order_id, qty, rn
FROM (
  SELECT customer, order_id, qty,
    ROW_NUMBER() OVER (PARTITION BY customer ORDER BY qty DESC, order_id ASC) AS rn
  FROM orders
)
WHERE rn <= 2;
