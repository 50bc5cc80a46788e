-- q6, average selling price by seller: for every closed auction, the average winning price of its
-- seller's last 10 closed auctions, this one included. The DataStream version orders a seller's
-- auctions by expiry (then id) and reports the auction and its expiry too, so this does the same.
-- As in Flink, the OVER aggregate here reads the updating result of the GROUP BY.

CREATE TABLE nexmark_q6 (
  seller BIGINT,
  auction BIGINT,
  closedAt TIMESTAMP(3),
  avg_price BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q6
SELECT Q.seller, Q.id, Q.expires,
  AVG(Q.final) OVER (PARTITION BY Q.seller ORDER BY Q.expires, Q.id ROWS BETWEEN 9 PRECEDING AND CURRENT ROW)
FROM (
  SELECT MAX(B.price) AS final, A.id, A.seller, A.expires
  FROM auction AS A, bid AS B
  WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
  GROUP BY A.id, A.seller, A.expires
) AS Q;
