-- q10, log to a file system: every bid with the UTC day and minute it falls in, the columns a
-- partitioned file sink writes by. The Nexmark project writes to a filesystem table partitioned by
-- them; as in the DataStream version, the sink is the runner's choice, here a blackhole.

CREATE TABLE nexmark_q10 (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  dateTime TIMESTAMP(3),
  extra VARCHAR,
  dt VARCHAR,
  hm VARCHAR
) WITH ('connector' = 'blackhole');

INSERT INTO nexmark_q10
SELECT auction, bidder, price, dateTime, extra, DATE_FORMAT(dateTime, 'yyyy-MM-dd'), DATE_FORMAT(dateTime, 'HH:mm')
FROM bid;
