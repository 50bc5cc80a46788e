-- The shared prelude of the Nexmark queries: the generator as the Nexmark project's `datagen`
-- table and its three views. The runner fills the ${...} placeholders: the number of events, their
-- event-time rate, the generator's seed and the job's parallelism.
--
-- The watermark trails the largest event time by 1 ms, as the DataStream versions' bounded
-- out-of-orderness strategy (with the generator's bound of 0) does: events of the same millisecond
-- as the watermark's latest event are then never late.

SET 'parallelism.default' = '${parallelism}';

-- The table options of the Nexmark project's Flink configuration, for both engines alike: mini-batches
-- of at most 50 000 rows or 2 s. (Its 'table.optimizer.distinct-agg.split.enabled' is left out for
-- both while Spate SQL does not split distinct aggregates; the Spate runner refuses a table option it
-- does not know.)
SET 'table.exec.mini-batch.enabled' = 'true';
SET 'table.exec.mini-batch.allow-latency' = '2s';
SET 'table.exec.mini-batch.size' = '50000';

CREATE TABLE datagen (
  event_type INT,
  person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR,
             dateTime TIMESTAMP(3), extra VARCHAR>,
  auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,
              dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,
  bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, dateTime TIMESTAMP(3),
          extra VARCHAR>,
  dateTime AS
    CASE
      WHEN event_type = 0 THEN person.dateTime
      WHEN event_type = 1 THEN auction.dateTime
      ELSE bid.dateTime
    END,
  WATERMARK FOR dateTime AS dateTime - INTERVAL '0.001' SECOND
) WITH (
  'connector' = 'nexmark',
  'first-event.rate' = '${event-rate}',
  'next-event.rate' = '${event-rate}',
  'events.num' = '${events}',
  'seed' = '${seed}'
);

CREATE VIEW person AS
SELECT person.id, person.name, person.emailAddress, person.creditCard, person.city, person.state, dateTime,
       person.extra
FROM datagen WHERE event_type = 0;

CREATE VIEW auction AS
SELECT auction.id, auction.itemName, auction.description, auction.initialBid, auction.reserve, dateTime,
       auction.expires, auction.seller, auction.category, auction.extra
FROM datagen WHERE event_type = 1;

CREATE VIEW bid AS
SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, dateTime, bid.extra
FROM datagen WHERE event_type = 2;
