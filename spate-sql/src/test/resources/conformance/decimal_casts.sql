-- Casts with DECIMAL precisions and scales, TRY_CAST, and decimal arithmetic result types.



SELECT s,
  CAST(s AS DECIMAL(5, 2)) AS d52,
  CAST(s AS DECIMAL(10, 0)) AS d100,
  CAST(CAST(s AS DECIMAL(10, 4)) AS DOUBLE) AS dbl,
  CAST(CAST(s AS DECIMAL(8, 3)) AS INT) AS i,
  CAST(s AS DECIMAL(5, 2)) * CAST(3 AS DECIMAL(3, 1)) AS product,
  CAST(s AS DECIMAL(5, 2)) / CAST(7 AS DECIMAL(2, 0)) AS quotient,
  CAST(s AS DECIMAL(5, 2)) + 1 AS plus_int,
  CAST(CAST(s AS DECIMAL(5, 2)) AS STRING) AS text,
  TRY_CAST(CONCAT(s, 'x') AS INT) AS bad
FROM (VALUES ('1.005'), ('-2.5'), ('123.456'), ('0.1')) AS t (s);
