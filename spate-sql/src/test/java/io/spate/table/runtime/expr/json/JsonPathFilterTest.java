package io.spate.table.runtime.expr.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.catalog.CatalogManager;
import io.spate.table.catalog.FunctionCatalog;
import io.spate.table.parse.SqlText;
import io.spate.table.planner.SqlPlanner;
import io.spate.table.planner.codegen.ExprCompiler;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quicktheories.generators.SourceDSL;

/**
 * Filters in JSON paths ({@code [?(...)]}) with the results Flink's JSON functions give for them: as in
 * the Jayway paths Flink evaluates, a path with a filter selects one array of what it reaches, so
 * {@code JSON_QUERY} returns that array (also when it is empty), {@code JSON_VALUE} finds no scalar (NULL,
 * or its ON EMPTY clause in lax mode, its ON ERROR clause in strict mode) and {@code JSON_EXISTS} is TRUE.
 */
class JsonPathFilterTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final String SHOP = "'{\"items\": [{\"name\": \"pen\", \"price\": 5, \"tag\": \"office\"},"
      + " {\"name\": \"lamp\", \"price\": 25, \"tag\": \"home\"}, {\"name\": \"desk\", \"price\": 120, \"tag\": \"office\"},"
      + " {\"price\": 40}, {\"name\": \"gift\", \"price\": \"12\"}], \"limit\": 30}'";

  private final SqlPlanner planner = newPlanner();

  private static SqlPlanner newPlanner() {
    CatalogManager catalogs = new CatalogManager();
    return new SqlPlanner(catalogs, new FunctionCatalog(catalogs), () -> UTC);
  }

  private Object eval(String expression, String s) {
    RelDataTypeFactory types = planner.typeFactory();
    RelDataType rowType = types.builder()
        .add("s", types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true))
        .build();
    return new ExprCompiler(planner.rexBuilder(), UTC).compile(planner.toRex(new SqlText(expression, 1, 1), rowType))
        .eval(Row.of(s));
  }

  private Object eval(String expression) {
    return eval(expression, null);
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        // numbers compare as numbers; an item without the member is left out, also in strict mode
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price > 10)].name')", "[\"lamp\",\"desk\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", 'lax $.items[?(@.price > 10)].name')", "[\"lamp\",\"desk\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price >= 25 && @.tag == ''office'')].name')",
            "[\"desk\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price < 10 || @.tag == \"home\")].name')",
            "[\"pen\",\"lamp\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.tag != ''office'')].price')", "[25,40,\"12\"]"),
        // a string that is a number equals it, but does not order against numbers
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price == 12)].name')", "[\"gift\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price <= 12)].name')", "[\"pen\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.name)].price')", "[5,25,120,\"12\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.name exists false)]')", "[{\"price\":40}]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price > $.limit)].name')", "[\"desk\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?((@.price > 100 || @.price < 10) && @.tag)].name')",
            "[\"pen\",\"desk\"]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price > 1000)]')", "[]"),
        Arguments.of("JSON_QUERY(" + SHOP + ", '$.items[?(@.price > 100)]' WITH WRAPPER)",
            "[[{\"name\":\"desk\",\"price\":120,\"tag\":\"office\"}]]"),
        // on an object a filter keeps the object itself or not
        Arguments.of("JSON_QUERY('{\"a\": {\"x\": 1}}', '$.a[?(@.x == 1)]')", "[{\"x\":1}]"),
        Arguments.of("JSON_QUERY('{\"a\": [[1], {\"x\": true}]}', '$.a[?(@.x == true)]')", "[{\"x\":true}]"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("queries")
  void jsonQueryGivesTheArrayAFilterSelects(String expression, String expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  static Stream<Arguments> valuesAndExists() {
    return Stream.of(
        Arguments.of("JSON_VALUE(" + SHOP + ", '$.items[?(@.price > 100)].name')", null),
        Arguments.of("JSON_VALUE(" + SHOP + ", 'lax $.items[?(@.price > 100)].name' DEFAULT 'none' ON EMPTY)",
            "none"),
        Arguments.of("JSON_VALUE(" + SHOP + ", 'strict $.items[?(@.price > 100)].name' DEFAULT 'none' ON EMPTY)",
            null),
        Arguments.of("JSON_VALUE(" + SHOP + ", 'strict $.items[?(@.price > 100)].name' DEFAULT 'err' ON ERROR)",
            "err"),
        Arguments.of("JSON_EXISTS(" + SHOP + ", '$.items[?(@.price > 100)]')", true),
        Arguments.of("JSON_EXISTS(" + SHOP + ", '$.items[?(@.price > 1000)]')", true),
        Arguments.of("JSON_EXISTS('{\"a\": 1}', '$.a[?(@.x)]')", false), // strict: a filter on a scalar fails
        Arguments.of("JSON_EXISTS('{\"a\": 1}', '$.a[?(@.x)]' TRUE ON ERROR)", true),
        Arguments.of("JSON_EXISTS('{\"a\": 1}', 'lax $.a[?(@.x)]')", true));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("valuesAndExists")
  void jsonValueFindsNoScalarAndJsonExistsFindsTheArray(String expression, Object expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void errorOnErrorRaisesForAFilterInJsonValue() {
    assertThatThrownBy(() -> eval("JSON_VALUE(" + SHOP + ", '$.items[?(@.price > 100)].name' ERROR ON ERROR)"))
        .hasMessageContaining("strict mode selects a scalar").hasMessageContaining("[\"desk\"]");
    assertThatThrownBy(() -> eval("JSON_VALUE(" + SHOP + ", 'lax $.items[?(@.price > 100)].name' ERROR ON EMPTY)"))
        .hasMessageContaining("ERROR ON EMPTY");
  }

  @Test
  void aMalformedFilterFailsNamingThePosition() {
    assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.x = 1)]")).isInstanceOf(JsonPathException.class)
        .hasMessageContaining("position 11").hasMessageContaining("'=='");
    assertThatThrownBy(() -> JsonPath.parse("$.a[?(@.x > 1]")).isInstanceOf(JsonPathException.class)
        .hasMessageContaining("expected ')'");
    assertThatThrownBy(() -> JsonPath.parse("$.a[?(1)]")).isInstanceOf(JsonPathException.class)
        .hasMessageContaining("a path ('@' or '$') to test");
  }

  @Test
  void aFilterOnPricesSelectsWhatAPlainJavaFilterSelects() {
    qt().withExamples(200).forAll(SourceDSL.lists().of(SourceDSL.integers().between(-50, 50)).ofSizeBetween(0, 8),
        SourceDSL.integers().between(-50, 50)).checkAssert((prices, threshold) -> {
          String doc = prices.stream().map(p -> "{\"p\": " + p + "}").collect(Collectors.joining(",", "[", "]"));
          List<String> expected = prices.stream().filter(p -> p > threshold).map(String::valueOf).toList();
          Object actual = eval("JSON_QUERY(s, '$[?(@.p > " + threshold + ")].p')", doc);
          assertThat(actual).isEqualTo("[" + String.join(",", expected) + "]");
        });
  }
}
