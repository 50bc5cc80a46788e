-- Math functions and integer/decimal arithmetic.



SELECT x,
  ABS(x) AS a,
  MOD(x, 3) AS m,
  x / 4 AS int_div,
  POWER(x, 2) AS sq,
  SQRT(ABS(x)) AS root,
  SIGN(x) AS s,
  ROUND(d, 1) AS r1,
  ROUND(d, 0) AS r0,
  TRUNCATE(d, 1) AS t1,
  FLOOR(d) AS fl,
  CEIL(d) AS ce,
  d * x AS prod,
  d / 3 AS third,
  LOG10(100) AS lg,
  BIN(CAST(ABS(x) AS BIGINT)) AS b
FROM (VALUES (-7, CAST(2.345 AS DECIMAL(6, 3))), (16, CAST(-1.25 AS DECIMAL(6, 3))), (0, CAST(9.999 AS DECIMAL(6, 3)))) AS t (x, d);
