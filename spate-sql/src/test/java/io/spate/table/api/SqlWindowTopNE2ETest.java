package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.spate.api.datastream.DataStream;
import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.api.bridge.java.StreamTableEnvironment;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window Top-N: a Top-N partitioned by {@code window_start} and {@code window_end} emits each
 * window's first ranks once, as inserts, when the watermark passes the window; over a window
 * aggregate and over a window table function's rows.
 */
class SqlWindowTopNE2ETest {

  private static final int BIDS = 60;
  private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

  private TableEnvironment tEnv;

  @BeforeEach
  void createTable() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Bid n is for item n % 3, at n seconds, for (n * 37) % 101: no two bids, and no two items' totals
    // in one window, are equal, so every rank is certain.
    tEnv.executeSql("""
        CREATE TABLE bids (
          n BIGINT,
          item AS CAST(n % 3 AS INT),
          price AS (n * 37) % 101,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '1' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts - INTERVAL '2' SECOND
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (BIDS - 1) + "')");
  }

  @Test
  void theTopTwoItemsOfEachWindowAggregateGoOutOnceAsInserts() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, window_end, item, total, rn FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS rn FROM (
            SELECT window_start, window_end, item, SUM(price) AS total
            FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND))
            GROUP BY window_start, window_end, item))
        WHERE rn <= 2"""));
    List<Row> expected = new ArrayList<>();
    for (int window = 0; window < BIDS / 10; window++) {
      List<int[]> totals = new ArrayList<>();
      for (int item = 0; item < 3; item++) {
        int total = 0;
        for (int n = window * 10; n < window * 10 + 10; n++) {
          total += n % 3 == item ? (n * 37) % 101 : 0;
        }
        totals.add(new int[] {item, total});
      }
      totals.sort(Comparator.comparingInt((int[] t) -> t[1]).reversed());
      for (int rank = 1; rank <= 2; rank++) {
        int[] top = totals.get(rank - 1);
        expected.add(Row.of(EPOCH.plusSeconds(window * 10L), EPOCH.plusSeconds(window * 10L + 10), top[0], top[1],
            (long) rank));
      }
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theTopThreeBidsOfEachWindowWithoutTheirRanks() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT window_start, n, price FROM (
          SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
          FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
        WHERE rn <= 3"""));
    List<Row> expected = new ArrayList<>();
    for (int window = 0; window < BIDS / 10; window++) {
      List<Long> ns = new ArrayList<>();
      for (long n = window * 10L; n < window * 10L + 10; n++) {
        ns.add(n);
      }
      ns.sort(Comparator.comparingLong((Long n) -> (n * 37) % 101).reversed());
      for (Long n : ns.subList(0, 3)) {
        expected.add(Row.of(EPOCH.plusSeconds(window * 10L), n, (int) ((n * 37) % 101)));
      }
    }
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  /**
   * RANK(), DENSE_RANK() and ROW_NUMBER() in a window Top-N partitioned by the window and a key, over random
   * rows with many ties in the order: each window's rows of the ranks asked for go out once, as inserts, with
   * their ranks as a reference computes them from the rows (ties share a rank; RANK() then skips, DENSE_RANK()
   * does not; ROW_NUMBER() numbers ties in arrival order).
   */
  @Test
  void rankAndDenseRankInAWindowTopNInsertEachWindowsRanksOnceForAnyInput() {
    qt().withExamples(10).withShrinkCycles(10).forAll(
        lists().of(integers().between(0, 99_999)).ofSizeBetween(1, 40),
        integers().between(0, 2), integers().between(1, 2), integers().between(1, 3))
        .checkAssert((codes, function, rankStart, span) -> {
          String rankFunction = List.of("RANK", "DENSE_RANK", "ROW_NUMBER").get(function);
          long rankEnd = rankStart + span - 1;
          // Code c: the row's second grows by c % 3 (so times never go back), its key is c / 3 % 2, its score
          // c / 6 % 4 (ties aplenty).
          List<long[]> events = new ArrayList<>(); // n, second, key, score
          long second = 0;
          for (int i = 0; i < codes.size(); i++) {
            int code = codes.get(i);
            second += code % 3;
            events.add(new long[] {i, second, code / 3 % 2, code / 6 % 4});
          }
          String query = "SELECT window_start, k, n, score, rn FROM (SELECT *, " + rankFunction
              + "() OVER (PARTITION BY window_start, window_end, k ORDER BY score DESC) AS rn"
              + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '5' SECOND)))"
              + " WHERE rn <= " + rankEnd + " AND rn >= " + rankStart;

          List<Row> rows = windowTopN(events, query);

          Map<List<Long>, List<long[]>> partitions = new LinkedHashMap<>();
          for (long[] event : events) {
            partitions.computeIfAbsent(List.of(event[1] - event[1] % 5, event[2]), p -> new ArrayList<>()).add(event);
          }
          List<Row> expected = new ArrayList<>();
          partitions.forEach((partition, partitionEvents) -> {
            List<long[]> sorted = new ArrayList<>(partitionEvents);
            sorted.sort(Comparator.comparingLong((long[] e) -> e[3]).reversed()); // stable: ties in arrival order
            for (int i = 0; i < sorted.size(); i++) {
              long[] event = sorted.get(i);
              long above = sorted.stream().filter(e -> e[3] > event[3]).count();
              long distinctAbove = sorted.stream().filter(e -> e[3] > event[3]).mapToLong(e -> e[3]).distinct().count();
              long rank = rankFunction.equals("RANK") ? above + 1 : rankFunction.equals("DENSE_RANK")
                  ? distinctAbove + 1 : i + 1;
              if (rank >= rankStart && rank <= rankEnd) {
                expected.add(Row.of(EPOCH.plusSeconds(partition.get(0)), (int) event[2], event[0], (int) event[3],
                    rank));
              }
            }
          });
          assertThat(rows).as(query).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
          assertThat(rows).as(query).containsExactlyInAnyOrderElementsOf(expected);
        });
  }

  /** A window Top-N with DENSE_RANK() runs as a window rank, whose result only inserts, not as a regular Top-N. */
  @Test
  void aWindowTopNWithDenseRankIsAWindowRankThatOnlyInserts() {
    String query = """
        SELECT * FROM (
          SELECT *, DENSE_RANK() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rn
          FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)))
        WHERE rn <= 3""";
    String plan = tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE);
    String optimized = plan.substring(plan.indexOf("== Optimized Logical Plan ==\n") + 29);
    assertThat(optimized.lines().findFirst().orElseThrow()).contains("changelogMode=[I]");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    StreamTableEnvironment streams = StreamTableEnvironment.create(env);
    streams.executeSql("CREATE TABLE bids (n BIGINT, price AS (n * 37) % 101, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '1' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '10')");
    // toDataStream takes an insert-only table only, and one rowtime attribute: ts is one as window_time is
    streams.toDataStream(streams.sqlQuery("SELECT n, price, window_time, rn FROM (" + query + ")")).print();
    assertThat(env.getExecutionPlan()).contains("WindowRank(rankType=[DENSE_RANK]").doesNotContain("RetractStrategy");
  }

  /**
   * The rows of {@code query} over table {@code events (n, ts, k, score)} made of {@code events} (n, second, key,
   * score), read in one subtask in their order, the watermark following the times.
   */
  private static List<Row> windowTopN(List<long[]> events, String query) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment streams = StreamTableEnvironment.create(env);
    List<Row> rows = new ArrayList<>();
    for (long[] event : events) {
      rows.add(Row.of(event[0], EPOCH.plusSeconds(event[1]), (int) event[2], (int) event[3]));
    }
    DataStream<Row> stream = env.fromData(rows, Types.ROW_NAMED(new String[] {"n", "ts", "k", "score"}, Types.LONG,
            Types.LOCAL_DATE_TIME, Types.INT, Types.INT))
        .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forMonotonousTimestamps()
            .withTimestampAssigner((row, previous) -> ((LocalDateTime) row.getField(1)).toInstant(ZoneOffset.UTC)
                .toEpochMilli()));
    // ts replaced by the records' timestamps (the same instants) as the rowtime attribute, which windows need.
    streams.createTemporaryView("events", stream, $("n"), $("ts").rowtime(), $("k"), $("score"));
    return rows(streams.executeSql(query));
  }
}
