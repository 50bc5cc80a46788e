-- q4, average price for a category: the average winning price of the auctions of each category.
-- A winning price is the highest bid made between the auction's start and its expiry (both
-- included); AVG of a BIGINT is the integer quotient, as in the DataStream version.

CREATE TABLE nexmark_q4 (
  id BIGINT,
  final BIGINT
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q4
SELECT Q.category, AVG(Q.final)
FROM (
  SELECT MAX(B.price) AS final, A.category
  FROM auction A, bid B
  WHERE A.id = B.auction AND B.dateTime BETWEEN A.dateTime AND A.expires
  GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
