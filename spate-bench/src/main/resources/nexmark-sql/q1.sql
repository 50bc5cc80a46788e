-- q1, currency conversion: every bid with its price converted from dollars to euros.
-- The definition multiplies by the decimal 0.908; the DataStream version computes in double, so the
-- rate is a DOUBLE here.

CREATE TABLE nexmark_q1 (
  auction BIGINT,
  bidder BIGINT,
  price DOUBLE,
  dateTime TIMESTAMP(3),
  extra VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q1
SELECT auction, bidder, CAST(0.908 AS DOUBLE) * price AS price, dateTime, extra FROM bid;
