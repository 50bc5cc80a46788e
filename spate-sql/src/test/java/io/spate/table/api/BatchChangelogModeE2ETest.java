package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** In batch mode a sort and a set operation emit their final rows as inserts, and say so. */
class BatchChangelogModeE2ETest {

  private static final String NUMBERS = "(VALUES (3, 'c'), (1, 'a'), (2, 'b'), (1, 'a')) AS t (n, s)";

  @Test
  void aSortWithALimitIsInsertOnlyInBatchModeAndUpdatingInStreamingMode() {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    TableEnvironment streaming = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    String query = "SELECT n FROM " + NUMBERS + " ORDER BY n DESC LIMIT 2";
    assertThat(batch.explainSql(query, ExplainDetail.CHANGELOG_MODE)).contains("changelogMode=[I]")
        .doesNotContain("changelogMode=[I,D]");
    assertThat(streaming.explainSql(query, ExplainDetail.CHANGELOG_MODE)).contains("changelogMode=[I,D]");
    String except = "SELECT n FROM " + NUMBERS + " EXCEPT SELECT 2";
    assertThat(batch.explainSql(except, ExplainDetail.CHANGELOG_MODE)).doesNotContain("changelogMode=[I,D]");
    assertThat(streaming.explainSql(except, ExplainDetail.CHANGELOG_MODE)).contains("changelogMode=[I,D]");
  }

  @Test
  void anInsertOnlySinkTakesABatchSort() throws Exception {
    TableEnvironment batch = TableEnvironment.create(EnvironmentSettings.inBatchMode());
    batch.getConfig().set("parallelism.default", "1");
    String run = UUID.randomUUID().toString();
    batch.executeSql("CREATE TABLE top (n INT) WITH ('connector' = 'changelog-collect', 'run' = '" + run + "',"
        + " 'changelog-mode' = 'insert-only')");
    batch.executeSql("INSERT INTO top SELECT n FROM " + NUMBERS + " ORDER BY n DESC LIMIT 2").await();
    batch.executeSql("INSERT INTO top SELECT n FROM " + NUMBERS + " EXCEPT SELECT 2").await();
    assertThat(ChangelogCollectingSink.received(run))
        .containsExactlyInAnyOrder(Row.of(3), Row.of(2), Row.of(1), Row.of(3));
  }
}
