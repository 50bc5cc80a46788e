-- LEFT and FULL OUTER joins (a changelog with retractions).

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
CREATE VIEW customers (name, city) AS
VALUES ('alice', 'Berlin'), ('bob', 'Paris'), ('zoe', 'Oslo');
CREATE VIEW order_counts AS
SELECT customer, COUNT(*) AS n FROM orders GROUP BY customer;

SELECT COALESCE(c.name, oc.customer) AS who, c.city, oc.n
FROM customers AS c
FULL OUTER JOIN order_counts AS oc ON c.name = oc.customer
UNION ALL
SELECT o.customer AS who, c2.city, o.order_id AS n
FROM orders AS o
LEFT JOIN customers AS c2 ON o.customer = c2.name AND o.qty > 5;
