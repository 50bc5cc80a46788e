package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.array;
import static io.spate.table.api.Expressions.lit;
import static io.spate.table.api.Expressions.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import io.spate.table.types.DataType;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code fromValues}, and creating, listing and dropping tables and views from a program. */
class TableEnvironmentValuesAndObjectsTest {

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  @Test
  void fromValuesTypesColumnsByTheCommonTypeOfTheirValues() {
    Table table = tEnv.fromValues(row(1, "ABC"), row(2L, "ABCDE"));
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("f0", "f1");
    assertThat(table.getResolvedSchema().getColumnTypes().get(0).asSummaryString()).isEqualTo("BIGINT NOT NULL");
    assertThat(table.getResolvedSchema().getColumnTypes().get(1).asSummaryString()).isEqualTo("VARCHAR(5) NOT NULL");
    assertThat(TableResults.rows(table.execute())).containsExactly(Row.of(1L, "ABC"), Row.of(2L, "ABCDE"));
  }

  @Test
  void fromValuesTakesRowsSingleValuesAndNestedValues() {
    assertThat(TableResults.rows(tEnv.fromValues(Row.of(1, "a"), Row.of(2, null)).execute()))
        .containsExactly(Row.of(1, "a"), Row.of(2, null));
    assertThat(TableResults.rows(tEnv.fromValues(10, 20).select($("f0").plus(1)).execute()))
        .containsExactly(Row.of(11), Row.of(21));
    assertThat(TableResults.rows(tEnv.fromValues(List.of(Row.of("x", array(1, 2)))).execute()))
        .containsExactly(Row.of("x", new Integer[] {1, 2}));
  }

  @Test
  void fromValuesWithARowTypeNamesAndCastsTheColumns() {
    DataType type = DataTypes.ROW(DataTypes.FIELD("id", DataTypes.DECIMAL(10, 2)),
        DataTypes.FIELD("name", DataTypes.STRING()));
    Table table = tEnv.fromValues(type, row(1, "ABC"), row(2L, "ABCDE"));
    assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("id", "name");
    assertThat(TableResults.rows(table.execute()))
        .containsExactly(Row.of(new BigDecimal("1.00"), "ABC"), Row.of(new BigDecimal("2.00"), "ABCDE"));
    Table empty = tEnv.fromValues(type, List.of());
    assertThat(empty.getResolvedSchema().getColumnNames()).containsExactly("id", "name");
    assertThat(TableResults.rows(empty.execute())).isEmpty();
    assertThat(TableResults.rows(tEnv.fromValues(DataTypes.BIGINT(), 1, 2).execute()))
        .containsExactly(Row.of(1L), Row.of(2L));
  }

  @Test
  void mismatchedValuesAreRefusedNamingTheRow() {
    assertThatThrownBy(() -> tEnv.fromValues(row(1, "a"), row(2, "b", 3)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fromValues: row 2 has 3 fields, but row 1 has 2");
    DataType type = DataTypes.ROW(DataTypes.FIELD("id", DataTypes.INT()));
    assertThatThrownBy(() -> tEnv.fromValues(type, row(1), row(2, 3)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("fromValues: row 2 has 2 values, but the row type ROW<`id` INT> has 1 fields");
    assertThatThrownBy(() -> tEnv.fromValues(row(1, "a"), row("b", lit(true))))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("fromValues: ");
    assertThatThrownBy(() -> tEnv.fromValues()).isInstanceOf(ValidationException.class)
        .hasMessageContaining("fromValues needs at least one row");
  }

  @Test
  void temporaryTablesAndViewsAreListedAndDropped() {
    tEnv.executeSql("CREATE TABLE permanent_t (a INT) WITH ('connector' = 'datagen')");
    tEnv.executeSql("CREATE TEMPORARY TABLE temp_t (a INT) WITH ('connector' = 'datagen')");
    tEnv.createTemporaryView("temp_v", tEnv.fromValues(1));
    tEnv.createView("permanent_v", tEnv.fromValues(2));
    assertThat(tEnv.listTables()).containsExactly("permanent_t", "permanent_v", "temp_t", "temp_v");
    assertThat(tEnv.listTemporaryTables()).containsExactly("temp_t", "temp_v");
    assertThat(tEnv.listTemporaryViews()).containsExactly("temp_v");
    assertThat(tEnv.listViews()).containsExactly("permanent_v", "temp_v");

    assertThat(tEnv.dropTemporaryTable("temp_v")).isFalse();
    assertThat(tEnv.dropTemporaryTable("temp_t")).isTrue();
    assertThat(tEnv.dropTemporaryTable("temp_t")).isFalse();
    assertThat(tEnv.dropTemporaryView("temp_v")).isTrue();
    assertThat(tEnv.listTemporaryTables()).isEmpty();

    assertThat(tEnv.dropView("permanent_v")).isTrue();
    assertThat(tEnv.dropView("permanent_v")).isFalse();
    assertThat(tEnv.dropTable("permanent_t")).isTrue();
    assertThat(tEnv.dropTable("permanent_t")).isFalse();
    assertThatThrownBy(() -> tEnv.dropTable("permanent_t", false))
        .isInstanceOf(ValidationException.class).hasMessageContaining("permanent_t does not exist");
    assertThat(tEnv.listTables()).isEmpty();
  }

  @Test
  void aTemporaryTableShadowsAndMustBeDroppedFirst() {
    tEnv.executeSql("CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
    tEnv.executeSql("CREATE TEMPORARY TABLE t (a INT) WITH ('connector' = 'datagen')");
    assertThatThrownBy(() -> tEnv.dropTable("t")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("shadowed by a temporary table");
    assertThat(tEnv.dropTemporaryTable("t")).isTrue();
    assertThat(tEnv.dropTable("t")).isTrue();
  }

  @Test
  void createViewAndCreateTableCanIgnoreAnExistingOne() {
    assertThat(tEnv.createView("v", tEnv.fromValues(1), true)).isTrue();
    assertThat(tEnv.createView("v", tEnv.fromValues(2), true)).isFalse();
    assertThatThrownBy(() -> tEnv.createView("v", tEnv.fromValues(3)))
        .isInstanceOf(ValidationException.class).hasMessageContaining("already exists");
    assertThat(TableResults.rows(tEnv.from("v").execute())).containsExactly(Row.of(1));
    TableDescriptor descriptor = TableDescriptor.forConnector("datagen")
        .schema(Schema.newBuilder().column("a", DataTypes.INT()).build()).option("number-of-rows", "1").build();
    assertThat(tEnv.createTable("d", descriptor, true)).isTrue();
    assertThat(tEnv.createTable("d", descriptor, true)).isFalse();
  }
}
