package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.common.JobClient;
import io.spate.api.types.Row;
import io.spate.api.types.RowKind;
import io.spate.table.catalog.ObjectIdentifier;
import io.spate.table.testing.ChangelogFold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement sets, {@code insertInto} pipelines and {@code executeInsert} write into sinks as INSERTs do. */
class TableApiStatementSetE2ETest {

  private static final int ROWS = 6;

  private TableEnvironment tEnv;
  private String run;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
    tEnv.executeSql("CREATE TABLE numbers (id BIGINT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '"
        + ROWS + "', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '" + ROWS + "',"
        + " 'fields.v.min' = '0', 'fields.v.max' = '100')");
    run = UUID.randomUUID().toString();
  }

  private void createSink(String name, String columns) {
    tEnv.executeSql("CREATE TABLE " + name + " (" + columns + ") WITH ('connector' = 'changelog-collect',"
        + " 'run' = '" + run + "-" + name + "')");
  }

  private List<Row> received(String sink) {
    return ChangelogCollectingSink.received(run + "-" + sink);
  }

  private List<Row> numbers() {
    List<Row> rows = new ArrayList<>();
    TableResults.rows(tEnv.from("numbers").execute()).forEach(rows::add);
    return rows;
  }

  @Test
  void aStatementSetWritesTwoSinksFromOneSourceInOneJob() throws Exception {
    createSink("evens", "id BIGINT, v INT");
    createSink("doubled", "id BIGINT, twice INT");
    List<Row> numbers = numbers();
    Table source = tEnv.from("numbers");
    StatementSet set = tEnv.createStatementSet()
        .addInsert("evens", source.where($("id").mod(2).isEqual(0)))
        .addInsertSql("INSERT INTO doubled SELECT id, v * 2 FROM numbers");
    TableResult result = set.execute();
    JobClient job = result.getJobClient().orElseThrow();
    result.await();

    List<Row> evens = numbers.stream().filter(r -> (Long) r.getField(0) % 2 == 0).toList();
    List<Row> doubled = numbers.stream().map(r -> Row.of(r.getField(0), (Integer) r.getField(1) * 2)).toList();
    assertThat(received("evens")).containsExactlyInAnyOrderElementsOf(evens);
    assertThat(received("doubled")).containsExactlyInAnyOrderElementsOf(doubled);
    // One job whose one source fed both inserts: it read each row once.
    assertThat(job.getProgress().recordsProcessed()).isEqualTo(ROWS);
    assertThat(result.getResolvedSchema().getColumnNames())
        .containsExactly("default_catalog.default_database.evens", "default_catalog.default_database.doubled");
    assertThat(result.getResultKind()).isEqualTo(ResultKind.SUCCESS_WITH_CONTENT);
  }

  @Test
  void aStatementSetIsEmptiedByExecuteAndRefusesToRunEmpty() {
    createSink("all_rows", "id BIGINT, v INT");
    StatementSet set = tEnv.createStatementSet();
    assertThatThrownBy(set::execute).isInstanceOf(TableException.class)
        .hasMessageContaining("holds no INSERT to execute");
    set.add(tEnv.from("numbers").insertInto("all_rows"));
    set.execute();
    assertThat(received("all_rows")).hasSize(ROWS);
    assertThatThrownBy(set::execute).isInstanceOf(TableException.class).hasMessageContaining("holds no INSERT");
  }

  @Test
  void explainShowsThePlanOfEveryInsert() {
    createSink("a", "id BIGINT, v INT");
    createSink("b", "n BIGINT");
    String plan = tEnv.createStatementSet()
        .addInsert("a", tEnv.from("numbers"))
        .addInsert("b", tEnv.from("numbers").groupBy($("v")).select($("id").count()))
        .explain(ExplainDetail.CHANGELOG_MODE);
    assertThat(plan).contains("== Abstract Syntax Tree ==")
        .contains("LogicalTableModify(table=[[default_catalog, default_database, a]], operation=[INSERT]")
        .contains("LogicalTableModify(table=[[default_catalog, default_database, b]], operation=[INSERT]")
        .contains("LogicalAggregate(group=[{0}], EXPR$0=[COUNT($1)], changelogMode=[I,UB,UA])");
  }

  @Test
  void insertIntoGivesAPipelineThatRunsOrExplains() throws Exception {
    createSink("large", "id BIGINT, v INT");
    TablePipeline pipeline = tEnv.from("numbers").where($("v").isGreater(50)).insertInto("large");
    assertThat(pipeline.getSinkIdentifier())
        .contains(ObjectIdentifier.of("default_catalog", "default_database", "large"));
    assertThat(pipeline.explain())
        .contains("LogicalTableModify(table=[[default_catalog, default_database, large]], operation=[INSERT]")
        .contains("LogicalFilter(condition=[>($1, 50)])");
    pipeline.execute().await();
    List<Row> expected = numbers().stream().filter(r -> (Integer) r.getField(1) > 50).toList();
    assertThat(received("large")).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void executeInsertWritesAChangelogIntoASinkThatTakesOne() throws Exception {
    createSink("counts", "v INT, n BIGINT");
    tEnv.from("numbers").select($("v").mod(3).as("v"), $("id"))
        .groupBy($("v")).select($("v"), $("id").count().as("n"))
        .executeInsert("counts", false).await();
    Map<Row, Integer> expected = new java.util.HashMap<>();
    Map<Integer, Long> counts = new java.util.TreeMap<>();
    for (Row row : numbers()) {
      counts.merge((Integer) row.getField(1) % 3, 1L, Long::sum);
    }
    counts.forEach((v, n) -> expected.put(Row.of(v, n), 1));
    assertThat(ChangelogFold.fold(received("counts"))).isEqualTo(expected);
    assertThat(received("counts")).extracting(Row::getKind).contains(RowKind.INSERT);
  }

  @Test
  void insertIntoADescriptorRegistersItsTable() throws Exception {
    TableDescriptor sink = TableDescriptor.forConnector("changelog-collect")
        .schema(Schema.newBuilder().column("id", DataTypes.BIGINT()).build())
        .option("run", run + "-descriptor")
        .build();
    tEnv.createStatementSet().addInsert(sink, tEnv.from("numbers").select($("id"))).execute().await();
    assertThat(received("descriptor")).hasSize(ROWS);
    // Without a schema the table takes the columns of the rows inserted, as in Flink.
    TableDescriptor schemaless = TableDescriptor.forConnector("changelog-collect").option("run", run + "-derived")
        .build();
    tEnv.from("numbers").select($("v"), $("id")).insertInto(schemaless).execute().await();
    assertThat(received("derived")).containsExactlyInAnyOrderElementsOf(
        numbers().stream().map(r -> Row.of(r.getField(1), r.getField(0))).toList());
  }

  @Test
  void badInsertsFailWhenTheyAreMadeNamingWhatIsWrong() {
    createSink("narrow", "id BIGINT");
    Table numbers = tEnv.from("numbers");
    assertThatThrownBy(() -> numbers.insertInto("no_such_sink"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("default_catalog.default_database.no_such_sink does not exist");
    assertThatThrownBy(() -> tEnv.createStatementSet().addInsert("narrow", numbers))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Cannot insert into table default_catalog.default_database.narrow: ")
        .hasMessageContaining("Column types of query result and sink for 'default_catalog.default_database.narrow'"
            + " do not match.\nCause: Different number of columns.");
    assertThatThrownBy(() -> tEnv.createStatementSet().addInsertSql("SELECT * FROM numbers"))
        .isInstanceOf(SqlParserException.class)
        .hasMessageContaining("addInsertSql takes an INSERT statement, not the statement at line 1, column 1");
    assertThatThrownBy(() -> numbers.select($("id")).executeInsert("narrow", true))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("INSERT OVERWRITE is not supported in streaming mode");
    TableEnvironment other = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    assertThatThrownBy(() -> other.createStatementSet().addInsert("narrow", numbers))
        .isInstanceOf(ValidationException.class).hasMessageContaining("another table environment");
  }
}
