package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The nexmark table, declared as the Nexmark project declares it, gives the generator's events. */
class NexmarkTableE2ETest {

  private static final long EVENTS = 2_000;

  /** The Nexmark project's table, with Spate's options. */
  static final String NEXMARK_DDL = """
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
        WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
      ) WITH (
        'connector' = 'nexmark',
        'first-event.rate' = '10000000',
        'next-event.rate' = '10000000',
        'events.num' = '2000',
        'person.proportion' = '1',
        'auction.proportion' = '3',
        'bid.proportion' = '46'
      )""";

  @Test
  void q1OverTheBidViewConvertsEveryBidsPrice() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.executeSql(NEXMARK_DDL);
    tEnv.executeSql("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,"
        + " dateTime, bid.extra FROM datagen WHERE event_type = 2");
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(
        "SELECT auction, bidder, 0.908 * price AS price, dateTime FROM bid").collect()) {
      iterator.forEachRemaining(rows::add);
    }
    List<Row> expected = new ArrayList<>();
    Iterator<Event> events = new NexmarkGenerator(NexmarkConfiguration.builder().events(EVENTS).build())
        .iterator(0, EVENTS);
    while (events.hasNext()) {
      Bid bid = events.next().bid();
      if (bid != null) {
        expected.add(Row.of(bid.auction(), bid.bidder(),
            new BigDecimal("0.908").multiply(BigDecimal.valueOf(bid.price())),
            LocalDateTime.ofInstant(Instant.ofEpochMilli(bid.dateTime()), ZoneOffset.UTC)));
      }
    }
    assertThat(expected).hasSize((int) (EVENTS * 46 / 50));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theSourceStampsItsRowsAndMakesTheWatermarksOfTheTumblingWindows() throws Exception {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // 1000 events a second of event time: the 2000 events span two seconds, twenty windows of 100 ms.
    tEnv.executeSql(NEXMARK_DDL.replace("'10000000'", "'1000'"));
    String query = "SELECT window_start, COUNT(*) AS bids FROM TABLE(TUMBLE(TABLE datagen, DESCRIPTOR(dateTime),"
        + " INTERVAL '0.1' SECOND)) WHERE event_type = 2 GROUP BY window_start, window_end";
    String plan = tEnv.explainSql(query);
    assertThat(plan).as("the scan's source applies the watermark clause, no step after it")
        .contains("watermark=[dateTime, dateTime - INTERVAL '4' SECOND]");

    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    Map<LocalDateTime, Long> expected = new TreeMap<>();
    Iterator<Event> events = new NexmarkGenerator(NexmarkConfiguration.builder().events(EVENTS)
        .eventsPerSecond(1000).build()).iterator(0, EVENTS);
    while (events.hasNext()) {
      Bid bid = events.next().bid();
      if (bid != null) {
        long start = bid.dateTime() - Math.floorMod(bid.dateTime(), 100);
        expected.merge(LocalDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC), 1L, Long::sum);
      }
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(20);
    Map<LocalDateTime, Long> counted = new TreeMap<>();
    for (Row row : rows) {
      assertThat(counted.put((LocalDateTime) row.getField(0), (Long) row.getField(1))).as("one row per window").isNull();
    }
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void aTableOfAnotherShapeIsRefused() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.executeSql("CREATE TABLE nx (event_type INT, bid STRING) WITH ('connector' = 'nexmark')");
    assertThatThrownBy(() -> tEnv.executeSql("SELECT * FROM nx"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("event_type INT, person ROW<...>, auction ROW<...> and bid ROW<...>");
  }
}
