package io.spate.table.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import io.spate.table.api.SqlParserException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/** Flink's type spellings in CAST and RETURNING turned into Calcite's, and nothing else touched. */
class FlinkTypeSyntaxTest {

  @Test
  void timestampLtzBecomesTimestampWithLocalTimeZone() {
    assertThat(FlinkTypeSyntax.toCalcite("SELECT CAST(x AS TIMESTAMP_LTZ(3)), TRY_CAST(y AS timestamp_ltz) FROM t"))
        .isEqualTo("SELECT CAST(x AS TIMESTAMP(3) WITH LOCAL TIME ZONE),"
            + " TRY_CAST(y AS TIMESTAMP(6) WITH LOCAL TIME ZONE) FROM t");
  }

  @Test
  void angleBracketTypesBecomeCalcitesSpelling() {
    assertThat(FlinkTypeSyntax.toCalcite("CAST(r AS ROW<a INT NOT NULL, `b c` ARRAY<STRING>>)"))
        .isEqualTo("CAST(r AS ROW(`a` INT NOT NULL, `b c` VARCHAR(2147483647) ARRAY))");
    assertThat(FlinkTypeSyntax.toCalcite("CAST(m AS MAP<STRING, TIMESTAMP_LTZ(3)>)"))
        .isEqualTo("CAST(m AS MAP<VARCHAR(2147483647), TIMESTAMP(3) WITH LOCAL TIME ZONE>)");
  }

  @Test
  void onlyTheTypeOfTheInnermostCastIsRewritten() {
    assertThat(FlinkTypeSyntax.toCalcite(
        "SELECT CAST(CAST(a AS TIMESTAMP_LTZ(3)) AS TIMESTAMP(3)) AS b, f(c AS d) FROM t AS u"))
        .isEqualTo("SELECT CAST(CAST(a AS TIMESTAMP(3) WITH LOCAL TIME ZONE) AS TIMESTAMP(3)) AS b, f(c AS d)"
            + " FROM t AS u");
  }

  @Test
  void aReturningTypeEndsWhereTheJsonClausesStart() {
    assertThat(FlinkTypeSyntax.toCalcite(
        "JSON_QUERY(j, '$.a' RETURNING ARRAY<STRING> WITH CONDITIONAL ARRAY WRAPPER NULL ON EMPTY ERROR ON ERROR)"))
        .isEqualTo("JSON_QUERY(j, '$.a' RETURNING VARCHAR(2147483647) ARRAY WITH CONDITIONAL ARRAY WRAPPER"
            + " NULL ON EMPTY ERROR ON ERROR)");
    assertThat(FlinkTypeSyntax.toCalcite("JSON_QUERY(j, '$' RETURNING ARRAY<STRING> EMPTY ARRAY ON ERROR)"))
        .isEqualTo("JSON_QUERY(j, '$' RETURNING VARCHAR(2147483647) ARRAY EMPTY ARRAY ON ERROR)");
  }

  @Test
  void aBadTypeIsReportedAtItsLineAndColumn() {
    assertThatThrownBy(() -> FlinkTypeSyntax.toCalcite("SELECT 1,\n  CAST(x AS ARRAY<STRIN>)"))
        .isInstanceOf(SqlParserException.class)
        .hasMessageContaining("line 2, column 13");
  }

  @Test
  void statementsWithoutFlinkOnlyTypesStayAsTheyAre() {
    Gen<String> words = Generate.pick(List.of("CAST(", "x", "AS", "INT", ")", "DECIMAL(10, 2)", "RETURNING",
        "STRING", "'<'", "a <> b", "b >= c", ",", "TIMESTAMP(3)", "TO_TIMESTAMP_LTZ(1, 3)", "`TIMESTAMP_LTZ`", " "));
    qt().forAll(SourceDSL.lists().of(words).ofSizeBetween(0, 20))
        .checkAssert(parts -> {
          String sql = String.join(" ", parts);
          assertThat(FlinkTypeSyntax.toCalcite(sql)).isEqualTo(sql);
        });
  }
}
