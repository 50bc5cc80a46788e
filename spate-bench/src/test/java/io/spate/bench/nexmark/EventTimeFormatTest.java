package io.spate.bench.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

class EventTimeFormatTest {

  // About 10,000 years either side of 1970: beyond the years 1 to 9999 on both ends.
  private static final long TEN_THOUSAND_YEARS = 10_000L * 366 * EventTimeFormat.DAY_MILLIS;

  @Test
  void dayAndMinutePrintWhatTheFormattersPrintForAnyTime() {
    qt().withExamples(5_000)
        .forAll(SourceDSL.longs().between(-TEN_THOUSAND_YEARS, TEN_THOUSAND_YEARS))
        .checkAssert(millis -> assertSameAsFormatters(millis));
  }

  @Test
  void dayAndMinutePrintWhatTheFormattersPrintForNexmarkTimes() {
    long from = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2040-01-01T00:00:00Z").toEpochMilli();
    qt().withExamples(5_000)
        .forAll(SourceDSL.longs().between(from, to))
        .checkAssert(millis -> assertSameAsFormatters(millis));
  }

  @Test
  void theEdgesOfTheDaysAndOfThePrintedYearsPrintLikeTheFormatters() {
    long[] times = {
        0, -1, 1, EventTimeFormat.DAY_MILLIS - 1, EventTimeFormat.DAY_MILLIS, -EventTimeFormat.DAY_MILLIS,
        utc(1, 1, 1, 0, 0) - 1, utc(1, 1, 1, 0, 0), utc(9999, 12, 31, 23, 59), utc(10000, 1, 1, 0, 0),
        utc(2000, 2, 29, 12, 30), utc(1900, 3, 1, 0, 1), Long.MIN_VALUE, Long.MAX_VALUE};
    for (long millis : times) {
      assertSameAsFormatters(millis);
    }
    assertThat(EventTimeFormat.day(utc(2024, 2, 29, 23, 59))).isEqualTo("2024-02-29");
    assertThat(EventTimeFormat.minute(utc(2024, 2, 29, 23, 59) + 59_999)).isEqualTo("23:59");
    assertThat(EventTimeFormat.minute(-1)).isEqualTo("23:59");
  }

  private static void assertSameAsFormatters(long millis) {
    Instant instant = Instant.ofEpochMilli(millis);
    assertThat(EventTimeFormat.day(millis)).as("day of %s", millis).isEqualTo(EventTimeFormat.DAY.format(instant));
    assertThat(EventTimeFormat.minute(millis)).as("minute of %s", millis)
        .isEqualTo(EventTimeFormat.MINUTE.format(instant));
  }

  private static long utc(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
