package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Window joins: rows of the same tumbling window and key pair up once the window closes, each pair
 * once, as an insert; outer joins pad the rows of a window that found no partner in it.
 */
class SqlWindowJoinE2ETest {

  private static final int LEFTS = 40;
  private static final int RIGHTS = 30;

  private TableEnvironment tEnv;

  @BeforeEach
  void createTables() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "2");
    // Left row n has key n % 3 at 45 * n seconds; right row m has key m % 4 at 70 * m seconds.
    tEnv.executeSql("""
        CREATE TABLE lefts (
          n INT, k AS n % 3,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '45' SECOND * n AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence', 'fields.n.start' = '0',
                'fields.n.end' = '""" + (LEFTS - 1) + "')");
    tEnv.executeSql("""
        CREATE TABLE rights (
          m INT, k AS m % 4,
          ts AS CAST(TIMESTAMP '2024-01-01 00:00:00' + INTERVAL '70' SECOND * m AS TIMESTAMP(3)),
          WATERMARK FOR ts AS ts
        ) WITH ('connector' = 'datagen', 'fields.m.kind' = 'sequence', 'fields.m.start' = '0',
                'fields.m.end' = '""" + (RIGHTS - 1) + "')");
  }

  private static String join(String type) {
    return "SELECT L.n, R.m FROM (SELECT * FROM TABLE(TUMBLE(TABLE lefts, DESCRIPTOR(ts), INTERVAL '5' MINUTES))) L "
        + type + " JOIN (SELECT * FROM TABLE(TUMBLE(TABLE rights, DESCRIPTOR(ts), INTERVAL '5' MINUTES))) R"
        + " ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k";
  }

  private static boolean together(int n, int m) {
    return n % 3 == m % 4 && 45 * n / 300 == 70 * m / 300;
  }

  private static List<Row> expected(boolean leftOuter, boolean rightOuter) {
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < LEFTS; n++) {
      boolean matched = false;
      for (int m = 0; m < RIGHTS; m++) {
        if (together(n, m)) {
          expected.add(Row.of(n, m));
          matched = true;
        }
      }
      if (!matched && leftOuter) {
        expected.add(Row.of(n, null));
      }
    }
    for (int m = 0; m < RIGHTS && rightOuter; m++) {
      boolean matched = false;
      for (int n = 0; n < LEFTS; n++) {
        matched |= together(n, m);
      }
      if (!matched) {
        expected.add(Row.of(null, m));
      }
    }
    return expected;
  }

  @Test
  void anInnerWindowJoinPairsTheRowsOfAWindowAndKey() throws Exception {
    List<Row> rows = rows(tEnv.executeSql(join("INNER")));
    assertThat(expected(false, false)).hasSizeGreaterThan(10);
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(false, false));
  }

  @Test
  void aFullWindowJoinPadsTheRowsWithoutAPartnerInTheirWindow() throws Exception {
    List<Row> rows = rows(tEnv.executeSql(join("FULL")));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(true, true));
  }

  @Test
  void aHoppingWindowJoinPairsTheRowsOnceForEachWindowTheyShare() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT L.n, R.m"
        + " FROM (SELECT * FROM TABLE(HOP(TABLE lefts, DESCRIPTOR(ts), INTERVAL '5' MINUTES,"
        + " INTERVAL '10' MINUTES))) L"
        + " JOIN (SELECT * FROM TABLE(HOP(TABLE rights, DESCRIPTOR(ts), INTERVAL '5' MINUTES,"
        + " INTERVAL '10' MINUTES))) R"
        + " ON L.window_start = R.window_start AND L.window_end = R.window_end AND L.k = R.k"));
    List<Row> expected = new ArrayList<>();
    for (int n = 0; n < LEFTS; n++) {
      for (int m = 0; m < RIGHTS; m++) {
        // Windows of 600 s every 300 s: time t is in the two windows starting at multiples of 300 in (t - 600, t].
        for (int start = 45 * n / 300 * 300; start > 45 * n - 600; start -= 300) {
          if (n % 3 == m % 4 && 70 * m >= start && 70 * m < start + 600) {
            expected.add(Row.of(n, m));
          }
        }
      }
    }
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void aLeftWindowJoinPadsOnlyTheLeftRows() throws Exception {
    List<Row> rows = rows(tEnv.executeSql(join("LEFT")));
    assertThat(rows).allSatisfy(row -> assertThat(row.getKind()).isEqualTo(RowKind.INSERT));
    assertThat(rows).containsExactlyInAnyOrderElementsOf(expected(true, false));
  }
}
