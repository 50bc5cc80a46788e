package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which query column types an {@code INSERT} writes into which sink column types: Flink's implicit casts, and a
 * planning error naming the table, the column and both schemas for every other pair. The table of allowed pairs
 * below is written out by hand from Flink's rules (widening numbers, CHAR into STRING, BINARY into BYTES, a
 * TIMESTAMP into a DATE or TIME, TIMESTAMP and TIMESTAMP_LTZ into each other), not computed.
 */
class SqlInsertImplicitCastE2ETest {

  private static final List<String> TYPES = List.of("TINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL(10, 2)", "FLOAT",
      "DOUBLE", "BOOLEAN", "CHAR(3)", "STRING", "BINARY(2)", "BYTES", "DATE", "TIME(0)", "TIMESTAMP(3)",
      "TIMESTAMP_LTZ(3)");

  private static final List<String> NUMBERS = List.of("TINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL(10, 2)",
      "FLOAT", "DOUBLE");

  /** For each sink column type, the query column types it takes. */
  private static final Map<String, Set<String>> ACCEPTS = new LinkedHashMap<>();

  static {
    ACCEPTS.put("TINYINT", Set.of("TINYINT"));
    ACCEPTS.put("SMALLINT", Set.of("TINYINT", "SMALLINT"));
    ACCEPTS.put("INT", Set.of("TINYINT", "SMALLINT", "INT"));
    ACCEPTS.put("BIGINT", Set.of("TINYINT", "SMALLINT", "INT", "BIGINT"));
    ACCEPTS.put("DECIMAL(10, 2)", Set.copyOf(NUMBERS));
    ACCEPTS.put("FLOAT", Set.of("TINYINT", "SMALLINT", "INT", "BIGINT", "DECIMAL(10, 2)", "FLOAT"));
    ACCEPTS.put("DOUBLE", Set.copyOf(NUMBERS));
    ACCEPTS.put("BOOLEAN", Set.of("BOOLEAN"));
    ACCEPTS.put("CHAR(3)", Set.of("CHAR(3)"));
    ACCEPTS.put("STRING", Set.of("CHAR(3)", "STRING"));
    ACCEPTS.put("BINARY(2)", Set.of("BINARY(2)"));
    ACCEPTS.put("BYTES", Set.of("BINARY(2)", "BYTES"));
    ACCEPTS.put("DATE", Set.of("DATE", "TIMESTAMP(3)"));
    ACCEPTS.put("TIME(0)", Set.of("TIME(0)", "TIMESTAMP(3)"));
    ACCEPTS.put("TIMESTAMP(3)", Set.of("TIMESTAMP(3)", "TIMESTAMP_LTZ(3)"));
    ACCEPTS.put("TIMESTAMP_LTZ(3)", Set.of("TIMESTAMP(3)", "TIMESTAMP_LTZ(3)"));
  }

  private TableEnvironment tEnv;

  @BeforeEach
  void session() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
  }

  @Test
  void everyPairOfTypesIsWrittenOrRefusedAsFlinkDecides() {
    List<String> wrong = new ArrayList<>();
    for (int t = 0; t < TYPES.size(); t++) {
      String sinkType = TYPES.get(t);
      tEnv.executeSql("CREATE TABLE sink" + t + " (c " + sinkType + ") WITH ('connector' = 'blackhole')");
      for (String queryType : TYPES) {
        String insert = "INSERT INTO sink" + t + " SELECT CAST(NULL AS " + queryType + ") AS q";
        String refusal = null;
        try {
          tEnv.explainSql(insert);
        } catch (ValidationException e) {
          refusal = e.getMessage();
        }
        boolean accepted = ACCEPTS.get(sinkType).contains(queryType);
        if (accepted && refusal != null) {
          wrong.add(queryType + " into " + sinkType + " was refused: " + refusal);
        } else if (!accepted && (refusal == null || !refusal.startsWith("Column types of query result and sink for"
            + " 'default_catalog.default_database.sink" + t + "' do not match.\nCause: Incompatible types for sink"
            + " column 'c' at position 0."))) {
          wrong.add(queryType + " into " + sinkType + " was not refused as Flink does: " + refusal);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aStringIntoAnIntColumnIsRefusedNamingTableColumnAndBothTypes() {
    tEnv.executeSql("CREATE TABLE counts (name STRING, n INT) WITH ('connector' = 'blackhole')");
    assertThatThrownBy(() -> tEnv.executeSql("INSERT INTO counts SELECT 'a', 'abc'"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Column types of query result and sink for 'default_catalog.default_database.counts' do not"
            + " match.\nCause: Incompatible types for sink column 'n' at position 1.\n\nQuery schema: [EXPR$0: CHAR(1)"
            + " NOT NULL, EXPR$1: CHAR(3) NOT NULL]\nSink schema:  [name: STRING, n: INT]");
  }

  @Test
  void nullabilityAndNestedTypesFollowTheSameRules() {
    tEnv.executeSql("CREATE TABLE strict (n INT NOT NULL, a ARRAY<BIGINT>, r ROW<x DOUBLE, y STRING>)"
        + " WITH ('connector' = 'blackhole')");
    // A nullable column into a NOT NULL one is planned (Flink checks the rows when the job runs); nested types
    // widen element by element and field by field, whatever the fields' names.
    tEnv.explainSql("INSERT INTO strict SELECT CAST(NULL AS INT), ARRAY[1, 2], ROW(CAST(1 AS INT), 'z')");
    assertThatThrownBy(() -> tEnv.explainSql("INSERT INTO strict SELECT 1, ARRAY['1'], ROW(1.5, 'z')"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Incompatible types for sink column 'a' at position 1.");
    assertThatThrownBy(() -> tEnv.explainSql("INSERT INTO strict SELECT 1, ARRAY[1], ROW('1.5', 'z')"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("Incompatible types for sink column 'r' at position 2.");
  }
}
