-- Event-time temporal join against a versioned view (deduplicated rates).

CREATE TABLE payments (
  pay_id INT,
  currency STRING,
  amount DECIMAL(10, 2),
  pay_time TIMESTAMP(3),
  WATERMARK FOR pay_time AS pay_time
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/payments.csv',
  'format' = 'csv'
);
CREATE TABLE rates_log (
  currency STRING,
  rate DECIMAL(10, 4),
  rate_time TIMESTAMP(3),
  WATERMARK FOR rate_time AS rate_time
) WITH (
  'connector' = 'filesystem',
  'path' = '${corpus}/data/rates.csv',
  'format' = 'csv'
);
CREATE VIEW rates AS
SELECT currency, rate, rate_time
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY rate_time DESC) AS rownum
  FROM rates_log
)
WHERE rownum = 1;

SELECT p.pay_id, p.currency, p.amount, r.rate, p.amount * r.rate AS in_usd
FROM payments AS p
JOIN rates FOR SYSTEM_TIME AS OF p.pay_time AS r
ON p.currency = r.currency;
