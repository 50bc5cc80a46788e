package io.spate.table.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Period;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The text of intervals as Flink prints them: read back by an independent parser, it gives the value again. */
class IntervalFormatsTest {

  private static final Pattern DAY_TIME = Pattern.compile("([+-])(\\d+) (\\d\\d):(\\d\\d):(\\d\\d)\\.(\\d\\d\\d)");
  private static final Pattern YEAR_MONTH = Pattern.compile("([+-])(\\d+)-(\\d\\d)");

  @Test
  void handWorkedExamples() {
    assertThat(IntervalFormats.dayTime(90 * 60_000L)).isEqualTo("+0 01:30:00.000");
    assertThat(IntervalFormats.dayTime(-(86_400_000L + 2 * 3_600_000L + 3 * 60_000L + 4_500L)))
        .isEqualTo("-1 02:03:04.500");
    assertThat(IntervalFormats.dayTime(0)).isEqualTo("+0 00:00:00.000");
    assertThat(IntervalFormats.dayTime(7)).isEqualTo("+0 00:00:00.007");
    assertThat(IntervalFormats.yearMonth(14)).isEqualTo("+1-02");
    assertThat(IntervalFormats.yearMonth(-11)).isEqualTo("-0-11");
    assertThat(IntervalFormats.ofJava(Duration.ofDays(100))).isEqualTo("+100 00:00:00.000");
    assertThat(IntervalFormats.ofJava(Period.of(2, 1, 0))).isEqualTo("+2-01");
    assertThat(IntervalFormats.ofJava("not an interval")).isNull();
  }

  @Test
  void dayTimeTextReadsBackToItsMilliseconds() {
    qt().forAll(longs().all()).checkAssert(millis -> {
      Matcher m = DAY_TIME.matcher(IntervalFormats.dayTime(millis));
      assertThat(m.matches()).as(IntervalFormats.dayTime(millis)).isTrue();
      long hours = Long.parseLong(m.group(3));
      long minutes = Long.parseLong(m.group(4));
      long seconds = Long.parseLong(m.group(5));
      assertThat(hours).isLessThan(24);
      assertThat(minutes).isLessThan(60);
      assertThat(seconds).isLessThan(60);
      // in the negative range, which holds Long.MIN_VALUE
      long negative = -Long.parseLong(m.group(2)) * 86_400_000L - hours * 3_600_000L - minutes * 60_000L
          - seconds * 1000L - Long.parseLong(m.group(6));
      assertThat(m.group(1).equals("-") ? negative : -negative).isEqualTo(millis);
    });
  }

  @Test
  void yearMonthTextReadsBackToItsMonths() {
    qt().forAll(integers().all()).checkAssert(months -> {
      Matcher m = YEAR_MONTH.matcher(IntervalFormats.yearMonth(months));
      assertThat(m.matches()).isTrue();
      long total = Long.parseLong(m.group(2)) * 12 + Long.parseLong(m.group(3));
      assertThat(Long.parseLong(m.group(3))).isLessThan(12);
      assertThat(m.group(1).equals("-") ? -total : total).isEqualTo((long) months);
    });
  }
}
