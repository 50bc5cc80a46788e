package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables declared in a program with {@link Schema} and {@link TableDescriptor} mean what the equivalent
 * {@code CREATE TABLE} means: they are created, read and written, and checked with the same errors.
 */
class TableDescriptorE2ETest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.dml-sync", "true");
  }

  private static Schema numbers() {
    return Schema.newBuilder()
        .column("id", DataTypes.BIGINT().notNull())
        .column("name", "STRING")
        .columnByExpression("id_plus_one", "id + 1")
        .primaryKey("id")
        .build();
  }

  @Test
  void aDescriptorIsTheCreateTableStatementItPrints() {
    TableDescriptor descriptor = TableDescriptor.forConnector("filesystem")
        .schema(numbers())
        .option("path", "/tmp/x")
        .format(FormatDescriptor.forFormat("csv").option("field-delimiter", "|").build())
        .partitionedBy("name")
        .comment("it's numbers")
        .build();
    assertThat(descriptor.toDdl("`t`", true)).isEqualTo("CREATE TEMPORARY TABLE `t` (\n"
        + "  `id` BIGINT NOT NULL,\n"
        + "  `name` STRING,\n"
        + "  `id_plus_one` AS id + 1,\n"
        + "  PRIMARY KEY (`id`) NOT ENFORCED\n"
        + ")\n"
        + "COMMENT 'it''s numbers'\n"
        + "PARTITIONED BY (`name`)\n"
        + "WITH ('connector' = 'filesystem', 'csv.field-delimiter' = '|', 'format' = 'csv', 'path' = '/tmp/x')");
    assertThat(TableDescriptor.forConnector("kafka").format("key.format", FormatDescriptor.forFormat("json")
        .option("ignore-parse-errors", "true").build()).build().getOptions())
        .containsEntry("key.format", "json").containsEntry("key.json.ignore-parse-errors", "true");
  }

  @Test
  void aTemporaryTableOfADescriptorIsReadLikeOneOfDdl() {
    tEnv.createTemporaryTable("gen", TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder().column("n", DataTypes.INT()).build())
        .option("number-of-rows", "5")
        .option("fields.n.kind", "sequence").option("fields.n.start", "1").option("fields.n.end", "5")
        .build());
    assertThat(TableResults.rows(tEnv.executeSql("SELECT n * 2 FROM gen")))
        .containsExactly(Row.of(2), Row.of(4), Row.of(6), Row.of(8), Row.of(10));
    assertThat(tEnv.listTables()).contains("gen");
  }

  @Test
  void rowsWrittenIntoADescriptorsTableAreReadBackFromIt(@TempDir Path dir) {
    TableDescriptor files = TableDescriptor.forConnector("filesystem")
        .schema(Schema.newBuilder().column("id", DataTypes.BIGINT()).column("name", DataTypes.STRING()).build())
        .option("path", dir.toString())
        .format(FormatDescriptor.forFormat("csv").option("field-delimiter", ";").build())
        .build();
    tEnv.sqlQuery("SELECT * FROM (VALUES (CAST(1 AS BIGINT), 'one'), (CAST(2 AS BIGINT), 'two')) AS t(id, name)")
        .executeInsert(files);
    List<Row> read = TableResults.rows(tEnv.from(files).execute());
    assertThat(read).containsExactlyInAnyOrder(Row.of(1L, "one"), Row.of(2L, "two"));
  }

  @Test
  void aDescriptorIsCheckedAsItsStatementIs() {
    assertThatThrownBy(() -> tEnv.createTemporaryTable("t", TableDescriptor.forConnector("datagen").build()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("has no schema");
    assertThatThrownBy(() -> tEnv.createTemporaryTable("t", TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder().column("n", "INTEGR").build()).build()))
        .hasMessageContaining("INTEGR");
    assertThatThrownBy(() -> tEnv.from(TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder().column("n", DataTypes.INT()).build()).option("rows-per-secnd", "1").build())
        .execute())
        .hasMessageContaining("rows-per-second");
    assertThatThrownBy(() -> TableDescriptor.forConnector(" ")).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> Schema.newBuilder().primaryKey()).hasMessageContaining("at least one column");
  }
}
