package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * As in Flink, a window aggregate's {@code window_start} and {@code window_end} keep their meaning: a
 * GROUP BY of them is a window aggregate again (a cascade), and a join on them a window join, so both
 * emit each window's rows once, insert-only, and an insert-only sink takes them.
 */
class SqlCascadedWindowsE2ETest {

  private static final int ROWS = 200;
  private static final LocalDateTime ORIGIN = LocalDateTime.of(2024, 1, 1, 0, 0);

  /** Per window and key, how many rows: row n has key n % 5 and time 10 s * n. */
  private static final String COUNTS = "SELECT k, COUNT(*) AS cnt, window_start AS ws, window_end AS we"
      + " FROM TABLE(%s(TABLE events, DESCRIPTOR(ts), %s)) GROUP BY k, window_start, window_end";

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    tEnv.getConfig().set("table.dml-sync", "true");
    tEnv.executeSql("""
        CREATE TABLE events (
          n INT, k AS n % 5,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '10' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (ROWS - 1) + "')");
  }

  /** The counts per window start (minutes after the origin) and key of windows of {@code size}/{@code slide} minutes. */
  private static Map<Integer, Map<Integer, Long>> counts(int sizeMinutes, int slideMinutes) {
    Map<Integer, Map<Integer, Long>> counts = new TreeMap<>();
    for (int n = 0; n < ROWS; n++) {
      int second = 10 * n;
      for (int start = (second / 60 / slideMinutes) * slideMinutes; start > second / 60 - sizeMinutes; start -= slideMinutes) {
        if (start >= 0 || start * 60 + sizeMinutes * 60 > second) {
          counts.computeIfAbsent(start, s -> new TreeMap<>()).merge(n % 5, 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  @Test
  void aGroupByOfAWindowAggregatesWindowIsAnInsertOnlyWindowAggregate() {
    String query = "SELECT ws, we, MAX(cnt) AS most, COUNT(*) AS keys FROM (" + String.format(COUNTS, "TUMBLE",
        "INTERVAL '1' MINUTE") + ") GROUP BY ws, we";
    assertThat(tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE)).doesNotContain("UB").doesNotContain("UA");
    List<Row> expected = new ArrayList<>();
    counts(1, 1).forEach((start, perKey) -> expected.add(Row.of(ORIGIN.plusMinutes(start),
        ORIGIN.plusMinutes(start + 1), perKey.values().stream().max(Long::compare).orElseThrow(), (long) perKey.size())));
    assertThat(rows(tEnv.executeSql(query))).containsExactlyInAnyOrderElementsOf(expected);

    String run = "cascade-" + java.util.UUID.randomUUID();
    tEnv.executeSql("CREATE TABLE appends (ws TIMESTAMP(3), we TIMESTAMP(3), most BIGINT, keys BIGINT) WITH ("
        + "'connector' = 'changelog-collect', 'changelog-mode' = 'insert-only', 'run' = '" + run + "')");
    tEnv.executeSql("INSERT INTO appends " + query);
    assertThat(ChangelogCollectingSink.received(run)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aJoinOfWindowAggregatesOnTheirWindowsIsAWindowJoin() {
    // Nexmark q5's shape: in each hopping window, the keys with the most rows.
    String counts = String.format(COUNTS, "HOP", "INTERVAL '1' MINUTE, INTERVAL '2' MINUTE");
    String query = "SELECT c.k, c.cnt, c.ws FROM (" + counts + ") AS c JOIN (SELECT MAX(cnt) AS most, ws, we FROM ("
        + counts + ") GROUP BY ws, we) AS m ON c.ws = m.ws AND c.we = m.we AND c.cnt >= m.most";
    String plan = tEnv.explainSql(query, ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).doesNotContain("UB").doesNotContain(",D]");
    List<Row> expected = new ArrayList<>();
    counts(2, 1).forEach((start, perKey) -> {
      long most = perKey.values().stream().max(Long::compare).orElseThrow();
      perKey.forEach((k, cnt) -> {
        if (cnt == most) {
          expected.add(Row.of(k, cnt, ORIGIN.plusMinutes(start)));
        }
      });
    });
    assertThat(rows(tEnv.executeSql(query))).containsExactlyInAnyOrderElementsOf(expected);
  }
}
