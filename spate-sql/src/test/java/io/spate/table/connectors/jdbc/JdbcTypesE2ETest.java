package io.spate.table.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.datastream.CloseableIterator;
import io.spate.api.types.Row;
import io.spate.connectors.jdbc.testing.PostgresTestDatabase;
import io.spate.table.api.EnvironmentSettings;
import io.spate.table.api.TableEnvironment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SQL values written into PostgreSQL columns by the {@code jdbc} connector and read back are the
 * values written, for every type it maps; a column whose database type does not read into its SQL
 * type fails naming the column.
 */
class JdbcTypesE2ETest {

  private static PostgresTestDatabase db;
  private TableEnvironment tEnv;

  @BeforeAll
  static void start() {
    db = PostgresTestDatabase.start();
  }

  @AfterAll
  static void stop() throws Exception {
    db.close();
  }

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  private List<Row> rows(String query) {
    List<Row> rows = new ArrayList<>();
    try (CloseableIterator<Row> iterator = tEnv.executeSql(query).collect()) {
      iterator.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void everyMappedTypeRoundTrips() throws Exception {
    db.execute("CREATE TABLE all_types (id INT PRIMARY KEY, b BOOLEAN, s SMALLINT, i INT, l BIGINT, f REAL,"
        + " d DOUBLE PRECISION, dec NUMERIC(10, 2), str TEXT, bin BYTEA, day DATE, t TIME, ts TIMESTAMP(3),"
        + " ints INT[], words TEXT[])");
    tEnv.executeSql("CREATE TABLE all_types (id INT, b BOOLEAN, s SMALLINT, i INT, l BIGINT, f FLOAT, d DOUBLE,"
        + " dec DECIMAL(10, 2), str STRING, bin BYTES, day DATE, t TIME, ts TIMESTAMP(3), ints ARRAY<INT>,"
        + " words ARRAY<STRING>, PRIMARY KEY (id) NOT ENFORCED)" + JdbcTableE2ETest.with(db, "all_types", ""));
    tEnv.executeSql("INSERT INTO all_types VALUES (1, TRUE, CAST(-7 AS SMALLINT), 42, 9000000000, CAST(1.5 AS FLOAT),"
        + " 2.25, CAST(123.45 AS DECIMAL(10, 2)), 'héllo', CAST(X'0AFF' AS BYTES), DATE '2024-02-29',"
        + " TIME '12:34:56', TIMESTAMP '2024-02-29 23:59:58.123', ARRAY[1, 2, 3], ARRAY['x', 'y']),"
        + " (2, CAST(NULL AS BOOLEAN), CAST(NULL AS SMALLINT), CAST(NULL AS INT), CAST(NULL AS BIGINT),"
        + " CAST(NULL AS FLOAT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS STRING),"
        + " CAST(NULL AS BYTES), CAST(NULL AS DATE), CAST(NULL AS TIME), CAST(NULL AS TIMESTAMP(3)),"
        + " CAST(NULL AS INTEGER ARRAY), CAST(NULL AS VARCHAR ARRAY))").await();
    List<Row> rows = rows("SELECT * FROM all_types");
    rows.sort((a, b) -> Integer.compare((Integer) a.getField(0), (Integer) b.getField(0)));
    assertThat(rows).hasSize(2);
    Row full = rows.get(0);
    assertThat(full.getField(1)).isEqualTo(true);
    assertThat(full.getField(2)).isEqualTo((short) -7);
    assertThat(full.getField(3)).isEqualTo(42);
    assertThat(full.getField(4)).isEqualTo(9_000_000_000L);
    assertThat(full.getField(5)).isEqualTo(1.5f);
    assertThat(full.getField(6)).isEqualTo(2.25);
    assertThat(full.getField(7)).isEqualTo(new BigDecimal("123.45"));
    assertThat(full.getField(8)).isEqualTo("héllo");
    assertThat((byte[]) full.getField(9)).containsExactly(0x0A, 0xFF);
    assertThat(full.getField(10)).isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(full.getField(11)).isEqualTo(LocalTime.of(12, 34, 56));
    assertThat(full.getField(12)).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_000_000));
    assertThat((Integer[]) full.getField(13)).containsExactly(1, 2, 3);
    assertThat((String[]) full.getField(14)).containsExactly("x", "y");
    Row nulls = rows.get(1);
    for (int i = 1; i < nulls.getArity(); i++) {
      assertThat(nulls.getField(i)).as("field %s", i).isNull();
    }
  }

  @Test
  void timestampsWithATimeZoneAreInstantsBothWays() throws Exception {
    db.execute("CREATE TABLE instants (id INT PRIMARY KEY, happened TIMESTAMPTZ(3))",
        "INSERT INTO instants VALUES (1, '2024-03-01 12:00:00.250+02'), (2, NULL)",
        "CREATE TABLE instants_copy (id INT PRIMARY KEY, happened TIMESTAMPTZ(3))");
    String columns = "(id INT, happened TIMESTAMP_LTZ(3), PRIMARY KEY (id) NOT ENFORCED)";
    tEnv.executeSql("CREATE TABLE instants " + columns + JdbcTableE2ETest.with(db, "instants", ""));
    tEnv.executeSql("CREATE TABLE instants_copy " + columns + JdbcTableE2ETest.with(db, "instants_copy", ""));
    assertThat(rows("SELECT id, happened FROM instants WHERE id = 1"))
        .containsExactly(Row.of(1, java.time.Instant.parse("2024-03-01T10:00:00.250Z")));
    tEnv.executeSql("INSERT INTO instants_copy SELECT * FROM instants").await();
    assertThat(db.query("SELECT id, happened = TIMESTAMPTZ '2024-03-01 10:00:00.250+00' FROM instants_copy ORDER BY id"))
        .containsExactly(List.of(1, true), java.util.Arrays.asList(2, null));
  }

  @Test
  void aColumnWhoseDatabaseTypeDoesNotReadIntoItsSqlTypeIsNamed() {
    db.execute("CREATE TABLE mismatch (id INT, amount TEXT)", "INSERT INTO mismatch VALUES (1, 'ten')");
    tEnv.executeSql("CREATE TABLE mismatch (id INT, amount DECIMAL(10, 2))" + JdbcTableE2ETest.with(db, "mismatch",
        ""));
    assertThatThrownBy(() -> rows("SELECT * FROM mismatch"))
        .hasStackTraceContaining("column 'amount' is DECIMAL(10, 2) in its CREATE TABLE, but the database's column is"
            + " text");
  }
}
