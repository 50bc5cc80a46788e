-- Views on views: a filtered view, an aggregating view over it, a query over that.

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
CREATE VIEW fruit_orders AS
SELECT customer, product, qty FROM orders WHERE product IN ('apple', 'banana', 'cherry');
CREATE VIEW per_product AS
SELECT product, SUM(qty) AS units, COUNT(DISTINCT customer) AS buyers FROM fruit_orders GROUP BY product;

SELECT product, units, buyers, units * 1.0 / buyers AS units_per_buyer FROM per_product WHERE units > 5;
