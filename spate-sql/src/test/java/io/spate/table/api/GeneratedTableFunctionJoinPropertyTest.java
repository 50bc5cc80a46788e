package io.spate.table.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.types.Row;
import io.spate.table.annotation.DataTypeHint;
import io.spate.table.annotation.FunctionHint;
import io.spate.table.functions.ScalarFunction;
import io.spate.table.functions.TableFunction;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * A join with a user's table function ({@code LATERAL TABLE}) whose call and calc above run as
 * generated classes (the call of {@code eval} directly, the calc over the input row and the function's
 * row without a joined row) emits exactly the rows it emits interpreted, with the reflective call and
 * a calc step of its own ({@code table.exec.spate.codegen.enabled = false}), on random rows with NULLs:
 * for boxed and primitive parameters (a NULL skips the call), an {@code INT} argument for a {@code long} or
 * {@code Long} parameter (cast, as the reflective call converts it), a {@code DECIMAL} for a {@code double}
 * parameter (left to the reflective call), functions of single values and of rows, inner and LEFT joins, a filter
 * on the function's columns and a scalar function in the arguments and above.
 */
class GeneratedTableFunctionJoinPropertyTest {

  /** The numbers from 0 to {@code n % 4}, one row each; none for a negative {@code n} or NULL. */
  public static class UpTo extends TableFunction<Long> {
    public void eval(Long n) {
      if (n != null) {
        for (long i = 0; i <= n % 4; i++) {
          collect(i);
        }
      }
    }
  }

  /** {@code s} and its length, {@code times} times; a primitive parameter: a NULL {@code times} skips the call. */
  @FunctionHint(output = @DataTypeHint("ROW<piece STRING, len INT>"))
  public static class Pieces extends TableFunction<Row> {
    public void eval(String s, long times) {
      for (long i = 0; i < Math.min(times, 3); i++) {
        collect(Row.of(s == null ? null : s + i, s == null ? null : s.length()));
      }
    }
  }

  /** One row of {@code n} doubled; an {@code INT} argument is cast to the {@code long} parameter. */
  public static class Doubled extends TableFunction<Long> {
    public void eval(long n) {
      collect(2 * n);
    }
  }

  /** One row of {@code x} halved; a {@code DECIMAL} argument is converted by the reflective call. */
  public static class Halved extends TableFunction<Double> {
    public void eval(double x) {
      collect(x / 2);
    }
  }

  /** Fails on 13. */
  public static class Unlucky extends TableFunction<Long> {
    public void eval(Long n) {
      if (n != null && n == 13) {
        throw new IllegalStateException("thirteen");
      }
      collect(n);
    }
  }

  /** {@code n} plus one. */
  public static class PlusOne extends ScalarFunction {
    public Long eval(Long n) {
      return n == null ? null : n + 1;
    }
  }

  private static final List<String> QUERIES = List.of(
      "SELECT id, n, x FROM t, LATERAL TABLE(up_to(n)) AS u(x)",
      "SELECT id, x * 10 + n AS y FROM t LEFT JOIN LATERAL TABLE(up_to(plus_one(n))) AS u(x) ON TRUE"
          + " WHERE x IS NULL OR x <> 1",
      "SELECT id, x, s FROM t LEFT JOIN LATERAL TABLE(up_to(n)) AS u(x) ON TRUE",
      "SELECT id, piece, len FROM t, LATERAL TABLE(pieces(s, n)) AS p(piece, len)",
      "SELECT id, UPPER(piece), plus_one(CAST(len AS BIGINT)) FROM t LEFT JOIN LATERAL TABLE(pieces(s, n))"
          + " AS p(piece, len) ON TRUE WHERE len IS NULL OR len > 1",
      "SELECT id, d FROM t, LATERAL TABLE(doubled(i)) AS u(d)",
      "SELECT id, x FROM t, LATERAL TABLE(up_to(MOD(n, 3))) AS u(x)",
      "SELECT id, h FROM t, LATERAL TABLE(halved(CAST(i AS DECIMAL(5, 1)))) AS u(h)",
      "SELECT * FROM t, LATERAL TABLE(up_to(n)) AS u(x)");

  @Test
  void generatedJoinsEmitWhatInterpretedJoinsEmit() {
    qt().withFixedSeed(20261128L).withExamples(3).withShrinkCycles(0).forAll(SourceDSL.longs().all())
        .checkAssert(seed -> {
          String table = values(new Random(seed));
          for (String query : QUERIES) {
            Map<Row, Integer> generated = run(true, table, query);
            Map<Row, Integer> interpreted = run(false, table, query);
            assertThat(generated).as("%s over %s", query, table).isEqualTo(interpreted);
          }
        });
  }

  @Test
  void aFailingFunctionFailsTheJobNamingItWithAndWithoutGeneratedCode() {
    for (boolean codegen : new boolean[] {true, false}) {
      assertThatThrownBy(() -> run(codegen, "(VALUES (1, CAST(13 AS BIGINT), 'a', 1)) AS t(id, n, s, i)",
          "SELECT id, x FROM t, LATERAL TABLE(unlucky(n)) AS u(x)"))
          .hasStackTraceContaining("Function")
          .hasStackTraceContaining(".eval failed: java.lang.IllegalStateException: thirteen");
    }
  }

  private static Map<Row, Integer> run(boolean codegen, String table, String query) {
    TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    tEnv.getConfig().set("table.exec.spate.codegen.enabled", Boolean.toString(codegen));
    tEnv.createTemporarySystemFunction("up_to", UpTo.class);
    tEnv.createTemporarySystemFunction("pieces", Pieces.class);
    tEnv.createTemporarySystemFunction("doubled", Doubled.class);
    tEnv.createTemporarySystemFunction("unlucky", Unlucky.class);
    tEnv.createTemporarySystemFunction("halved", Halved.class);
    tEnv.createTemporarySystemFunction("plus_one", PlusOne.class);
    tEnv.executeSql("CREATE TEMPORARY VIEW t AS SELECT * FROM " + table);
    return TableResults.folded(tEnv.executeSql(query));
  }

  /** A VALUES table (id INT, n BIGINT, s STRING, i INT) of random rows, a fifth of each column NULL. */
  private static String values(Random random) {
    String[] texts = {"", "a", "bb", "ccc"};
    StringJoiner rows = new StringJoiner(", ", "(VALUES ", ") AS t(id, n, s, i)");
    for (int id = 0; id < 40; id++) {
      String n = random.nextInt(5) == 0 ? "CAST(NULL AS BIGINT)" : "CAST(" + (random.nextInt(9) - 2) + " AS BIGINT)";
      String s = random.nextInt(5) == 0 ? "CAST(NULL AS STRING)" : "'" + texts[random.nextInt(texts.length)] + "'";
      String i = random.nextInt(5) == 0 ? "CAST(NULL AS INT)" : Integer.toString(random.nextInt(100) - 50);
      rows.add("(" + id + ", " + n + ", " + s + ", " + i + ")");
    }
    return rows.toString();
  }
}
