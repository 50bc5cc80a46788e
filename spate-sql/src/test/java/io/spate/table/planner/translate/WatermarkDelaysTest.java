package io.spate.table.planner.translate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Which watermark expressions are a constant delay behind the rowtime column, and by how much. */
class WatermarkDelaysTest {

  private final JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType timestamp = types.createSqlType(SqlTypeName.TIMESTAMP, 3);

  private RexNode field(int index) {
    return rex.makeInputRef(timestamp, index);
  }

  private RexNode minus(RexNode time, long millis, TimeUnit unit) {
    RexNode interval = rex.makeIntervalLiteral(BigDecimal.valueOf(millis),
        new SqlIntervalQualifier(unit, null, SqlParserPos.ZERO));
    return rex.makeCall(SqlStdOperatorTable.MINUS, time, interval);
  }

  @Test
  void theRowtimeItselfAndTheRowtimeLessAnIntervalAreDelays() {
    assertThat(WatermarkDelays.of(field(2), 2)).isZero();
    assertThat(WatermarkDelays.of(minus(field(2), 5_000, TimeUnit.SECOND), 2)).isEqualTo(5_000);
    assertThat(WatermarkDelays.of(minus(field(2), 1, TimeUnit.SECOND), 2)).isEqualTo(1);
    assertThat(WatermarkDelays.of(minus(field(2), 120_000, TimeUnit.MINUTE), 2)).isEqualTo(120_000);
  }

  @Test
  void otherExpressionsAreEvaluatedPerRow() {
    assertThat(WatermarkDelays.of(field(1), 2)).isEqualTo(-1);
    assertThat(WatermarkDelays.of(minus(field(1), 5_000, TimeUnit.SECOND), 2)).isEqualTo(-1);
    assertThat(WatermarkDelays.of(minus(field(2), -5_000, TimeUnit.SECOND), 2)).isEqualTo(-1);
    assertThat(WatermarkDelays.of(rex.makeCall(SqlStdOperatorTable.DATETIME_PLUS, field(2),
        rex.makeIntervalLiteral(BigDecimal.valueOf(5_000), new SqlIntervalQualifier(TimeUnit.SECOND, null,
            SqlParserPos.ZERO))), 2)).isEqualTo(-1);
  }
}
