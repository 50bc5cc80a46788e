package io.spate.table.recovery;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.call;
import static io.spate.table.api.Expressions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.functions.Collector;
import io.spate.api.tuple.Tuple2;
import io.spate.runtime.minicluster.ClusterJobClient;
import io.spate.table.api.Table;
import io.spate.table.api.TableEnvironment;
import io.spate.table.api.Tumble;
import io.spate.table.functions.TableAggregateFunction;
import io.spate.table.functions.UserDefinedFunction;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code flatAggregate} survives a failure: each key's accumulator (including what an incremental
 * function remembers of its last emission) is in keyed state, so a run that fails once after a
 * checkpoint and restores it commits the changelog a failure-free run commits, on both backends.
 */
@Tag("fault-injection")
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TableAggregateRecoveryE2ETest {

  private static final long ROWS = 5_000;

  /** The two largest values with their ranks, emitted whole. */
  public static class Top2 extends TableAggregateFunction<Tuple2<Long, Integer>, Top2.Accumulator> {
    /** The two largest values now and at the last emission (for the incremental kind). */
    public static class Accumulator {
      public Long first;
      public Long second;
      public Long emittedFirst;
      public Long emittedSecond;
    }

    @Override
    public Accumulator createAccumulator() {
      return new Accumulator();
    }

    public void accumulate(Accumulator acc, Long value) {
      if (acc.first == null || value > acc.first) {
        acc.second = acc.first;
        acc.first = value;
      } else if (acc.second == null || value > acc.second) {
        acc.second = value;
      }
    }

    public void emitValue(Accumulator acc, Collector<Tuple2<Long, Integer>> out) {
      if (acc.first != null) {
        out.collect(Tuple2.of(acc.first, 1));
      }
      if (acc.second != null) {
        out.collect(Tuple2.of(acc.second, 2));
      }
    }
  }

  /** Top2 emitting only the ranks whose value changed since its last emission. */
  public static class IncrementalTop2 extends Top2 {
    public void emitUpdateWithRetract(Accumulator acc, RetractableCollector<Tuple2<Long, Integer>> out) {
      if (acc.first != null && !acc.first.equals(acc.emittedFirst)) {
        if (acc.emittedFirst != null) {
          out.retract(Tuple2.of(acc.emittedFirst, 1));
        }
        out.collect(Tuple2.of(acc.first, 1));
        acc.emittedFirst = acc.first;
      }
      if (acc.second != null && !acc.second.equals(acc.emittedSecond)) {
        if (acc.emittedSecond != null) {
          out.retract(Tuple2.of(acc.emittedSecond, 2));
        }
        out.collect(Tuple2.of(acc.second, 2));
        acc.emittedSecond = acc.second;
      }
    }
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aFlatAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits("flat-aggregate-" + backend,
        (run, fail) -> run(backend, run, fail, new Top2()));
    assertTopTwoOfEveryKey(SqlRecoveryRuns.finalTable(clean));
    assertThat(clean).anyMatch(row -> row.startsWith("-D"));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void anIncrementalFlatAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend)
      throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(
        "incremental-flat-aggregate-" + backend, (run, fail) -> run(backend, run, fail, new IncrementalTop2()));
    assertTopTwoOfEveryKey(SqlRecoveryRuns.finalTable(clean));
  }

  @ParameterizedTest(name = "state backend {0}")
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void aWindowFlatAggregateRestoredFromACheckpointCommitsWhatAFailureFreeRunCommits(String backend) throws Exception {
    List<String> clean = SqlRecoveryRuns.assertFaultyRunCommitsWhatACleanRunCommits(
        "window-flat-aggregate-" + backend, (run, fail) -> runWindows(backend, run, fail));
    // Row n is at n milliseconds: 5 windows of a second, 7 keys each, two rows per key.
    assertThat(clean).hasSize((int) (ROWS / 1000 * 7 * 2)).allMatch(row -> row.startsWith("+I"));
  }

  private static ClusterJobClient runWindows(String backend, String run, boolean fail) throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, ts AS CAST(TIMESTAMP '2024-01-01 00:00:00'"
        + " + INTERVAL '0.001' SECOND * n AS TIMESTAMP(3)), WATERMARK FOR ts AS ts)"
        + " WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE tops (k BIGINT, w TIMESTAMP(3), v BIGINT, `rank` INT) WITH ("
        + "'connector' = 'committed-rows', 'run' = '" + run + "')");
    Table tops = tEnv.from("numbers")
        .select($("n").mod(7L).as("k"), $("n").times(37L).mod(1001L).as("v"), $("ts"))
        .window(Tumble.over(lit(1).seconds()).on($("ts")).as("w"))
        .groupBy($("w"), $("k"))
        .flatAggregate(call(Top2.class, $("v")).as("v", "rank"))
        .select($("k"), $("w").start(), $("v"), $("rank"));
    tEnv.createTemporaryView("top_two", tops);
    return SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO tops SELECT * FROM top_two");
  }

  /** Key k holds the values (n * 37) % 1001 of the n with n % 7 = k; the top two of each are near 1000. */
  private static void assertTopTwoOfEveryKey(Map<String, Integer> table) {
    java.util.Map<String, Integer> expected = new java.util.TreeMap<>();
    for (long k = 0; k < 7; k++) {
      java.util.List<Long> values = new java.util.ArrayList<>();
      for (long n = k; n < ROWS; n += 7) {
        values.add((n * 37) % 1001);
      }
      values.sort(java.util.Comparator.reverseOrder());
      expected.merge("[" + k + ", " + values.get(0) + ", 1]", 1, Integer::sum);
      expected.merge("[" + k + ", " + values.get(1) + ", 2]", 1, Integer::sum);
    }
    assertThat(table).isEqualTo(expected);
  }

  private static ClusterJobClient run(String backend, String run, boolean fail, UserDefinedFunction function)
      throws Exception {
    TableEnvironment tEnv = SqlRecoveryRuns.session(backend);
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT) WITH ('connector' = 'failing-sequence', 'run' = '" + run
        + "', 'rows' = '" + ROWS + "', 'fail' = '" + fail + "')");
    tEnv.executeSql("CREATE TABLE tops (k BIGINT, v BIGINT, `rank` INT) WITH ('connector' = 'committed-rows',"
        + " 'run' = '" + run + "')");
    Table tops = tEnv.from("numbers")
        .select($("n").mod(7L).as("k"), $("n").times(37L).mod(1001L).as("v"))
        .groupBy($("k"))
        .flatAggregate(call(function, $("v")).as("v", "rank"))
        .select($("k"), $("v"), $("rank"));
    tEnv.createTemporaryView("top_two", tops);
    return SqlRecoveryRuns.runToEnd(tEnv, "INSERT INTO tops SELECT * FROM top_two");
  }
}
