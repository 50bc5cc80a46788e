package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ILIKE} and {@code NOT ILIKE}: {@code LIKE} that ignores the letters' case, with or without {@code ESCAPE}. */
class SqlIlikeE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void ilikeMatchesWhateverTheCaseAndNotIlikeIsItsNegation() {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT s, s ILIKE 'ap%', s NOT ILIKE '%AN%', s LIKE 'ap%', s ILIKE p
        FROM (VALUES ('Apple', '_PPLE'), ('banana', 'B_N'), ('APRICOT', '%cot'), (CAST(NULL AS STRING), '%'))
          AS v (s, p)"""));
    assertThat(rows).containsExactly(
        Row.of("Apple", true, true, false, true),
        Row.of("banana", false, false, false, false),
        Row.of("APRICOT", true, true, false, true),
        Row.of(null, null, null, null, null));
  }

  @Test
  void theEscapeCharacterMakesWildcardsLiteral() {
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT 'A_C' ILIKE 'a!_c' ESCAPE '!', 'ABC' ILIKE 'a!_c' ESCAPE '!', '100%' ILIKE '100#%' ESCAPE '#',
               'Straße' ILIKE 'STRASSE', 'ÄRGER' ILIKE 'ärger'"""));
    // As in Flink, only ASCII letters match whatever their case.
    assertThat(rows).containsExactly(Row.of(true, false, true, false, false));
  }

  @Test
  void ilikeFiltersRows() {
    tEnv.getConfig().set("parallelism.default", "1");
    List<Row> rows = rows(tEnv.executeSql("""
        SELECT name FROM (VALUES ('Alice'), ('bob'), ('ALINA'), ('Carl')) AS v (name)
        WHERE name ILIKE 'al%' OR name NOT ILIKE '%L%'"""));
    assertThat(rows).containsExactly(Row.of("Alice"), Row.of("bob"), Row.of("ALINA"));
  }
}
