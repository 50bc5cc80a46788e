package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import org.junit.jupiter.api.Test;

/**
 * {@code JSON_QUERY} with wildcard paths as Flink answers them: what a path with {@code [*]} or
 * {@code .*} selects is one array (even of one item or none), which the wrapper clauses then treat
 * as an array; definite paths keep their rules (a scalar needs a wrapper).
 */
class SqlJsonQueryWildcardE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  private Row query(String... calls) {
    return rows(tEnv.executeSql("SELECT " + String.join(", ", calls))).get(0);
  }

  @Test
  void aWildcardPathWithoutAWrapperAnswersTheArrayOfWhatItSelects() {
    assertThat(query(
        "JSON_QUERY('{\"a\":[{\"c\":\"c1\"},{\"c\":\"c2\"}]}', 'lax $.a[*].c')",
        "JSON_QUERY('{\"a\":[{\"c\":\"c1\"}]}', 'lax $.a[*].c')",
        "JSON_QUERY('{\"a\":[]}', 'lax $.a[*].c')",
        "JSON_QUERY('{\"a\":{\"x\":1,\"y\":[2]}}', 'strict $.a.*')"))
        .isEqualTo(Row.of("[\"c1\",\"c2\"]", "[\"c1\"]", "[]", "[1,[2]]"));
  }

  @Test
  void theWrapperClausesTreatAWildcardsSelectionAsOneArray() {
    String doc = "'{\"a\":[{\"c\":1},{\"c\":2}]}'";
    assertThat(query(
        "JSON_QUERY(" + doc + ", 'lax $.a[*].c' WITHOUT ARRAY WRAPPER)",
        "JSON_QUERY(" + doc + ", 'lax $.a[*].c' WITH CONDITIONAL ARRAY WRAPPER)",
        "JSON_QUERY(" + doc + ", 'lax $.a[*].c' WITH UNCONDITIONAL ARRAY WRAPPER)"))
        .isEqualTo(Row.of("[1,2]", "[1,2]", "[[1,2]]"));
  }

  @Test
  void definitePathsKeepTheirWrapperEmptyAndErrorRules() {
    assertThat(query(
        "JSON_QUERY('{\"a\":{\"b\":1}}', '$.a')",
        "JSON_QUERY('[1,2]', '$' WITH UNCONDITIONAL ARRAY WRAPPER)",
        "JSON_QUERY('1', '$')",
        "JSON_QUERY('1', '$' WITH CONDITIONAL ARRAY WRAPPER)",
        "JSON_QUERY('{}', 'lax $.invalid' EMPTY OBJECT ON EMPTY)",
        "JSON_QUERY('{}', 'strict $.invalid' EMPTY ARRAY ON ERROR)"))
        .isEqualTo(Row.of("{\"b\":1}", "[[1,2]]", null, "[1]", "{}", "[]"));
  }
}
