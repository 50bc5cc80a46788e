-- Date and time functions on event timestamps.

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

SELECT order_id,
  EXTRACT(HOUR FROM order_time) AS hr,
  EXTRACT(MINUTE FROM order_time) AS mi,
  DATE_FORMAT(order_time, 'yyyy/MM/dd HH:mm') AS formatted,
  FLOOR(order_time TO HOUR) AS hour_floor,
  CEIL(order_time TO MINUTE) AS minute_ceil,
  TIMESTAMPADD(DAY, 3, order_time) AS plus3d,
  TIMESTAMPDIFF(SECOND, TIMESTAMP '2024-03-01 10:00:00', order_time) AS secs,
  CAST(order_time AS DATE) AS day_of,
  DAYOFWEEK(CAST(order_time AS DATE)) AS dow,
  order_time + INTERVAL '90' MINUTE AS later,
  TO_TIMESTAMP('2024-03-05 01:02:03') AS parsed,
  TO_DATE('2024-02-29') + INTERVAL '1' YEAR AS next_year,
  DATE '2024-03-01' - INTERVAL '1' DAY AS day_before,
  QUARTER(DATE '2024-08-15') AS q
FROM orders
WHERE order_id IN (1, 7, 14);
