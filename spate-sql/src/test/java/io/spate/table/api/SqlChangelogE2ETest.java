package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every node of a plan knows the changes it emits, EXPLAIN CHANGELOG_MODE shows them, and a sink is
 * given only the changes it takes: an insert-only sink refuses an updating query, an upsert sink
 * needs a primary key and gets no update-before rows.
 */
class SqlChangelogE2ETest {

  private static final String WORDS = "(VALUES ('a'), ('b'), ('a')) AS words(k)";

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
    tEnv.executeSql("CREATE TABLE numbers (n BIGINT, k STRING) WITH ('connector' = 'datagen',"
        + " 'number-of-rows' = '10', 'fields.k.length' = '1')");
  }

  @Test
  void explainChangelogModeShowsWhatEveryNodeEmits() {
    String plan = explain("EXPLAIN CHANGELOG_MODE SELECT k, cnt, COUNT(*) AS keys FROM"
        + " (SELECT k, COUNT(*) AS cnt FROM numbers GROUP BY k) GROUP BY k, cnt");
    List<String> aggregates = lines(plan, "LogicalAggregate");
    assertThat(aggregates).hasSize(2);
    assertThat(aggregates.get(0)).endsWith("changelogMode=[I,UB,UA,D])");
    assertThat(aggregates.get(1)).endsWith("changelogMode=[I,UB,UA])");
    assertThat(lines(plan, "LogicalTableScan")).singleElement().asString().endsWith("changelogMode=[I])");

    String join = explain("EXPLAIN CHANGELOG_MODE SELECT * FROM numbers a LEFT JOIN numbers b ON a.n = b.n");
    assertThat(lines(join, "LogicalJoin")).singleElement().asString().endsWith("changelogMode=[I,D])");
    String inner = tEnv.explainSql("SELECT * FROM numbers a JOIN numbers b ON a.n = b.n",
        ExplainDetail.CHANGELOG_MODE);
    assertThat(lines(inner, "LogicalJoin")).singleElement().asString().endsWith("changelogMode=[I])");
  }

  @Test
  void explainWithoutTheDetailShowsNoChangelogModes() {
    assertThat(explain("EXPLAIN SELECT k, COUNT(*) FROM numbers GROUP BY k")).doesNotContain("changelogMode");
    assertThat(tEnv.sqlQuery("SELECT k, COUNT(*) FROM numbers GROUP BY k").explain(ExplainDetail.CHANGELOG_MODE))
        .contains("changelogMode=[I,UB,UA]");
  }

  @Test
  void theChangelogPageShowsThePlanThatExplainGives() {
    String plan = tEnv.explainSql(
        "SELECT k, COUNT(*) AS cnt FROM numbers GROUP BY k", ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).contains("== Optimized Logical Plan ==\n"
        + "LogicalAggregate(group=[{0}], cnt=[COUNT()], changelogMode=[I,UB,UA])\n"
        + "  LogicalProject(k=[$1], changelogMode=[I])\n"
        + "    LogicalTableScan(table=[[default_catalog, default_database, numbers]], project=[k],"
        + " changelogMode=[I])\n");
  }

  @Test
  void anInsertOnlySinkRefusesAnUpdatingQueryNamingTheNode() {
    sink("sink_out", "insert-only", "k STRING, cnt BIGINT", "");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO sink_out SELECT k, COUNT(*) AS cnt FROM numbers GROUP BY k"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Table sink 'default_catalog.default_database.sink_out' takes only inserts")
        .hasMessageContaining("update changes")
        .hasMessageContaining("GroupAggregate(groupBy=[k], select=[k, COUNT(*) AS cnt])");

    sink("joined", "insert-only", "a BIGINT, b BIGINT", "");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO joined SELECT a.n, b.n FROM numbers a LEFT JOIN numbers b"
        + " ON a.n = b.n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("delete changes")
        .hasMessageContaining("Join(joinType=[LeftOuterJoin]");
  }

  @Test
  void aTopNIsAChangelogAndAKeepFirstDeduplicationIsNot() {
    sink("top_out", "insert-only", "k STRING, n BIGINT", "");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO top_out SELECT k, n FROM (SELECT k, n, ROW_NUMBER() OVER"
        + " (PARTITION BY k ORDER BY n DESC) AS rn FROM numbers) WHERE rn <= 2"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("takes only inserts")
        .hasMessageContaining("made by node Rank(select=[");
    assertThat(lines(explain("EXPLAIN CHANGELOG_MODE SELECT k, n, rn FROM (SELECT k, n, ROW_NUMBER() OVER"
        + " (PARTITION BY k ORDER BY n DESC) AS rn FROM numbers) WHERE rn <= 2"), "LogicalProject").get(0))
        .endsWith("changelogMode=[I,UB,UA,D])");
  }

  @Test
  void anInsertOnlySinkTakesAnInsertOnlyQuery() {
    String run = sink("plain", "insert-only", "k STRING", "");
    tEnv.executeSql("INSERT INTO plain SELECT k FROM " + WORDS + " WHERE k = 'a'");
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(Row.of("a"), Row.of("a"));
  }

  @Test
  void anUpsertSinkWithoutAPrimaryKeyIsRefused() {
    sink("counts", "upsert", "k STRING, cnt BIGINT", "");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Table sink 'default_catalog.default_database.counts' takes changes as upserts")
        .hasMessageContaining("PRIMARY KEY");
  }

  @Test
  void anUpsertSinkGetsTheChangesWithoutUpdateBeforeRows() {
    String run = sink("counts", "upsert", "k STRING, cnt BIGINT", ", PRIMARY KEY (k) NOT ENFORCED");
    tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(
        Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.INSERT, "b", 1L),
        Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
  }

  @Test
  void aRetractSinkGetsEveryChange() {
    String run = sink("counts", "all", "k STRING, cnt BIGINT", "");
    tEnv.executeSql("INSERT INTO counts SELECT k, COUNT(*) FROM " + WORDS + " GROUP BY k");
    assertThat(ChangelogCollectingSink.received(run)).containsExactly(
        Row.ofKind(RowKind.INSERT, "a", 1L), Row.ofKind(RowKind.INSERT, "b", 1L),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1L), Row.ofKind(RowKind.UPDATE_AFTER, "a", 2L));
  }

  /** Creates the collecting sink table {@code name} with {@code mode}, and returns its run name. */
  private String sink(String name, String mode, String columns, String constraint) {
    String run = name + "-" + UUID.randomUUID();
    tEnv.executeSql("CREATE TABLE " + name + " (" + columns + constraint + ") WITH ('connector' = 'changelog-collect',"
        + " 'run' = '" + run + "', 'changelog-mode' = '" + mode + "')");
    return run;
  }

  private String explain(String statement) {
    return TableResults.rows(tEnv.executeSql(statement)).get(0).getField(0).toString();
  }

  private static List<String> lines(String plan, String node) {
    String optimized = plan.substring(plan.indexOf("== Optimized Logical Plan =="));
    return Arrays.stream(optimized.split("\n")).map(String::trim).filter(l -> l.startsWith(node)).toList();
  }
}
