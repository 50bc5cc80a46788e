-- The MAX of a processing-time attribute in a GROUP BY: Flink's result schema marks it *PROCTIME* (no row passes, as the clock's values differ per run).

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
CREATE VIEW timed AS SELECT *, PROCTIME() AS seen FROM orders;

SELECT product, MAX(seen) AS last_seen
FROM timed
WHERE order_id < 0
GROUP BY product;
