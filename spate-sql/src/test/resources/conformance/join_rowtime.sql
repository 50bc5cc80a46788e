-- A regular (inner and left) join that passes on a rowtime attribute: Flink's result schema marks it *ROWTIME*.

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
CREATE VIEW customers (name, city) AS VALUES ('alice', 'Berlin'), ('bob', 'Paris');

SELECT o.order_id, o.order_time, c.city, l.order_time AS left_time
FROM orders AS o
JOIN customers AS c ON o.customer = c.name
LEFT JOIN orders AS l ON o.order_id = l.order_id + 100;
