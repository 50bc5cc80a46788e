package io.spate.table.runtime.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spate.api.eventtime.TimestampAssigner;
import io.spate.api.types.Row;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** A table's rowtime as the timestamps of its rows. */
class RowtimeWatermarksTest {

  @Test
  void rowsThatShareOneTimeObjectGetItsMillisecondsAndOthersTheirOwn() {
    TimestampAssigner<Row> assigner = RowtimeWatermarks.boundedDelay(1, 5).timestampAssigner()
        .createTimestampAssigner(null);
    LocalDateTime shared = LocalDateTime.of(2026, 11, 29, 7, 45, 0, 7_000_000);
    long millis = shared.toInstant(ZoneOffset.UTC).toEpochMilli();
    assertThat(assigner.extractTimestamp(Row.of("a", shared), 0)).isEqualTo(millis);
    assertThat(assigner.extractTimestamp(Row.of("b", shared), 0)).isEqualTo(millis);
    assertThat(assigner.extractTimestamp(Row.of("c", shared.plusNanos(1_000_000)), 0)).isEqualTo(millis + 1);
    // An equal time of another object, and a TIMESTAMP_LTZ.
    assertThat(assigner.extractTimestamp(Row.of("d", shared.plusNanos(0).withNano(7_000_000)), 0)).isEqualTo(millis);
    assertThat(assigner.extractTimestamp(Row.of("e", Instant.ofEpochMilli(-1)), 0)).isEqualTo(-1);
    assertThat(assigner.extractTimestamp(Row.of("f", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999)), 0))
        .isEqualTo(-1);
  }

  @Test
  void eachParallelInstanceGetsAnAssignerOfItsOwn() {
    RowtimeWatermarks watermarks = RowtimeWatermarks.boundedDelay(0, 0);
    assertThat(watermarks.timestampAssigner().createTimestampAssigner(null))
        .isNotSameAs(watermarks.timestampAssigner().createTimestampAssigner(null));
  }

  @Test
  void aNullRowtimeIsRefusedNamingTheRow() {
    TimestampAssigner<Row> assigner = RowtimeWatermarks.boundedDelay(1, 0).timestampAssigner()
        .createTimestampAssigner(null);
    assertThatThrownBy(() -> assigner.extractTimestamp(Row.of("a", null), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rowtime column (field 1) of row +I[a, null] is NULL");
  }
}
