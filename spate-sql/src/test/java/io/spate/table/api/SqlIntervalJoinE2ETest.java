package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Interval joins: a pair goes out when the times of its rows lie within the bounds, each once and as
 * an insert; an outer join pads the rows that found no partner once their interval is over; the output
 * keeps its time attributes for a window aggregate after it.
 */
class SqlIntervalJoinE2ETest {

  private static final int ORDERS = 12;
  private static final int SHIPMENTS = 30;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Order n is placed at minute 10 * n.
    tEnv.executeSql("""
        CREATE TABLE orders (
          oid BIGINT,
          ots AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '10' MINUTE * oid AS TIMESTAMP(3)),
          WATERMARK FOR ots AS ots
        ) WITH ('connector' = 'datagen', 'fields.oid.kind' = 'sequence', 'fields.oid.start' = '1',
                'fields.oid.end' = '""" + ORDERS + "')");
    // Shipment m ships order m % 15 + 1 (orders 13 to 15 do not exist) at minute shippedAt(m).
    tEnv.executeSql("""
        CREATE TABLE shipments (
          sid BIGINT,
          oid AS sid % 15 + 1,
          sts AS CAST(TIMESTAMP '2024-01-01 00:00:00'
              + INTERVAL '1' MINUTE * ((sid % 15 + 1) * 10 + sid * 7 % 50 - 5) AS TIMESTAMP(3)),
          WATERMARK FOR sts AS sts
        ) WITH ('connector' = 'datagen', 'fields.sid.kind' = 'sequence', 'fields.sid.start' = '1',
                'fields.sid.end' = '""" + SHIPMENTS + "')");
  }

  private static long orderMinute(long oid) {
    return oid * 10;
  }

  private static long shippedAt(long sid) {
    return (sid % 15 + 1) * 10 + sid * 7 % 50 - 5;
  }

  /** Whether shipment {@code sid} ships order {@code oid} within [0, 30] minutes ((0, 30] if {@code strict}). */
  private static boolean within(long oid, long sid, boolean strict) {
    long delay = shippedAt(sid) - orderMinute(oid);
    return sid % 15 + 1 == oid && (strict ? delay > 0 : delay >= 0) && delay <= 30;
  }

  @Test
  void anInnerIntervalJoinPairsTheRowsWithinTheBounds() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.oid, s.sid FROM orders o, shipments s
        WHERE o.oid = s.oid AND s.sts BETWEEN o.ots AND o.ots + INTERVAL '30' MINUTE"""));
    List<Row> expected = new ArrayList<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (within(oid, sid, false)) {
          expected.add(Row.of(oid, sid));
        }
      }
    }
    assertThat(expected).hasSizeBetween(5, SHIPMENTS - 5);
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aFullOuterIntervalJoinPadsEachRowWithoutAPartnerOnce() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.oid, s.sid FROM orders o FULL JOIN shipments s
        ON o.oid = s.oid AND s.sts > o.ots AND s.sts <= o.ots + INTERVAL '30' MINUTE"""));
    List<Row> expected = new ArrayList<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      boolean shipped = false;
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (within(oid, sid, true)) {
          expected.add(Row.of(oid, sid));
          shipped = true;
        }
      }
      if (!shipped) {
        expected.add(Row.of(oid, null));
      }
    }
    for (long sid = 1; sid <= SHIPMENTS; sid++) {
      boolean matched = false;
      for (long oid = 1; oid <= ORDERS; oid++) {
        matched |= within(oid, sid, true);
      }
      if (!matched) {
        expected.add(Row.of(null, sid));
      }
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aLeftIntervalJoinWithTheBoundsTheOtherWayRoundPadsUnshippedOrders() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.oid, s.sid FROM orders o LEFT JOIN shipments s
        ON o.oid = s.oid AND o.ots >= s.sts - INTERVAL '30' MINUTE AND o.ots < s.sts"""));
    List<Row> expected = new ArrayList<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      boolean shipped = false;
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (within(oid, sid, true)) {
          expected.add(Row.of(oid, sid));
          shipped = true;
        }
      }
      if (!shipped) {
        expected.add(Row.of(oid, null));
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theOutputOfAnIntervalJoinFeedsAWindowAggregateOnEitherTime() throws Exception {
    tEnv.executeSql("""
        CREATE TEMPORARY VIEW shipped AS
        SELECT o.oid, o.ots, s.sid, s.sts FROM orders o JOIN shipments s
        ON o.oid = s.oid AND s.sts BETWEEN o.ots AND o.ots + INTERVAL '30' MINUTE""");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, COUNT(*) AS shipments
        FROM TABLE(TUMBLE(TABLE shipped, DESCRIPTOR(ots), INTERVAL '1' HOUR))
        GROUP BY window_start, window_end"""));
    Map<LocalDateTime, Long> perHour = new TreeMap<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (within(oid, sid, false)) {
          perHour.merge(EPOCH.plusHours(orderMinute(oid) / 60), 1L, Long::sum);
        }
      }
    }
    List<Row> expected = new ArrayList<>();
    perHour.forEach((hour, count) -> expected.add(Row.of(hour, count)));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void anIntervalJoinNeedsNoEqualKeys() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.oid, s.sid FROM orders o JOIN shipments s
        ON s.sts >= o.ots - INTERVAL '5' MINUTE AND s.sts <= o.ots + INTERVAL '5' MINUTE"""));
    List<Row> expected = new ArrayList<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (Math.abs(shippedAt(sid) - orderMinute(oid)) <= 5) {
          expected.add(Row.of(oid, sid));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aJoinBoundedOnOneSideOnlyIsARegularJoin() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT o.oid, s.sid FROM orders o JOIN shipments s ON o.oid = s.oid AND s.sts >= o.ots"""));
    List<Row> expected = new ArrayList<>();
    for (long oid = 1; oid <= ORDERS; oid++) {
      for (long sid = 1; sid <= SHIPMENTS; sid++) {
        if (sid % 15 + 1 == oid && shippedAt(sid) >= orderMinute(oid)) {
          expected.add(Row.of(oid, sid));
        }
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }
}
