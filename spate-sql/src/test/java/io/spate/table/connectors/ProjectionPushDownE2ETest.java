package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Queries over sources that leave out the fields they are not asked for give the results of the same
 * queries over sources that give every field ({@code table.optimizer.spate.projection-pushdown-enabled}
 * off), and {@code EXPLAIN} shows what each scan pushed.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ProjectionPushDownE2ETest {

  private static final String PUSHDOWN = "table.optimizer.spate.projection-pushdown-enabled";

  /** The nexmark table's physical fields as a query names them. */
  private static final List<String> NEXMARK_FIELDS = List.of("event_type",
      "person.id", "person.name", "person.emailAddress", "person.creditCard", "person.city", "person.state",
      "person.dateTime", "person.extra",
      "auction.id", "auction.itemName", "auction.description", "auction.initialBid", "auction.reserve",
      "auction.dateTime", "auction.expires", "auction.seller", "auction.category", "auction.extra",
      "bid.auction", "bid.bidder", "bid.price", "bid.channel", "bid.url", "bid.dateTime", "bid.extra");

  private static final String DATAGEN_DDL = """
      CREATE TABLE gen (
        i INT, b BIGINT, s STRING, d DOUBLE, f BOOLEAN, n BIGINT, seq BIGINT
      ) WITH (
        'connector' = 'datagen',
        'number-of-rows' = '300',
        'rows-per-second' = '1000000',
        'fields.i.min' = '0', 'fields.i.max' = '9',
        'fields.s.length' = '4',
        'fields.n.null-rate' = '0.5',
        'fields.seq.kind' = 'sequence', 'fields.seq.start' = '1', 'fields.seq.end' = '300'
      )""";

  private static final List<String> DATAGEN_COLUMNS = List.of("i", "b", "s", "d", "f", "n", "seq");

  private static TableEnvironment nexmark(boolean pushdown) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set(PUSHDOWN, String.valueOf(pushdown));
    // 500 events at 100 per second of event time: five seconds, a window of a second each.
    tEnv.executeSql(NexmarkTableE2ETest.NEXMARK_DDL.replace("'events.num' = '2000'", "'events.num' = '500'")
        .replace("'10000000'", "'100'"));
    return tEnv;
  }

  /** The rows of {@code query}, collected. */
  static List<Row> rows(TableEnvironment tEnv, String query) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void randomNestedFieldsOfNexmarkEventsAreThoseOfFullRows() {
    qt().withFixedSeed(20261128L).withExamples(3)
        .forAll(longs().between(1, (1L << NEXMARK_FIELDS.size()) - 1), integers().between(-1, 2))
        .checkAssert((mask, eventType) -> {
          StringJoiner select = new StringJoiner(", ");
          for (int i = 0; i < NEXMARK_FIELDS.size(); i++) {
            if ((mask & (1L << i)) != 0) {
              select.add(NEXMARK_FIELDS.get(i) + " AS " + NEXMARK_FIELDS.get(i).replace('.', '_'));
            }
          }
          String query = "SELECT " + select + " FROM datagen" + (eventType < 0 ? "" : " WHERE event_type = " + eventType);
          try {
            List<Row> pushed = rows(nexmark(true), query);
            assertThat(pushed).as(query).hasSizeGreaterThan(0)
                .containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
          } catch (Exception e) {
            throw new AssertionError(query, e);
          }
        });
  }

  @Test
  void aTableReadTwiceGivesEachReaderItsFields() throws Exception {
    String query = "SELECT bid.price, CAST(NULL AS STRING), dateTime FROM datagen WHERE event_type = 2"
        + " UNION ALL SELECT person.id, person.name, dateTime FROM datagen WHERE event_type = 0";
    List<Row> pushed = rows(nexmark(true), query);
    assertThat(pushed).hasSize(500 * 47 / 50).allSatisfy(row -> assertThat(row.getField(0)).isNotNull());
    assertThat(pushed).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
  }

  @Test
  void windowsOverTheComputedRowtimeKeepTheirResults() throws Exception {
    String query = "SELECT window_start, COUNT(*), MAX(bid.price), SUM(bid.auction) FROM TABLE(TUMBLE("
        + " TABLE datagen, DESCRIPTOR(dateTime), INTERVAL '1' SECOND)) WHERE event_type = 2"
        + " GROUP BY window_start, window_end";
    List<Row> pushed = rows(nexmark(true), query);
    assertThat(pushed).hasSizeBetween(5, 6);
    assertThat(pushed.stream().mapToLong(row -> (Long) row.getField(1)).sum()).isEqualTo(500 * 46 / 50);
    assertThat(pushed).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
  }

  @Test
  void aColumnReadWholeByOneReaderAndByFieldsByAnotherGivesBoth() throws Exception {
    String query = "SELECT bid, bid.price FROM datagen WHERE event_type = 2"
        + " UNION ALL SELECT CAST(NULL AS ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR,"
        + " url VARCHAR, dateTime TIMESTAMP(3), extra VARCHAR>), bid.bidder FROM datagen WHERE event_type = 2";
    List<Row> pushed = rows(nexmark(true), query);
    assertThat(pushed).hasSize(2 * 500 * 46 / 50);
    assertThat(pushed).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), query));
  }

  @Test
  void withoutCodeGenerationTheSourcesFieldsGiveTheSameResults() throws Exception {
    // Then a step rebuilds the tables' rows (NULL in the fields not read) before the readers' expressions.
    String nexmarkQuery = "SELECT bid.auction, bid.price * 2, dateTime FROM datagen WHERE event_type = 2"
        + " AND MOD(bid.auction, 3) = 0";
    TableEnvironment interpreted = nexmark(true);
    interpreted.getConfig().set("table.exec.spate.codegen.enabled", "false");
    assertThat(interpreted.explainSql(nexmarkQuery)).contains("project=[event_type, person.dateTime,"
        + " auction.dateTime, bid.auction, bid.price, bid.dateTime]");
    List<Row> pushed = rows(interpreted, nexmarkQuery);
    assertThat(pushed).hasSizeGreaterThan(0).containsExactlyInAnyOrderElementsOf(rows(nexmark(false), nexmarkQuery));

    String datagenQuery = "SELECT s, seq + 1 FROM gen WHERE i < 7";
    TableEnvironment interpretedGen = datagen(true);
    interpretedGen.getConfig().set("table.exec.spate.codegen.enabled", "false");
    List<Row> pushedGen = rows(interpretedGen, datagenQuery);
    assertThat(pushedGen).hasSizeGreaterThan(0)
        .containsExactlyInAnyOrderElementsOf(rows(datagen(false), datagenQuery));
  }

  @Test
  void explainShowsTheFieldsEachScanReads() {
    String plan = nexmark(true).explainSql("SELECT bid.auction, bid.price FROM datagen"
        + " WHERE event_type = 2 AND MOD(bid.auction, 123) = 0");
    // The filter's and projection's fields, and the dateTime fields of the computed rowtime and its watermark.
    assertThat(plan).contains("LogicalTableScan(table=[[default_catalog, default_database, datagen]],"
        + " filter=[(event_type = 2)], project=[event_type, person.dateTime, auction.dateTime, bid.auction, bid.price, bid.dateTime],"
        + " watermark=[dateTime, dateTime - INTERVAL '4' SECOND])");
    assertThat(nexmark(false).explainSql("SELECT bid.price FROM datagen")).doesNotContain("project=");
    assertThat(nexmark(true).explainSql("SELECT * FROM datagen")).doesNotContain("project=");
  }

  @Test
  void aQueryOverAViewPushesTheFieldsTheQueryReads() {
    TableEnvironment tEnv = nexmark(true);
    tEnv.executeSql("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,"
        + " dateTime, bid.extra FROM datagen WHERE event_type = 2");
    // Nexmark's q2: the view's other fields are never read.
    assertThat(tEnv.explainSql("SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0"))
        .contains("project=[event_type, person.dateTime, auction.dateTime, bid.auction, bid.price, bid.dateTime]");
  }

  @Test
  void aJoinOfInsertsReadsOnlyTheColumnsAboveItAndItsConditionRead() throws Exception {
    TableEnvironment tEnv = withAuctionAndBidViews(nexmark(true));
    // The join of Nexmark's q4: it narrows its inputs to these columns, and so do the sources.
    String query = "SELECT A.id, A.category, B.price FROM auction A, bid B WHERE A.id = B.auction"
        + " AND B.ts BETWEEN A.ts AND A.expires";
    assertThat(tEnv.explainSql(query)).contains("project=[event_type, person.dateTime, auction.id,"
        + " auction.dateTime, auction.expires, auction.category, bid.auction, bid.price, bid.dateTime]");
    List<Row> pushed = rows(tEnv, query);
    assertThat(pushed).hasSizeGreaterThan(0)
        .containsExactlyInAnyOrderElementsOf(rows(withAuctionAndBidViews(nexmark(false)), query));
  }

  /** {@code tEnv} with the views {@code auction} and {@code bid}: the nexmark table's events of each kind, with {@code ts}. */
  private static TableEnvironment withAuctionAndBidViews(TableEnvironment tEnv) {
    String view = "CREATE VIEW %s AS SELECT %s.*, dateTime AS ts FROM datagen WHERE event_type = %d";
    tEnv.executeSql(view.formatted("auction", "auction", 1));
    tEnv.executeSql(view.formatted("bid", "bid", 2));
    return tEnv;
  }

  @Test
  void randomColumnsOfDatagenRowsAreThoseOfFullRows() {
    qt().withFixedSeed(20261129L).withExamples(3)
        .forAll(longs().between(1, (1L << DATAGEN_COLUMNS.size()) - 1))
        .checkAssert(mask -> {
          StringJoiner select = new StringJoiner(", ");
          for (int i = 0; i < DATAGEN_COLUMNS.size(); i++) {
            if ((mask & (1L << i)) != 0) {
              select.add(DATAGEN_COLUMNS.get(i));
            }
          }
          String query = "SELECT " + select + " FROM gen WHERE i < 7";
          try {
            List<Row> pushed = rows(datagen(true), query);
            assertThat(pushed).as(query).hasSizeGreaterThan(0)
                .containsExactlyInAnyOrderElementsOf(rows(datagen(false), query));
          } catch (Exception e) {
            throw new AssertionError(query, e);
          }
        });
  }

  @Test
  void explainShowsDatagenColumns() {
    assertThat(datagen(true).explainSql("SELECT s, seq FROM gen WHERE i > 3"))
        .contains("LogicalTableScan(table=[[default_catalog, default_database, gen]], project=[i, s, seq])");
  }

  private static TableEnvironment datagen(boolean pushdown) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set(PUSHDOWN, String.valueOf(pushdown));
    tEnv.executeSql(DATAGEN_DDL);
    return tEnv;
  }
}
