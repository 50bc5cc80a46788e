-- Window Top-N: the two best selling products of each 30 minute window.

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

SELECT window_start, window_end, product, units, rownum
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY units DESC, product) AS rownum
  FROM (
    SELECT window_start, window_end, product, SUM(qty) AS units
    FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '30' MINUTES))
    GROUP BY window_start, window_end, product
  )
)
WHERE rownum <= 2;
