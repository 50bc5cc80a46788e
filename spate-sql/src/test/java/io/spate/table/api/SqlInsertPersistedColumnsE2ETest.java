package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.types.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code INSERT} writes a table's persisted columns, as in Flink: the query gives the physical (and not virtual
 * metadata) columns in the table's order, computed columns are left out and computed again when the table is read,
 * and a query whose columns do not fit fails with Flink's message showing both schemas.
 */
class SqlInsertPersistedColumnsE2ETest {

  @TempDir
  Path directory;

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private void createOut(String name, Path path) {
    tEnv.executeSql("CREATE TABLE " + name + " (id INT, doubled AS id * 2, name STRING, shout AS UPPER(name))"
        + " WITH ('connector' = 'filesystem', 'path' = '" + path + "', 'format' = 'csv')");
  }

  @Test
  void theQueryGivesThePhysicalColumnsAndComputedOnesAreComputedOnRead() throws Exception {
    Path path = directory.resolve("out");
    createOut("written", path);
    tEnv.executeSql("INSERT INTO written SELECT n, 'x' || CAST(n AS STRING) FROM (VALUES (1), (2)) AS t (n)").await();
    assertThat(Files.readString(onlyFileIn(path))).isEqualTo("1,x1\n2,x2\n");
    assertThat(rows(tEnv.executeSql("SELECT * FROM written")))
        .containsExactly(Row.of(1, 2, "x1", "X1"), Row.of(2, 4, "x2", "X2"));
  }

  @Test
  void aColumnListNamesPhysicalColumnsInAnyOrder() throws Exception {
    Path path = directory.resolve("listed");
    createOut("listed", path);
    tEnv.executeSql("INSERT INTO listed (name, id) VALUES ('b', 3)").await();
    assertThat(Files.readString(onlyFileIn(path))).isEqualTo("3,b\n");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO listed (id, doubled) VALUES (1, 2)"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("doubled");
  }

  @Test
  void aTableWithComputedColumnsIsReadAndWrittenInOneStatement() throws Exception {
    Path in = directory.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("data.csv"), "5,e\n");
    createOut("source", in);
    Path path = directory.resolve("copy");
    createOut("copy", path);
    // The source's computed columns are there to read; the target's are not written.
    tEnv.executeSql("INSERT INTO copy SELECT doubled, shout FROM source").await();
    assertThat(Files.readString(onlyFileIn(path))).isEqualTo("10,E\n");
    assertThat(tEnv.explainSql("INSERT INTO copy SELECT doubled, shout FROM source"))
        .contains("LogicalTableModify(table=[[default_catalog, default_database, copy]], operation=[INSERT]");
  }

  @Test
  void aQueryWhoseColumnsDoNotFitFailsWithFlinksMessage() {
    createOut("narrow", directory.resolve("narrow"));
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO narrow SELECT 1"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Column types of query result and sink for 'default_catalog.default_database.narrow' do not"
            + " match.\nCause: Different number of columns.\n\nQuery schema: [EXPR$0: INT NOT NULL]\n"
            + "Sink schema:  [id: INT, name: STRING]");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO narrow SELECT DATE '2024-01-01' AS d, 'b' AS s"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Column types of query result and sink for 'default_catalog.default_database.narrow' do not"
            + " match.\nCause: Incompatible types for sink column 'id' at position 0.\n\nQuery schema: [d: DATE NOT"
            + " NULL, s: CHAR(1) NOT NULL]\nSink schema:  [id: INT, name: STRING]");
  }

  @Test
  void theMismatchThatConnectorsMdShows() {
    tEnv.executeSql("CREATE TABLE order_totals (order_id INT, price DECIMAL(10, 2), quantity INT,"
        + " total AS price * quantity) WITH ('connector' = 'filesystem', 'path' = '" + directory.resolve("totals")
        + "', 'format' = 'json')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO order_totals SELECT order_id, total FROM order_totals"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Column types of query result and sink for 'default_catalog.default_database.order_totals' do not"
            + " match.\nCause: Different number of columns.\n\nQuery schema: [order_id: INT, total: DECIMAL(21, 2)]\n"
            + "Sink schema:  [order_id: INT, price: DECIMAL(10, 2), quantity: INT]");
  }

  private static Path onlyFileIn(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> visible = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
      assertThat(visible).hasSize(1);
      return visible.get(0);
    }
  }
}
