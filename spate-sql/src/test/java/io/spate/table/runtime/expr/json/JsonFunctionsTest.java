package io.spate.table.runtime.expr.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.api.ValidationException;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.codegen.ExprCompiler;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * Flink's JSON functions, each expression planned and compiled as in a query and evaluated over a
 * row {@code (s STRING, n INT, d DOUBLE)}; the cases are tables of expression and expected value.
 */
class JsonFunctionsTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private final SqlPlanner planner = newPlanner();
  private final RelDataType rowType = rowType(planner);

  private static SqlPlanner newPlanner() {
    CatalogManager catalogs = new CatalogManager();
    return new SqlPlanner(catalogs, new FunctionCatalog(catalogs), () -> UTC);
  }

  private static RelDataType rowType(SqlPlanner planner) {
    RelDataTypeFactory types = planner.typeFactory();
    return types.builder()
        .add("s", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true))
        .add("n", types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true))
        .add("d", types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true))
        .build();
  }

  private Object eval(String expression, Row row) {
    return new ExprCompiler(planner.rexBuilder(), UTC).compile(planner.toRex(new SqlText(expression, 1, 1), rowType))
        .eval(row);
  }

  private Object eval(String expression) {
    return eval(expression, Row.of(null, null, null));
  }

  static Stream<Arguments> isJson() {
    return Stream.of(
        Arguments.of("'{\"a\": 1}' IS JSON", true),
        Arguments.of("'[1' IS JSON", false),
        Arguments.of("'1 2' IS JSON", false),
        Arguments.of("'' IS JSON", false),
        Arguments.of("'\"text\"' IS JSON VALUE", true),
        Arguments.of("'7' IS JSON SCALAR", true),
        Arguments.of("'[]' IS JSON SCALAR", false),
        Arguments.of("'[]' IS JSON ARRAY", true),
        Arguments.of("'{}' IS JSON ARRAY", false),
        Arguments.of("'{}' IS JSON OBJECT", true),
        Arguments.of("'xyz' IS NOT JSON", true),
        Arguments.of("'[3]' IS NOT JSON ARRAY", false));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("isJson")
  void isJsonChecksTheKindOfValue(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> jsonExists() {
    String doc = "'{\"a\": {\"b\": [1, 2]}}'";
    return Stream.of(
        Arguments.of("JSON_EXISTS(" + doc + ", '$.a.b[1]')", true),
        Arguments.of("JSON_EXISTS(" + doc + ", '$.a.c')", false),
        Arguments.of("JSON_EXISTS(" + doc + ", 'lax $.a.c')", false),
        Arguments.of("JSON_EXISTS(" + doc + ", 'lax $.a.b[*]')", true),
        Arguments.of("JSON_EXISTS(" + doc + ", '$.a.b[5]')", false),
        Arguments.of("JSON_EXISTS(" + doc + ", 'strict $.a.c' TRUE ON ERROR)", true),
        Arguments.of("JSON_EXISTS(" + doc + ", 'strict $.a.c' FALSE ON ERROR)", false),
        Arguments.of("JSON_EXISTS(" + doc + ", 'strict $.a.c' UNKNOWN ON ERROR)", null),
        Arguments.of("JSON_EXISTS(" + doc + ", 'lax $.a.c' ERROR ON ERROR)", false),
        Arguments.of("JSON_EXISTS('no json', '$')", false),
        // A wildcard selects one array, as in Flink: it exists even when nothing is in it.
        Arguments.of("JSON_EXISTS('{\"a\": []}', '$.a[*]')", true),
        Arguments.of("JSON_EXISTS('{\"a\": {}}', 'lax $.a.*')", true),
        Arguments.of("JSON_EXISTS(" + doc + ", 'lax $.x[*]')", true),
        Arguments.of("JSON_EXISTS(" + doc + ", 'strict $.x[*]')", false),
        Arguments.of("JSON_EXISTS(" + doc + ", 'strict $.x[*]' UNKNOWN ON ERROR)", null),
        Arguments.of("JSON_EXISTS(CAST(NULL AS STRING), '$')", null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("jsonExists")
  void jsonExistsTellsWhetherThePathSelectsAnything(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> jsonValue() {
    return Stream.of(
        Arguments.of("JSON_VALUE('{\"a\": {\"b\": \"x\"}}', '$.a.b')", "x"),
        Arguments.of("JSON_VALUE('{\"n\": 12}', '$.n' RETURNING INT)", 12),
        Arguments.of("JSON_VALUE('{\"n\": 12}', '$.n')", "12"),
        Arguments.of("JSON_VALUE('{\"n\": 1.25}', '$.n' RETURNING DOUBLE)", 1.25),
        Arguments.of("JSON_VALUE('{\"n\": \"7\"}', '$.n' RETURNING BIGINT)", 7L),
        Arguments.of("JSON_VALUE('{\"f\": true}', '$.f' RETURNING BOOLEAN)", true),
        Arguments.of("JSON_VALUE('{\"f\": true}', '$.f')", "true"),
        Arguments.of("JSON_VALUE('{\"f\": null}', '$.f')", null),
        Arguments.of("JSON_VALUE('{\"a.b\": [0.5, 0.25]}', '$.[\"a.b\"][1]' RETURNING DOUBLE)", 0.25),
        Arguments.of("JSON_VALUE('{\"a\": 1}', '$[''a'']' RETURNING INT)", 1),
        Arguments.of("JSON_VALUE('{\"a\": 1}', '$.b')", null),
        Arguments.of("JSON_VALUE('{\"a\": 1}', 'lax $.b' DEFAULT 'none' ON EMPTY)", "none"),
        Arguments.of("JSON_VALUE('{\"a\": 1}', 'strict $.b' DEFAULT 'none' ON EMPTY)", null),
        Arguments.of("JSON_VALUE('{\"a\": 1}', 'strict $.b' DEFAULT 'bad' ON ERROR)", "bad"),
        Arguments.of("JSON_VALUE('{\"a\": [1, 2]}', '$.a')", null),
        Arguments.of("JSON_VALUE('{\"a\": \"x\"}', '$.a' RETURNING INT DEFAULT -1 ON ERROR)", -1),
        Arguments.of("JSON_VALUE('{\"a\": [{\"b\": 5}]}', 'lax $.a.b' RETURNING INT)", 5),
        Arguments.of("JSON_VALUE('{\"a\": [1, 2]}', 'lax $.a[*]')", null),
        // A wildcard selects one array even of one item, which is no scalar: empty in lax mode, an error in strict.
        Arguments.of("JSON_VALUE('{\"a\": [7]}', 'lax $.a[*]')", null),
        Arguments.of("JSON_VALUE('{\"a\": [7]}', 'lax $.a[*]' DEFAULT 'none' ON EMPTY)", "none"),
        Arguments.of("JSON_VALUE('{\"a\": [7]}', 'lax $.a[*]' DEFAULT 'bad' ON ERROR)", null),
        Arguments.of("JSON_VALUE('{\"a\": [7]}', '$.a[*]' DEFAULT 'bad' ON ERROR)", "bad"),
        Arguments.of("JSON_VALUE('{\"a\": [7]}', '$.a[*]' DEFAULT 'none' ON EMPTY)", null),
        Arguments.of("JSON_VALUE('{\"a\": {\"b\": 7}}', 'lax $.a.*' RETURNING INT DEFAULT -1 ON EMPTY)", -1),
        Arguments.of("JSON_VALUE('{\"a\": [{\"b\": 7}]}', 'lax $.a[*].b' RETURNING INT)", null),
        Arguments.of("JSON_VALUE(CAST(NULL AS STRING), '$.a')", null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("jsonValue")
  void jsonValueExtractsOneScalar(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> jsonQuery() {
    return Stream.of(
        Arguments.of("JSON_QUERY('{\"a\": {\"b\": 1}}', '$.a')", "{\"b\":1}"),
        Arguments.of("JSON_QUERY('[1, 2]', '$')", "[1,2]"),
        Arguments.of("JSON_QUERY('{\"a\": 1}', '$.a')", null),
        Arguments.of("JSON_QUERY('[1, 2]', '$[*]' WITH WRAPPER)", "[[1,2]]"), // a wildcard selects one array, as in Flink
        Arguments.of("JSON_QUERY('1', '$' WITH CONDITIONAL ARRAY WRAPPER)", "[1]"),
        Arguments.of("JSON_QUERY('[1]', '$' WITH CONDITIONAL ARRAY WRAPPER)", "[1]"),
        Arguments.of("JSON_QUERY('[1]', '$' WITH UNCONDITIONAL ARRAY WRAPPER)", "[[1]]"),
        Arguments.of("JSON_QUERY('{}', 'lax $.x' EMPTY OBJECT ON EMPTY)", "{}"),
        Arguments.of("JSON_QUERY('{}', 'lax $.x' EMPTY ARRAY ON EMPTY)", "[]"),
        Arguments.of("JSON_QUERY('{}', 'strict $.x' EMPTY ARRAY ON ERROR)", "[]"),
        Arguments.of("JSON_QUERY('{\"a\": [{\"b\": 1}, {\"b\": 2}]}', 'lax $.a.b' WITH ARRAY WRAPPER)", "[1,2]"),
        Arguments.of("JSON_QUERY('{\"a\": {\"x\": \"y\", \"z\": [true]}}', '$.a.*' WITH WRAPPER)", "[[\"y\",[true]]]"),
        Arguments.of("JSON_QUERY(CAST(NULL AS STRING), '$')", null));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("jsonQuery")
  void jsonQueryExtractsJson(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> jsonConstructors() {
    return Stream.of(
        Arguments.of("JSON_STRING(1)", "1"),
        Arguments.of("JSON_STRING(1.5)", "1.5"),
        Arguments.of("JSON_STRING(TRUE)", "true"),
        Arguments.of("JSON_STRING('Hi \"you\"')", "\"Hi \\\"you\\\"\""),
        Arguments.of("JSON_STRING(ARRAY[1, 2])", "[1,2]"),
        Arguments.of("JSON_STRING(CAST(NULL AS INT))", null),
        Arguments.of("JSON_OBJECT()", "{}"),
        Arguments.of("JSON_OBJECT('a' VALUE 1, KEY 'b' VALUE 'x')", "{\"a\":1,\"b\":\"x\"}"),
        Arguments.of("JSON_OBJECT('a' VALUE JSON_OBJECT('b' VALUE 2))", "{\"a\":{\"b\":2}}"),
        Arguments.of("JSON_OBJECT('a' VALUE JSON_ARRAY(1, 2))", "{\"a\":[1,2]}"),
        Arguments.of("JSON_OBJECT('a' VALUE CAST(NULL AS STRING))", "{\"a\":null}"),
        Arguments.of("JSON_OBJECT('a' VALUE CAST(NULL AS STRING) ABSENT ON NULL)", "{}"),
        Arguments.of("JSON_ARRAY()", "[]"),
        Arguments.of("JSON_ARRAY(1, 'two', TRUE)", "[1,\"two\",true]"),
        Arguments.of("JSON_ARRAY(CAST(NULL AS INT))", "[]"),
        Arguments.of("JSON_ARRAY(CAST(NULL AS INT) NULL ON NULL)", "[null]"),
        Arguments.of("JSON_ARRAY(JSON_ARRAY(1), JSON_OBJECT('k' VALUE 'v'))", "[[1],{\"k\":\"v\"}]"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("jsonConstructors")
  void jsonConstructorsBuildJsonText(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void functionsReadTheRowsFields() {
    Row row = Row.of("{\"k\": [10, 20]}", 1, 2.5);
    assertThat(eval("JSON_VALUE(s, '$.k[1]' RETURNING INT)", row)).isEqualTo(20);
    assertThat(eval("JSON_OBJECT('n' VALUE n, 'd' VALUE d, 'k' VALUE JSON_QUERY(s, '$.k'))", row))
        .isEqualTo("{\"n\":1,\"d\":2.5,\"k\":\"[10,20]\"}");
  }

  @Test
  void errorOnErrorAndErrorOnEmptyRaiseTheError() {
    assertThatThrownBy(() -> eval("JSON_VALUE('{\"a\": [1]}', '$.a' ERROR ON ERROR)"))
        .isInstanceOf(JsonPathException.class).hasMessageContaining("JSON_VALUE selects a scalar");
    assertThatThrownBy(() -> eval("JSON_VALUE('{}', 'lax $.a' ERROR ON EMPTY)"))
        .isInstanceOf(JsonPathException.class).hasMessageContaining("found nothing at lax $.a");
    assertThatThrownBy(() -> eval("JSON_QUERY('{}', 'strict $.a' ERROR ON ERROR)"))
        .isInstanceOf(JsonPathException.class).hasMessageContaining("No member 'a'");
    assertThatThrownBy(() -> eval("JSON_EXISTS('[1', '$' ERROR ON ERROR)"))
        .isInstanceOf(JsonPathException.class).hasMessageContaining("Not a JSON value: '[1'");
    assertThatThrownBy(() -> eval("JSON_OBJECT(KEY s VALUE 1)"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("must not be NULL");
  }

  @Test
  void aMalformedConstantPathFailsThePlanningNamingThePosition() {
    assertThatThrownBy(() -> eval("JSON_VALUE(s, '$a')")).isInstanceOf(ValidationException.class)
        .hasMessage("Invalid JSON path '$a': expected '.' or '[' at position 2, found 'a'");
    assertThatThrownBy(() -> eval("JSON_EXISTS(s, 'a.b')")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("expected '$' (the root)");
    assertThatThrownBy(() -> eval("JSON_QUERY(s, '$.a[x]')")).isInstanceOf(ValidationException.class)
        .hasMessageContaining("at position 5");
  }

  @Test
  void jsonValueGivesBackWhatJsonObjectPutIn() {
    Gen<String> strings = SourceDSL.strings().allPossible().ofLengthBetween(0, 12);
    qt().withExamples(300).forAll(strings).checkAssert(text -> assertThat(eval("JSON_VALUE(JSON_OBJECT('k' VALUE s), '$.k')",
        Row.of(text, null, null))).isEqualTo(text));
    qt().withExamples(300).forAll(SourceDSL.integers().all()).checkAssert(number -> assertThat(eval(
        "JSON_VALUE(JSON_OBJECT('k' VALUE n), '$.k' RETURNING INT)", Row.of(null, number, null))).isEqualTo(number));
    qt().withExamples(300).forAll(SourceDSL.doubles().any()).assuming(d -> Double.isFinite(d)).checkAssert(number -> assertThat(eval(
        "JSON_VALUE(JSON_OBJECT('k' VALUE d), '$.k' RETURNING DOUBLE)", Row.of(null, null, number)))
        .isEqualTo(number));
  }
}
