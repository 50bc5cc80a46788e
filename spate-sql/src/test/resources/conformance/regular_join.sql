-- Regular inner join with a dimension view from VALUES, then an aggregate.

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
CREATE VIEW customers (name, city, tier) AS
VALUES ('alice', 'Berlin', 'gold'), ('bob', 'Paris', 'silver'), ('carol', 'Berlin', 'silver'),
       ('dave', 'Rome', 'bronze'), ('erin', 'Paris', 'gold');

SELECT c.city, c.tier, COUNT(*) AS orders_placed, SUM(o.price * o.qty) AS revenue
FROM orders AS o
JOIN customers AS c ON o.customer = c.name
GROUP BY c.city, c.tier;
