-- String functions over orders.

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
  UPPER(customer) AS up,
  INITCAP(product) AS cap,
  SUBSTRING(product FROM 2 FOR 3) AS part,
  CHAR_LENGTH(customer) AS len,
  CONCAT(customer, '-', product) AS joined,
  CONCAT_WS('/', customer, product, CAST(qty AS STRING)) AS path,
  LPAD(CAST(order_id AS STRING), 4, '0') AS padded,
  RPAD(customer, 6, '.') AS rpadded,
  REPLACE(product, 'an', 'AN') AS replaced,
  POSITION('a' IN product) AS pos_a,
  TRIM(BOTH 'a' FROM customer) AS trimmed,
  REGEXP_REPLACE(product, '[aeiou]', '_') AS no_vowels,
  REGEXP_EXTRACT(customer, '([a-z])([a-z]+)', 2) AS tail,
  SPLIT_INDEX(CONCAT(customer, ',', product), ',', 1) AS second_part,
  customer LIKE '%o%' AS has_o,
  REVERSE(customer) AS backwards,
  REPEAT('ab', qty % 3) AS repeated
FROM orders
WHERE order_id <= 8;
