package io.spate.table.api;

import static io.spate.table.api.TableResults.rows;
import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code TRUNCATE(x [, n])} with Flink's result types: the type of {@code x}, but a {@code DECIMAL(p, s)} cut
 * to fewer literal places becomes {@code DECIMAL(1 + p - s + n, n)} ({@code DECIMAL(1 + p - s, 0)} for a
 * negative {@code n}). The expected types below are worked out by hand from that rule.
 */
class SqlTruncateE2ETest {

  private static final String ONE_ROW = " FROM (VALUES (CAST(1234 AS INT), CAST(-98765 AS BIGINT),"
      + " CAST(123.456 AS DECIMAL(6, 3)), CAST(-2.567 AS DOUBLE), CAST(1.25 AS FLOAT), 2,"
      + " CAST(NULL AS DECIMAL(6, 3)))) AS t (i, b, d, dbl, f, n, nd)";

  private final TableEnvironment tEnv = TableEnvironment.create(EnvironmentSettings.inStreamingMode());

  @Test
  void resultTypesAreFlinksForEveryNumericType() throws Exception {
    TableResult result = tEnv.executeSql("SELECT TRUNCATE(i, -1), TRUNCATE(b, -2), TRUNCATE(d, 1), TRUNCATE(d, -1),"
        + " TRUNCATE(d), TRUNCATE(d, 5), TRUNCATE(dbl, 2), TRUNCATE(f, 1), TRUNCATE(d, n), TRUNCATE(nd, 1),"
        + " TRUNCATE(CAST(99999999999999999999999999999999999.999 AS DECIMAL(38, 3)), -1)" + ONE_ROW);
    assertThat(result.getResolvedSchema().getColumnTypes().stream().map(t -> t.asSummaryString()).toList())
        .containsExactly("INT NOT NULL", "BIGINT NOT NULL", "DECIMAL(5, 1) NOT NULL", "DECIMAL(4, 0) NOT NULL",
            "DECIMAL(4, 0) NOT NULL", "DECIMAL(6, 3) NOT NULL", "DOUBLE NOT NULL", "FLOAT NOT NULL",
            "DECIMAL(6, 3) NOT NULL", "DECIMAL(5, 1)", "DECIMAL(36, 0) NOT NULL");
    Row row = rows(result).get(0);
    assertThat(row.getField(0)).isEqualTo(1230);
    assertThat(row.getField(1)).isEqualTo(-98700L);
    assertThat(row.getField(2)).isEqualTo(new BigDecimal("123.4"));
    assertThat(row.getField(3)).isEqualTo(new BigDecimal("120"));
    assertThat(row.getField(4)).isEqualTo(new BigDecimal("123"));
    assertThat(row.getField(5)).isEqualTo(new BigDecimal("123.456"));
    assertThat(row.getField(6)).isEqualTo(-2.56);
    assertThat(row.getField(7)).isEqualTo(1.2f);
    assertThat(row.getField(8)).isEqualTo(new BigDecimal("123.450"));
    assertThat(row.getField(9)).isNull();
    assertThat(row.getField(10)).isEqualTo(new BigDecimal("99999999999999999999999999999999990"));
  }

  @Test
  void aCutDecimalLiteralPrintsWithItsNewScale() throws Exception {
    List<Row> rows = rows(tEnv.executeSql("SELECT TRUNCATE(42.345, 2), TRUNCATE(-42.345, 1), TRUNCATE(42, -1)"));
    assertThat(rows).containsExactly(Row.of(new BigDecimal("42.34"), new BigDecimal("-42.3"), 40));
  }
}
