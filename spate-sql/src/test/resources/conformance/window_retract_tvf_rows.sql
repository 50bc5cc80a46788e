-- The rows of a TUMBLE window table function over a deduplication keeping each product's last order on event time, without an aggregate.

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
CREATE VIEW latest AS
SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY product ORDER BY order_time DESC) AS row_num FROM orders)
WHERE row_num = 1;

SELECT order_id, window_start, window_end
FROM TABLE(TUMBLE(TABLE latest, DESCRIPTOR(order_time), INTERVAL '10' MINUTE));
