package io.spate.table.api.bridge.java;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.datastream.StreamExecutionEnvironment;
import io.spate.api.eventtime.WatermarkStrategy;
import io.spate.api.typeinfo.Types;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.connectors.datagen.DataGeneratorSource;
import io.spate.connectors.datagen.RateLimiterStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code table.exec.state.ttl}: a key of a GROUP BY or a join that saw no input for longer than the
 * retention starts afresh; without it, state is kept for ever.
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
    return tEnv;
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
}
