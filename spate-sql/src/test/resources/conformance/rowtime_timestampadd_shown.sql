-- TIMESTAMPADD over a rowtime attribute and an interval added before it: whether Flink's result schema marks
-- them *ROWTIME*.

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

SELECT order_id, TIMESTAMPADD(SECOND, 1, order_time) AS a, INTERVAL '1' SECOND + order_time AS b
FROM orders;
