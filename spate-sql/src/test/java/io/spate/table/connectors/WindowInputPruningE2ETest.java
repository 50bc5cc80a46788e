package io.spate.table.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A window table function's input carries only the columns read above it (and its time column and
 * partition keys): the sources make only those, and the results are those of the same windows over
 * rows that keep every column (a query that reads them all, so that nothing is left out).
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class WindowInputPruningE2ETest {

  /** What a query reads of every bid column, in an expression that is always 0, so that none is left out. */
  private static final String EVERY_COLUMN = "(bidder + price + CHAR_LENGTH(channel || url || extra)) * 0";

  private static TableEnvironment bids() {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // 1000 events at 100 per second of event time: ten seconds.
    tEnv.executeSql(NexmarkTableE2ETest.NEXMARK_DDL.replace("'events.num' = '2000'", "'events.num' = '1000'")
        .replace("'10000000'", "'100'"));
    tEnv.executeSql("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url,"
        + " dateTime, bid.extra FROM datagen WHERE event_type = 2");
    return tEnv;
  }

  /** The nexmark source's fields that a query over the view {@code bid} reads besides {@code bidFields}. */
  private static String scanOf(String bidFields) {
    return "project=[event_type, person.dateTime, auction.dateTime, " + bidFields + ", bid.dateTime]";
  }

  /**
   * The rows of {@code pruned}, after checking that its scan reads {@code bidFields} (and the rowtime's) only and
   * that they are the first fields of the rows of {@code whole}, the same query reading every column.
   */
  private static List<Row> prunedRows(String pruned, String whole, String bidFields) throws Exception {
    TableEnvironment tEnv = bids();
    assertThat(tEnv.explainSql(pruned)).contains(scanOf(bidFields));
    assertThat(tEnv.explainSql(whole)).contains("bid.channel, bid.url");
    List<Row> rows = ProjectionPushDownE2ETest.rows(tEnv, pruned);
    int width = rows.isEmpty() ? 0 : rows.get(0).getArity();
    List<Row> wholeRows = ProjectionPushDownE2ETest.rows(bids(), whole).stream().map(row -> {
      Row first = new Row(row.getKind(), width);
      for (int i = 0; i < width; i++) {
        first.setField(i, row.getField(i));
      }
      return first;
    }).toList();
    assertThat(rows).containsExactlyInAnyOrderElementsOf(wholeRows);
    return rows;
  }

  @Test
  void aWindowAggregateReadsOnlyItsKeyTimeAndArguments() throws Exception {
    String windows = " FROM TABLE(HOP(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '1' SECOND, INTERVAL '3' SECOND))"
        + " GROUP BY auction, window_start, window_end";
    String pruned = "SELECT auction, window_start, window_end, COUNT(*), MAX(price)" + windows;
    assertThat(bids().explainSql(pruned)).contains("rowType=[RecordType(BIGINT auction, BIGINT price,"
        + " TIMESTAMP(3) dateTime, TIMESTAMP(3) window_start, TIMESTAMP(3) window_end, TIMESTAMP(3) window_time)]");
    List<Row> rows = prunedRows(pruned, "SELECT auction, window_start, window_end, COUNT(*), MAX(price), SUM("
        + EVERY_COLUMN + ")" + windows, "bid.auction, bid.price");
    assertThat(rows).hasSizeGreaterThan(100);
  }

  @Test
  void theRowsOfAWindowFunctionKeepTheColumnsSelected() throws Exception {
    String from = " FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(dateTime), INTERVAL '2' SECOND))";
    List<Row> rows = prunedRows("SELECT price, window_end" + from, "SELECT price, window_end, " + EVERY_COLUMN + from,
        "bid.price");
    assertThat(rows).hasSize(1000 * 46 / 50);
  }

  @Test
  void aSessionKeepsItsPartitionKeysThoughNothingAboveReadsThem() throws Exception {
    // Sessions per bidder; the query above reads neither the bidder nor the time.
    String from = " FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(dateTime), INTERVAL '0.3' SECOND))";
    List<Row> rows = prunedRows("SELECT auction, window_start, window_end" + from,
        "SELECT auction, window_start, window_end, " + EVERY_COLUMN + from, "bid.auction, bid.bidder");
    assertThat(rows).hasSize(1000 * 46 / 50);
  }

  @Test
  void aLegacyGroupWindowOverAllColumnsReadsOnlyWhatItAggregates() throws Exception {
    String from = " FROM (SELECT * FROM bid) B GROUP BY B.bidder, TUMBLE(B.dateTime, INTERVAL '2' SECOND)";
    String select = "SELECT B.bidder, COUNT(*), TUMBLE_START(B.dateTime, INTERVAL '2' SECOND)";
    List<Row> rows = prunedRows(select + from, select + ", SUM(" + EVERY_COLUMN + ")" + from, "bid.bidder");
    assertThat(rows).hasSizeGreaterThan(50);
  }
}
