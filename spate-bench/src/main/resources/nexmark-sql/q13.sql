-- q13, bounded side input join: every bid with the value a fixed side table holds for
-- auction % 10000; bids without a value are dropped. The Nexmark project looks the side table up
-- with a lookup join on a file; its table is fixed for the job's life, so here a table function
-- looks it up (the same table as the DataStream version's: every key from 0 to 9999, valued
-- 'side-' || key).

CREATE TEMPORARY FUNCTION side_input AS '${udf-package}.SideInput';

CREATE TABLE nexmark_q13 (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  dateTime TIMESTAMP(3),
  side_value VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q13
SELECT B.auction, B.bidder, B.price, B.dateTime, S.side_value
FROM bid AS B, LATERAL TABLE(side_input(MOD(B.auction, 10000))) AS S(side_value);
