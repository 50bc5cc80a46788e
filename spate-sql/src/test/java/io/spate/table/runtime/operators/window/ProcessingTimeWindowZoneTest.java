package io.spate.table.runtime.operators.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.spate.api.types.Row;
import io.spate.table.runtime.expr.ValueType;
import io.spate.table.runtime.keys.SqlKeySelector;
import io.spate.table.runtime.operators.aggregate.AggFunction;
import io.spate.table.runtime.operators.aggregate.AggFunctions;
import io.spate.table.types.logical.IntType;
import io.spate.testing.OneInputTestHarness;
import io.spate.testing.TestHarnesses;
import io.spate.api.typeinfo.Types;
import io.spate.api.functions.KeyedProcessFunction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Processing-time window aggregates in a session zone with summer time (New York): rows go into the
 * windows of the zone's wall-clock time when they arrive, windows carry that time, and a window fires
 * when the clock last reaches its end, so that the hour the clock shows twice stays in one window and
 * the windows of the hour it skips fire together.
 */
class ProcessingTimeWindowZoneTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  @Test
  void anHourlyWindowBeforeTheSkippedHourFiresWhenTheClockJumpsPastIt() throws Exception {
    OneInputTestHarness<Row, Row> harness = sliced(WindowSpec.tumble(HOUR, 0));
    harness.setProcessingTime(millis("2024-03-10T06:30:00Z")); // 01:30 EST
    harness.processElement(row(7));
    harness.setProcessingTime(millis("2024-03-10T06:59:59.998Z"));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.setProcessingTime(millis("2024-03-10T07:00:00Z")); // the clock jumps from 01:59:59.999 to 03:00
    harness.processElement(row(5)); // 03:00 EDT
    harness.setProcessingTime(millis("2024-03-10T07:59:59.998Z"));
    assertThat(results(harness)).containsExactly("2024-03-10T01:00..2024-03-10T02:00 k=0 count=1 sum=7");
    harness.setProcessingTime(millis("2024-03-10T07:59:59.999Z")); // 03:59:59.999 EDT
    assertThat(results(harness)).containsExactly("2024-03-10T01:00..2024-03-10T02:00 k=0 count=1 sum=7",
        "2024-03-10T03:00..2024-03-10T04:00 k=0 count=1 sum=5");
  }

  @Test
  void theWindowsOfASkippedHourFireTogetherAfterTheOneBeforeIt() throws Exception {
    // Hopping windows of an hour every half hour: [01:00, 02:00) holds the row at 01:40; [01:30, 02:30) too,
    // and ends in the skipped hour, so both fire at the jump, in the order of their ends.
    OneInputTestHarness<Row, Row> harness = sliced(WindowSpec.hop(30 * MINUTE, HOUR, 0));
    harness.setProcessingTime(millis("2024-03-10T06:40:00Z")); // 01:40 EST
    harness.processElement(row(3));
    harness.setProcessingTime(millis("2024-03-10T06:59:59.998Z"));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.setProcessingTime(millis("2024-03-10T07:00:00Z"));
    assertThat(results(harness)).containsExactly("2024-03-10T01:00..2024-03-10T02:00 k=0 count=1 sum=3",
        "2024-03-10T01:30..2024-03-10T02:30 k=0 count=1 sum=3");
  }

  @Test
  void aWindowInTheRepeatedHourHoldsBothOccurrencesAndFiresAfterTheSecond() throws Exception {
    OneInputTestHarness<Row, Row> harness = sliced(WindowSpec.tumble(30 * MINUTE, 0));
    harness.setProcessingTime(millis("2024-11-03T04:40:00Z")); // 00:40 EDT, window [00:30, 01:00)
    harness.processElement(row(1));
    harness.setProcessingTime(millis("2024-11-03T05:10:00Z")); // 01:10 EDT, the first time
    assertThat(results(harness)).containsExactly("2024-11-03T00:30..2024-11-03T01:00 k=0 count=1 sum=1");
    harness.processElement(row(10));
    harness.setProcessingTime(millis("2024-11-03T05:45:00Z")); // 01:45 EDT: [01:00, 01:30) has not closed
    assertThat(harness.extractOutputValues()).hasSize(1);
    harness.setProcessingTime(millis("2024-11-03T06:20:00Z")); // 01:20 EST, the second time
    harness.processElement(row(100));
    harness.setProcessingTime(millis("2024-11-03T06:29:59.999Z"));
    assertThat(results(harness)).containsExactly("2024-11-03T00:30..2024-11-03T01:00 k=0 count=1 sum=1",
        "2024-11-03T01:00..2024-11-03T01:30 k=0 count=2 sum=110");
  }

  @Test
  void aSessionOnTheZonesClockSpansTheSkippedHourAndClosesAtTheJump() throws Exception {
    AggFunction[] aggs = aggs();
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0},
        false, new WindowZone(NEW_YORK));
    // Rows carry their window as the session assigner gives it: start and end 30 minutes apart, the gap.
    OneInputTestHarness<Row, Row> harness = harness(
        SessionWindowAggFunction.processingTime(2, 3, aggs, output, new WindowZone(NEW_YORK)));
    harness.setProcessingTime(millis("2024-03-10T06:40:00Z")); // 01:40 EST: a session to 02:10, a skipped time
    harness.processElement(Row.of(0, 4L, WindowTestRows.at(0), WindowTestRows.at(30 * MINUTE)));
    harness.setProcessingTime(millis("2024-03-10T06:59:59.998Z"));
    assertThat(harness.extractOutputValues()).isEmpty();
    harness.setProcessingTime(millis("2024-03-10T07:00:00Z"));
    assertThat(results(harness)).containsExactly("2024-03-10T01:40..2024-03-10T02:10 k=0 count=1 sum=4");
  }

  private static OneInputTestHarness<Row, Row> sliced(WindowSpec spec) throws Exception {
    WindowOutput output = new WindowOutput(new int[] {WindowOutput.WINDOW_START, WindowOutput.WINDOW_END, 0}, false,
        new WindowZone(NEW_YORK));
    return harness(SlicingWindowAggFunction.processingTime(spec, 2, aggs(), output, new WindowZone(NEW_YORK)));
  }

  private static OneInputTestHarness<Row, Row> harness(KeyedProcessFunction<Object, Row, Row> function)
      throws Exception {
    OneInputTestHarness<Row, Row> harness = TestHarnesses.forKeyedProcess(function,
        SqlKeySelector.of(new int[] {0}, List.of(new IntType())));
    harness.open();
    return harness;
  }

  /** COUNT(*) and SUM(value) of rows (key, value, ...). */
  private static AggFunction[] aggs() {
    return new AggFunction[] {
      AggFunctions.count(-1, -1),
      AggFunctions.sum(1, -1, ValueType.of(ValueType.Kind.BIGINT), Types.LONG, false)};
  }

  private static Row row(long value) {
    return Row.of(0, value, null);
  }

  private static List<String> results(OneInputTestHarness<Row, Row> harness) {
    return harness.extractOutputValues().stream().map(r -> r.getField(0) + ".." + r.getField(1) + " k=" + r.getField(2)
        + " count=" + r.getField(3) + " sum=" + r.getField(4)).toList();
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }
}
