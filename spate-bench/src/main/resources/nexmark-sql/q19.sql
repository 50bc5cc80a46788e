-- q19, auction top-10 price: the ten best bids of every auction, with their rank. The definition
-- orders by price alone; the DataStream version breaks ties by time, bidder, channel, url and extra,
-- so this does too.

CREATE TABLE nexmark_q19 (
  auction BIGINT,
  rank_number BIGINT,
  bid_auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel VARCHAR,
  url VARCHAR,
  dateTime TIMESTAMP(3),
  extra VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q19
SELECT auction, rank_number, auction AS bid_auction, bidder, price, channel, url, dateTime, extra
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY auction
    ORDER BY price DESC, dateTime ASC, bidder ASC, channel ASC, url ASC, extra ASC) AS rank_number
  FROM bid
)
WHERE rank_number <= 10;
