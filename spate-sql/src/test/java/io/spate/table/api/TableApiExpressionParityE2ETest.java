package io.spate.table.api;

import static io.spate.table.api.Expressions.$;
import static io.spate.table.api.Expressions.array;
import static io.spate.table.api.Expressions.callSql;
import static io.spate.table.api.Expressions.coalesce;
import static io.spate.table.api.Expressions.concatWs;
import static io.spate.table.api.Expressions.lit;
import static io.spate.table.api.Expressions.negative;
import static io.spate.table.api.Expressions.not;
import static io.spate.table.api.Expressions.nullOf;
import static io.spate.table.api.Expressions.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The expression methods Flink programs use most, each computing what Java computes for the same values. */
class TableApiExpressionParityE2ETest {

  private TableEnvironment tEnv;
  private Table words;

  @BeforeEach
  void createEnvironment() {
    tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    tEnv.getConfig().set("parallelism.default", "1");
    words = tEnv.fromValues(Row.of(1, "  Hello World  ", 2.5), Row.of(2, "spate", -4.0)).as("id", "s", "d");
  }

  private List<Row> rows(Table table) {
    return TableResults.rows(table.execute());
  }

  @Test
  void logicAndNullHandling() {
    Table table = words.select($("id"), not($("id").isEqual(1)), $("id").isGreater(1).isNotTrue(),
        $("id").notBetween(2, 5), nullOf(DataTypes.INT()).ifNull($("id")), coalesce(nullOf(DataTypes.STRING()), "x"),
        $("id").isEqual(1).then("one", "other"), negative($("id")));
    assertThat(rows(table)).containsExactly(
        Row.of(1, false, true, true, 1, "x", "one", -1),
        Row.of(2, true, false, false, 2, "x", "other", -2));
  }

  @Test
  void stringFunctions() {
    Table table = words.select($("s").trimLeading(), $("s").trimTrailing(), $("s").trim().replace("o", "0"),
        $("s").trim().lowerCase().initCap(), lit("l").position($("s")), $("s").trim().substr(1, 3),
        $("s").trim().regexpReplace("[aeiou]", "_"), $("s").trim().regexpExtract("(\\w)(\\w*)", 1),
        $("s").trim().splitIndex(" ", 1), concatWs("-", $("id").cast(DataTypes.STRING()), "x"));
    List<Row> expected = List.of("  Hello World  ", "spate").stream().map(s -> {
      String t = s.trim();
      String[] parts = t.split(" ");
      return Row.of(s.stripLeading(), s.stripTrailing(), t.replace("o", "0"), initCap(t.toLowerCase()),
          s.indexOf('l') + 1, t.substring(0, 3), t.replaceAll("[aeiou]", "_"), t.substring(0, 1),
          parts.length > 1 ? parts[1] : null, (s.startsWith(" ") ? "1" : "2") + "-x");
    }).toList();
    assertThat(rows(table)).containsExactlyElementsOf(expected);
  }

  private static String initCap(String s) {
    StringBuilder out = new StringBuilder();
    boolean start = true;
    for (char c : s.toCharArray()) {
      out.append(start ? Character.toUpperCase(c) : c);
      start = !Character.isLetterOrDigit(c);
    }
    return out.toString();
  }

  @Test
  void mathFunctions() {
    Table table = words.select($("d").abs(), $("d").exp(), $("d").abs().ln(), $("d").abs().log10(),
        $("d").power(2), $("d").abs().sqrt());
    List<Row> expected = List.of(2.5, -4.0).stream().map(d -> Row.of(Math.abs(d), Math.exp(d), Math.log(Math.abs(d)),
        Math.log10(Math.abs(d)), Math.pow(d, 2), Math.sqrt(Math.abs(d)))).toList();
    assertThat(rows(table)).containsExactlyElementsOf(expected);
  }

  @Test
  void valueConstructorsAndAccess() {
    Table table = words.select(array($("id"), 10).as("a"), row($("id"), "r").as("r"))
        .select($("a").at(1), $("a").at(2), $("r"));
    assertThat(rows(table)).containsExactly(Row.of(1, 10, Row.of(1, "r")), Row.of(2, 10, Row.of(2, "r")));
  }

  @Test
  void timeConversionsAndIntervals() {
    Table table = tEnv.fromValues(Row.of("2026-01-31", "10:30:00", "2026-01-31 10:30:00")).as("d", "t", "ts")
        .select($("d").toDate(), $("ts").toTimestamp().plus(lit(2).hour()), $("d").toDate().plus(lit(1).month()),
            $("d").toDate().minus(lit(1).year()), callSql("DATE_FORMAT(TIMESTAMP '2026-01-31 10:30:00', 'yyyy/MM')"));
    assertThat(rows(table)).containsExactly(Row.of(LocalDate.of(2026, 1, 31), LocalDateTime.of(2026, 1, 31, 12, 30),
        LocalDate.of(2026, 2, 28), LocalDate.of(2025, 1, 31), "2026/01"));
  }
}
