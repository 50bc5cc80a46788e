-- q18, find last bid: the latest bid of every bidder on every auction. The definition orders by time
-- alone; the DataStream version breaks ties of the same millisecond by price (highest), channel, url
-- and extra so that the last row never depends on arrival order, so this does too.

CREATE TABLE nexmark_q18 (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel VARCHAR,
  url VARCHAR,
  dateTime TIMESTAMP(3),
  extra VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q18
SELECT auction, bidder, price, channel, url, dateTime, extra
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction
    ORDER BY dateTime DESC, price DESC, channel ASC, url ASC, extra ASC) AS rank_number
  FROM bid
)
WHERE rank_number <= 1;
