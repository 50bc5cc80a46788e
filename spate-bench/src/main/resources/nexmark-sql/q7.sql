-- q7, highest bid: in every tumbling 10-second window, the bids with the highest price (all of them
-- on a tie). The definition matches bids from window_end - 10 s to window_end, both included; the
-- DataStream version takes the bids of the window, [window_start, window_end), so this does too.

CREATE TABLE nexmark_q7 (
  auction BIGINT,
  price BIGINT,
  bidder BIGINT,
  dateTime TIMESTAMP(3),
  extra VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q7
SELECT B.auction, B.price, B.bidder, B.dateTime, B.extra
FROM bid B
JOIN (
  SELECT MAX(price) AS maxprice, window_start, window_end
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.dateTime >= B1.window_start AND B.dateTime < B1.window_end;
