-- q14, calculation: bids whose euro price lies strictly between 1,000,000 and 50,000,000, with the
-- part of the day they were made in and how many 'c' characters their extra holds (a user-defined
-- function). The price is a DOUBLE, as in the DataStream version (see q1).

CREATE TEMPORARY FUNCTION count_char AS '${udf-package}.CountChar';

CREATE TABLE nexmark_q14 (
  auction BIGINT,
  bidder BIGINT,
  price DOUBLE,
  bidTimeType VARCHAR,
  dateTime TIMESTAMP(3),
  extra VARCHAR,
  c_counts BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q14
SELECT
  auction,
  bidder,
  CAST(0.908 AS DOUBLE) * price AS price,
  CASE
    WHEN HOUR(dateTime) >= 8 AND HOUR(dateTime) <= 18 THEN 'dayTime'
    WHEN HOUR(dateTime) <= 6 OR HOUR(dateTime) >= 20 THEN 'nightTime'
    ELSE 'otherTime'
  END AS bidTimeType,
  dateTime,
  extra,
  count_char(extra, 'c') AS c_counts
FROM bid
WHERE CAST(0.908 AS DOUBLE) * price > 1000000 AND CAST(0.908 AS DOUBLE) * price < 50000000;
