package io.spate.table.planner.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.dag.StreamGraph;
import io.spate.api.dag.Transformation;
import io.spate.api.datastream.CloseableIterator;
import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.types.Row;
import io.spate.connectors.nexmark.Auction;
import io.spate.connectors.nexmark.Bid;
import io.spate.connectors.nexmark.Event;
import io.spate.connectors.nexmark.NexmarkConfiguration;
import io.spate.connectors.nexmark.NexmarkGenerator;
import io.spate.connectors.nexmark.Person;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A projection or filter straight over a table with computed columns runs as one calc over the
 * connector's rows, with the rowtime computed there, and gives what the table's full rows would.
 */
class ScanCalcFusionE2ETest {

  private static final long EVENTS = 3_000;

  private static final String NEXMARK = """
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
      ) WITH ('connector' = 'nexmark', 'events.num' = '3000', 'first-event.rate' = '1000')""";

  private static final String BID_VIEW = "CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel,"
      + " bid.url, dateTime, bid.extra FROM datagen WHERE event_type = 2";

  @Test
  void aFilterAndProjectionOverTheScanBuildNoFullRowsAndKeepTheResult() throws Exception {
    Job job = new Job();
    DataStream<Row> rows = job.query("SELECT auction, price, dateTime FROM bid WHERE MOD(auction, 7) = 0");

    assertThat(job.names(rows)).noneMatch(name -> name.startsWith("Computed columns of"))
        .contains("Watermarks of datagen");
    List<Row> expected = new ArrayList<>();
    forEachEvent(event -> {
      Bid bid = event.bid();
      if (bid != null && bid.auction() % 7 == 0) {
        expected.add(Row.of(bid.auction(), bid.price(), time(bid.dateTime())));
      }
    });
    assertThat(expected).isNotEmpty();
    assertThat(collect(rows)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aFilterOnTheComputedColumnSeesItsValue() throws Exception {
    Job job = new Job();
    List<Long> times = new ArrayList<>();
    forEachEvent(event -> times.add(timeOf(event)));
    LocalDateTime middle = time(times.get(times.size() / 2));
    DataStream<Row> rows = job.query("SELECT event_type, dateTime FROM datagen WHERE dateTime >= TIMESTAMP '"
        + middle.toString().replace('T', ' ') + "'");

    List<Row> expected = new ArrayList<>();
    forEachEvent(event -> {
      if (!time(timeOf(event)).isBefore(middle)) {
        expected.add(Row.of(event.type().ordinal(), time(timeOf(event))));
      }
    });
    assertThat(collect(rows)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aBareScanStillGivesTheTableFullRows() throws Exception {
    Job job = new Job();
    DataStream<Row> rows = job.query("SELECT * FROM datagen");

    List<Row> all = collect(rows);
    assertThat(all).hasSize((int) EVENTS);
    List<LocalDateTime> expected = new ArrayList<>();
    forEachEvent(event -> expected.add(time(timeOf(event))));
    assertThat(all).allSatisfy(row -> assertThat(row.getArity()).isEqualTo(5))
        .extracting(row -> (LocalDateTime) row.getField(4)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void windowsOverTheComputedRowtimeCountEveryBid() throws Exception {
    Job job = new Job();
    DataStream<Row> rows = job.query("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bid,"
        + " DESCRIPTOR(dateTime), INTERVAL '1' SECOND)) GROUP BY window_start, window_end");

    Map<LocalDateTime, Long> expected = new HashMap<>();
    forEachEvent(event -> {
      if (event.bid() != null) {
        long millis = event.bid().dateTime();
        expected.merge(time(millis - Math.floorMod(millis, 1000L)), 1L, Long::sum);
      }
    });
    Map<LocalDateTime, Long> counted = new HashMap<>();
    for (Row row : collect(rows)) {
      counted.put((LocalDateTime) row.getField(0), (Long) row.getField(1));
    }
    assertThat(expected).hasSizeGreaterThan(1);
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void aNonDeterministicComputedColumnKeepsOneValuePerRow() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, r AS RAND()) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '20')");
    DataStream<Row> rows = tEnv.toDataStream(tEnv.sqlQuery("SELECT n, r, r + 0 AS again FROM numbers WHERE r >= 0"));

    assertThat(names(rows)).anyMatch(name -> name.startsWith("Computed columns of numbers"));
    List<Row> all = collect(rows);
    assertThat(all).hasSize(20).allSatisfy(row -> assertThat(row.getField(2)).isEqualTo(row.getField(1)));
  }

  /** One job over the Nexmark table and its bid view. */
  private static final class Job {
    final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    final StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);

    Job() {
      env.setParallelism(2);
      tEnv.executeSql(NEXMARK);
      tEnv.executeSql(BID_VIEW);
    }

    DataStream<Row> query(String sql) {
      return tEnv.toDataStream(tEnv.sqlQuery(sql));
    }

    List<String> names(DataStream<Row> rows) {
      return ScanCalcFusionE2ETest.names(rows);
    }
  }

  private static List<String> names(DataStream<Row> rows) {
    List<String> names = new ArrayList<>();
    for (Transformation<?> transformation : StreamGraph.reachableFrom(List.of(rows.getTransformation()))) {
      names.add(transformation.getName());
    }
    return names;
  }

  private static List<Row> collect(DataStream<Row> rows) throws Exception {
    List<Row> all = new ArrayList<>();
    try (CloseableIterator<Row> iterator = rows.executeAndCollect()) {
      iterator.forEachRemaining(all::add);
    }
    return all;
  }

  private static void forEachEvent(Consumer<Event> action) {
    Iterator<Event> events = new NexmarkGenerator(NexmarkConfiguration.builder().events(EVENTS).eventsPerSecond(1000)
        .build()).iterator(0, EVENTS);
    events.forEachRemaining(action);
  }

  private static long timeOf(Event event) {
    Person person = event.person();
    Auction auction = event.auction();
    return person != null ? person.dateTime() : auction != null ? auction.dateTime() : event.bid().dateTime();
  }

  private static LocalDateTime time(long epochMillis) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
  }
}
