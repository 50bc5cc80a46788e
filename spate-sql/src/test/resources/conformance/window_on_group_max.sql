-- A window table function over the MAX of a rowtime attribute: Flink's schema marks it *ROWTIME*, but it is no time attribute here, and Flink rejects the query.

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
CREATE VIEW latest AS SELECT product, MAX(order_time) AS last_time FROM orders GROUP BY product;

SELECT window_start, COUNT(*) AS products
FROM TABLE(TUMBLE(TABLE latest, DESCRIPTOR(last_time), INTERVAL '10' MINUTE))
GROUP BY window_start, window_end;
