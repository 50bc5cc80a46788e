package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import io.spate.table.testing.ChangelogFold;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.state.ttl}: a key of a GROUP BY, a join, a Top-N, a deduplication or an OVER
 * aggregate that saw no input for longer than the retention starts afresh; without it, state is kept
 * for ever.
 */
class SqlStateTtlE2ETest {

  /**
   * A session whose view {@code keys} is the key "a" twice, a second apart (the source's rate
   * limiter makes the gap without blocking the task, so the first row is handed on at once).
   */
  private static StreamTableEnvironment sessionWithKeys(String ttl) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
    tEnv.getConfig().set("table.exec.state.ttl", ttl);
    tEnv.createTemporaryView("keys", env.fromSource(new DataGeneratorSource<>(index -> "a", 2,
        RateLimiterStrategy.perSecond(1), Types.STRING), WatermarkStrategy.noWatermarks(), "keys"));
    tEnv.createTemporaryView("once", env.fromSource(new DataGeneratorSource<>(index -> "a", 1,
        RateLimiterStrategy.perSecond(1), Types.STRING), WatermarkStrategy.noWatermarks(), "once"));
    return tEnv;
  }

  /** The changes of {@code query} over the view {@code keys} (and {@code once}, the key "a" once). */
  private static List<Row> changes(String ttl, String query) throws Exception {
    StreamTableEnvironment tEnv = sessionWithKeys(ttl);
    return tEnv.toChangelogStream(tEnv.sqlQuery(query)).executeAndCollect(100);
  }

  /** The rows left after applying the changes of {@code query}, with their counts. */
  private static Map<Row, Integer> finalRows(String ttl, String query) throws Exception {
    return ChangelogFold.fold(changes(ttl, query));
  }


  private static List<Row> countChanges(String ttl) throws Exception {
    StreamTableEnvironment tEnv = sessionWithKeys(ttl);
    return tEnv.toChangelogStream(tEnv.sqlQuery("SELECT f0, COUNT(*) AS n FROM keys GROUP BY f0"))
        .executeAndCollect(100);
  }

  @Test
  void aGroupByForgetsAKeyIdleForLongerThanTheRetention() throws Exception {
    assertThat(countChanges("200 ms")).containsExactly(
        Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.INSERT, "a", 1L));
  }

  @Test
  void withoutARetentionAGroupByKeepsItsKeysForEver() throws Exception {
    assertThat(countChanges("0 ms")).containsExactly(Row.ofKind(RowKind.INSERT, "a", 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L), Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
  }

  private static List<Row> joined(String ttl) throws Exception {
    StreamTableEnvironment tEnv = sessionWithKeys(ttl);
    return tEnv.toDataStream(tEnv.sqlQuery("SELECT l.f0 AS l, r.f0 AS r FROM keys l JOIN keys r ON l.f0 = r.f0"))
        .executeAndCollect(100);
  }

  @Test
  void aJoinForgetsRowsIdleForLongerThanTheRetention() throws Exception {
    // Both sides read the same stream. The first rows join each other; the second ones, 1 s later,
    // find the first ones gone and join only each other.
    assertThat(joined("200 ms")).containsExactly(Row.of("a", "a"), Row.of("a", "a"));
  }

  @Test
  void withoutARetentionAJoinKeepsItsRowsForEver() throws Exception {
    // The second rows also join the first ones: 1 + 1 + 2.
    assertThat(joined("0 ms")).hasSize(4).containsOnly(Row.of("a", "a"));
  }

  private static final String TOP_1 = "SELECT f0 FROM (SELECT f0, ROW_NUMBER() OVER (PARTITION BY f0 ORDER BY f0) AS rn"
      + " FROM keys) WHERE rn <= 1";

  @Test
  void aTopNForgetsAKeyIdleForLongerThanTheRetention() throws Exception {
    // The second "a" ties with the first and stays out of the top 1, unless the first was forgotten.
    assertThat(changes("200 ms", TOP_1)).containsExactly(Row.ofKind(RowKind.INSERT, "a"),
        Row.ofKind(RowKind.INSERT, "a"));
    assertThat(changes("0 ms", TOP_1)).containsExactly(Row.ofKind(RowKind.INSERT, "a"));
  }

  private static final String FIRST_ROW = "SELECT f0 FROM (SELECT f0, ROW_NUMBER() OVER (PARTITION BY f0 ORDER BY pt)"
      + " AS rn FROM (SELECT f0, PROCTIME() AS pt FROM keys)) WHERE rn = 1";

  @Test
  void aDeduplicationForgetsAKeyIdleForLongerThanTheRetention() throws Exception {
    assertThat(changes("200 ms", FIRST_ROW)).containsExactly(Row.ofKind(RowKind.INSERT, "a"),
        Row.ofKind(RowKind.INSERT, "a"));
    assertThat(changes("0 ms", FIRST_ROW)).containsExactly(Row.ofKind(RowKind.INSERT, "a"));
  }

  private static final String RUNNING_COUNT = "SELECT f0, COUNT(*) OVER (PARTITION BY f0 ORDER BY pt"
      + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS n FROM (SELECT f0, PROCTIME() AS pt FROM keys)";

  @Test
  void anOverAggregateForgetsAPartitionIdleForLongerThanTheRetention() throws Exception {
    assertThat(changes("200 ms", RUNNING_COUNT)).containsExactly(Row.ofKind(RowKind.INSERT, "a", 1L),
        Row.ofKind(RowKind.INSERT, "a", 1L));
    assertThat(changes("0 ms", RUNNING_COUNT)).containsExactly(Row.ofKind(RowKind.INSERT, "a", 1L),
        Row.ofKind(RowKind.INSERT, "a", 2L));
  }

  @Test
  void aSemiJoinForgetsRowsIdleForLongerThanTheRetention() throws Exception {
    // "once" has its row only at the start: the second "a" of keys finds it only without retention.
    String semi = "SELECT f0 FROM keys WHERE f0 IN (SELECT f0 FROM once)";
    assertThat(finalRows("200 ms", semi)).isEqualTo(Map.of(Row.of("a"), 1));
    assertThat(finalRows("0 ms", semi)).isEqualTo(Map.of(Row.of("a"), 2));
  }

  @Test
  void anAntiJoinForgetsRowsIdleForLongerThanTheRetention() throws Exception {
    String anti = "SELECT f0 FROM keys WHERE f0 NOT IN (SELECT f0 FROM once)";
    assertThat(finalRows("200 ms", anti)).isEqualTo(Map.of(Row.of("a"), 1));
    assertThat(finalRows("0 ms", anti)).isEmpty();
  }
}
