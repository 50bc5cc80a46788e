package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.spate.api.types.Row;
import io.spate.table.functions.FunctionContext;
import io.spate.table.functions.ScalarFunction;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries whose projections and filters run as generated code (the default) give what they give
 * interpreted ({@code table.exec.spate.codegen.enabled = false}); user functions in generated calcs
 * are opened and closed.
 */
class SqlGeneratedCalcE2ETest {

  private static final String INPUT = "(VALUES (1, CAST(10 AS BIGINT), 'a', CAST(1.50 AS DECIMAL(5, 2)), TRUE),"
      + " (2, CAST(0 AS BIGINT), 'bb', CAST(NULL AS DECIMAL(5, 2)), FALSE),"
      + " (CAST(NULL AS INT), CAST(7 AS BIGINT), CAST(NULL AS STRING), CAST(2.25 AS DECIMAL(5, 2)), CAST(NULL AS"
      + " BOOLEAN))) AS t(i, b, s, m, p)";

  /** Counts how often it was opened and closed. */
  public static class Counted extends ScalarFunction {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();
    private String suffix;

    @Override
    public void open(FunctionContext context) {
      OPENED.incrementAndGet();
      suffix = "!";
    }

    @Override
    public void close() {
      CLOSED.incrementAndGet();
    }

    public String eval(String s) {
      return s == null ? null : s + suffix;
    }
  }

  private TableEnvironment tEnv;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
  }

  private List<Row> rows(boolean generated, String query) {
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", String.valueOf(generated));
    return TableResults.rows(tEnv.executeSql(query));
  }

  @Test
  void generatedAndInterpretedCalcsGiveTheSameRows() {
    List<String> queries = List.of(
        "SELECT i + 1, b * 2, m * b, CASE WHEN p THEN s ELSE 'none' END, i IS NULL, COALESCE(i, -1) FROM " + INPUT,
        "SELECT i, s FROM " + INPUT + " WHERE b > 5 OR p",
        "SELECT UPPER(s), CHAR_LENGTH(s) + i, s LIKE 'b%' FROM " + INPUT + " WHERE i IN (1, 2, 3)",
        "SELECT CAST(i AS DOUBLE) / 4, CAST(m AS INT), CAST(b AS STRING) FROM " + INPUT + " WHERE p IS NOT FALSE");
    for (String query : queries) {
      assertThat(rows(true, query)).as(query).isEqualTo(rows(false, query)).isNotEmpty();
    }
    assertThat(rows(true, "SELECT i, 0.908 * b FROM " + INPUT + " WHERE i = 1"))
        .containsExactly(Row.of(1, new BigDecimal("9.080")));
  }

  @Test
  void aRuntimeErrorOfAGeneratedCalcFailsTheJobAsTheInterpretedOne() {
    String query = "SELECT 100 / b FROM " + INPUT;
    Throwable generated = catchFailure(() -> rows(true, query));
    Throwable interpreted = catchFailure(() -> rows(false, query));
    assertThat(rootCause(generated)).isInstanceOf(TableException.class).hasMessage("Division by zero: 100 / 0");
    assertThat(rootCause(interpreted).getMessage()).isEqualTo(rootCause(generated).getMessage());
  }

  @Test
  void userFunctionsInAGeneratedCalcAreOpenedAndClosedAsInAnInterpretedOne() {
    tEnv.createTemporarySystemFunction("counted", Counted.class);
    String query = "SELECT counted(s), i FROM " + INPUT + " WHERE counted(s) IS NOT NULL";
    int[] generated = openedAndClosed(() -> assertThat(rows(true, query))
        .containsExactly(Row.of("a!", 1), Row.of("bb!", 2)));
    int[] interpreted = openedAndClosed(() -> rows(false, query));
    assertThat(generated[0]).as("opened").isPositive().isEqualTo(generated[1]).isEqualTo(interpreted[0]);
    assertThat(interpreted[1]).as("closed, interpreted").isEqualTo(interpreted[0]);
  }

  private static int[] openedAndClosed(Runnable run) {
    int opened = Counted.OPENED.get();
    int closed = Counted.CLOSED.get();
    run.run();
    return new int[] {Counted.OPENED.get() - opened, Counted.CLOSED.get() - closed};
  }

  private static Throwable catchFailure(Runnable run) {
    Throwable failure = catchThrowable(run::run);
    assertThat(failure).as("the query's failure").isNotNull();
    return failure;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
