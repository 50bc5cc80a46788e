package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.greatest;
import static io.spate.table.api.Expressions.ifThenElse;
import static io.spate.table.api.Expressions.least;
import static io.spate.table.api.Expressions.map;
import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Table API's expression methods of Flink's built-in functions (issue 30) give what their SQL gives. */
class TableApiBuiltInFunctionsE2ETest {

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void stringMethods() throws Exception {
    Table table = tEnv.sqlQuery("SELECT * FROM (VALUES ('hi', 2)) AS t (s, n)");
    List<Row> rows = rows(table.select($("s").lpad(4, "??"), $("s").rpad($("n").plus(1), "x"), $("s").repeat(2),
        $("s").reverse(), $("s").left(1), $("s").right(1), $("s").toBase64().fromBase64(), $("s").md5(),
        $("s").sha2(256), $("s").hex(), $("n").bin(), $("s").locate("xhix"), $("s").instr("i"),
        $("s").regexp("h."), $("s").similar("h_"), $("s").strToMap().cardinality()).execute());
    assertThat(rows).containsExactly(Row.of("??hi", "hix", "hihi", "ih", "h", "i", "hi",
        "49f68a5c8493ec2c0bf489821c21fc3b", "8f434346648f6b96df89dda901c5176b10a6d83961dd3c1ac88b59b2dc327aa4",
        "6869", "10", 2, 2, true, true, 1));
  }

  @Test
  void conditionalMathAndCollectionMethods() throws Exception {
    Table table = tEnv.sqlQuery("SELECT * FROM (VALUES (8, 3)) AS t (x, y)");
    List<Row> rows = rows(table.select(greatest($("x"), $("y"), 5), least($("x"), $("y")),
        ifThenElse($("x").isGreater($("y")), "x", "y"), Expressions.lit(2).log($("x")), $("x").log2(),
        map("a", $("x")).cardinality(), Expressions.array($("x"), $("y"), $("x")).arrayDistinct().cardinality(),
        Expressions.array($("x"), $("y")).arrayContains(3)).execute());
    assertThat(rows).containsExactly(Row.of(8, 3, "x", 3.0, 3.0, 1, 2, true));
  }
}
