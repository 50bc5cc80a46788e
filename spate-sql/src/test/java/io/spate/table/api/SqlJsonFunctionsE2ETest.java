package io.spate.table.api;

import static io.spate.table.api.TableResults.folded;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flink's JSON functions and JSON aggregates in jobs on the embedded cluster. */
class SqlJsonFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void jsonStringIsNotNullForANotNullArgument() throws Exception {
    TableResult result = tEnv.executeSql("""
        SELECT JSON_STRING(id), JSON_STRING(s), JSON_STRING(n)
        FROM (VALUES (1, 'a"b', CAST(NULL AS INT))) AS v (id, s, n)""");
    assertThat(result.getResolvedSchema().getColumnTypes()).extracting(t -> t.asSummaryString())
        .containsExactly("STRING NOT NULL", "STRING NOT NULL", "STRING");
    assertThat(rows(result)).containsExactly(Row.of("1", "\"a\\\"b\"", null));
  }

  @Test
  void jsonFunctionsReadAndBuildJsonPerRowWithFlinksTypes() throws Exception {
    TableResult result = tEnv.executeSql("""
        SELECT id,
               doc IS JSON OBJECT AS is_object,
               JSON_VALUE(doc, '$.user.name') AS name,
               JSON_VALUE(doc, '$.user.age' RETURNING INT) AS age,
               JSON_QUERY(doc, 'lax $.tags' EMPTY ARRAY ON EMPTY) AS tags,
               JSON_EXISTS(doc, 'lax $.tags[*]') AS tagged,
               JSON_OBJECT('id' VALUE id, 'user' VALUE JSON_OBJECT('name' VALUE JSON_VALUE(doc, '$.user.name'))) AS o,
               JSON_ARRAY(id, JSON_STRING(id)) AS a
        FROM (VALUES
            (1, '{"user": {"name": "ann", "age": 31}, "tags": ["x", "y"]}'),
            (2, '{"user": {"name": "bob"}}'),
            (3, 'not json'),
            (4, CAST(NULL AS STRING))) AS t (id, doc)""");
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("INT NOT NULL", "BOOLEAN", "STRING", "INT", "STRING", "BOOLEAN", "STRING NOT NULL",
            "STRING NOT NULL");
    // A wildcard path selects an array even when it reaches nothing, so bob's missing tags exist, as in Flink.
    assertThat(rows(result)).containsExactlyInAnyOrder(
        Row.of(1, true, "ann", 31, "[\"x\",\"y\"]", true, "{\"id\":1,\"user\":{\"name\":\"ann\"}}", "[1,\"1\"]"),
        Row.of(2, true, "bob", null, "[]", true, "{\"id\":2,\"user\":{\"name\":\"bob\"}}", "[2,\"2\"]"),
        Row.of(3, false, null, null, null, false, "{\"id\":3,\"user\":{\"name\":null}}", "[3,\"3\"]"),
        Row.of(4, false, null, null, null, null, "{\"id\":4,\"user\":{\"name\":null}}", "[4,\"4\"]"));
  }

  @Test
  void jsonAggregatesCollectEachGroupsValues() throws Exception {
    // One source subtask, so that each group's rows come in the order of the VALUES.
    tEnv.getConfig().set("parallelism.default", "1");
    Map<Row, Integer> rows = folded(tEnv.executeSql("""
        SELECT k, JSON_ARRAYAGG(v), JSON_OBJECTAGG(KEY n VALUE v), JSON_ARRAYAGG(v NULL ON NULL)
        FROM (SELECT k, n, NULLIF(v, 0) AS v
              FROM (VALUES ('a', 'x', 1), ('b', 'y', 2), ('a', 'z', 3), ('a', 'w', 0)) AS t (k, n, v))
        GROUP BY k"""));
    assertThat(rows).containsExactlyInAnyOrderEntriesOf(Map.of(
        Row.of("a", "[1,3]", "{\"w\":null,\"x\":1,\"z\":3}", "[1,3,null]"), 1,
        Row.of("b", "[2]", "{\"y\":2}", "[2]"), 1));
  }

  @Test
  void jsonAggregatesFollowAnUpdatingInput() throws Exception {
    TableResult result = tEnv.executeSql("""
        SELECT total, JSON_ARRAYAGG(k), JSON_OBJECTAGG(KEY k VALUE total)
        FROM (SELECT k, SUM(v) AS total FROM (VALUES ('a', 1), ('b', 1), ('a', 1), ('c', 5)) AS t (k, v) GROUP BY k)
        GROUP BY total""");
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("INT NOT NULL", "STRING NOT NULL", "STRING NOT NULL");
    assertThat(folded(result)).containsExactlyInAnyOrderEntriesOf(Map.of(
        Row.of(1, "[\"b\"]", "{\"b\":1}"), 1,
        Row.of(2, "[\"a\"]", "{\"a\":2}"), 1,
        Row.of(5, "[\"c\"]", "{\"c\":5}"), 1));
  }

  @Test
  void aBadPathFailsTheStatementNamingThePosition() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> tEnv.executeSql(
        "SELECT JSON_VALUE(s, '$.a[') FROM (VALUES ('{}')) AS t (s)"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Invalid JSON path '$.a[': expected an array index (a number), '*' or a quoted member name at"
            + " position 5, found the end");
  }

}
