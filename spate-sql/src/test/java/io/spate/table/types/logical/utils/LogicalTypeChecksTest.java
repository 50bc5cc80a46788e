package io.spate.table.types.logical.utils;

import static io.spate.table.types.logical.utils.LogicalTypeParser.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.table.types.logical.LocalZonedTimestampType;
import io.spate.table.types.logical.TimestampKind;
import io.spate.table.types.logical.TimestampType;
import org.junit.jupiter.api.Test;

class LogicalTypeChecksTest {

  @Test
  void precisionScaleAndLength() {
    assertThat(LogicalTypeChecks.getPrecision(parse("DECIMAL(12, 4)"))).isEqualTo(12);
    assertThat(LogicalTypeChecks.getScale(parse("DECIMAL(12, 4)"))).isEqualTo(4);
    assertThat(LogicalTypeChecks.getPrecision(parse("BIGINT"))).isEqualTo(19);
    assertThat(LogicalTypeChecks.getPrecision(parse("INT"))).isEqualTo(10);
    assertThat(LogicalTypeChecks.getScale(parse("SMALLINT"))).isZero();
    assertThat(LogicalTypeChecks.getPrecision(parse("TIMESTAMP_LTZ(3)"))).isEqualTo(3);
    assertThat(LogicalTypeChecks.getPrecision(parse("TIME(2)"))).isEqualTo(2);
    assertThat(LogicalTypeChecks.getPrecision(parse("TIMESTAMP"))).isEqualTo(6);
    assertThat(LogicalTypeChecks.getLength(parse("STRING"))).isEqualTo(Integer.MAX_VALUE);
    assertThat(LogicalTypeChecks.getLength(parse("BINARY(4)"))).isEqualTo(4);
    assertThatThrownBy(() -> LogicalTypeChecks.getPrecision(parse("STRING")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("The type STRING has no precision.");
    assertThatThrownBy(() -> LogicalTypeChecks.getScale(parse("DOUBLE"))).hasMessage("The type DOUBLE has no scale.");
    assertThatThrownBy(() -> LogicalTypeChecks.getLength(parse("INT"))).hasMessage("The type INT has no length.");
  }

  @Test
  void fields() {
    assertThat(LogicalTypeChecks.getFieldNames(parse("ROW<a INT, b INT>"))).containsExactly("a", "b");
    assertThat(LogicalTypeChecks.getFieldCount(parse("ROW<a INT, b INT>"))).isEqualTo(2);
    assertThat(LogicalTypeChecks.getFieldNames(parse("INT"))).isEmpty();
    assertThat(LogicalTypeChecks.getFieldCount(parse("ARRAY<INT>"))).isZero();
  }

  @Test
  void timeAttributes() {
    TimestampType rowtime = new TimestampType(false, TimestampKind.ROWTIME, 3);
    LocalZonedTimestampType proctime = new LocalZonedTimestampType(false, TimestampKind.PROCTIME, 3);
    assertThat(LogicalTypeChecks.isRowtimeAttribute(rowtime)).isTrue();
    assertThat(LogicalTypeChecks.isProctimeAttribute(rowtime)).isFalse();
    assertThat(LogicalTypeChecks.isProctimeAttribute(proctime)).isTrue();
    assertThat(LogicalTypeChecks.isTimeAttribute(proctime)).isTrue();
    assertThat(LogicalTypeChecks.isTimeAttribute(new TimestampType(3))).isFalse();
    assertThat(LogicalTypeChecks.isTimeAttribute(parse("INT"))).isFalse();
  }
}
