package io.spate.api.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeUtilsTest {

  @Test
  void parsesTheFormsConfigurationValuesUse() {
    assertThat(TimeUtils.parseDuration("10 s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(TimeUtils.parseDuration("1min")).isEqualTo(Duration.ofMinutes(1));
    assertThat(TimeUtils.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(TimeUtils.parseDuration("500")).isEqualTo(Duration.ofMillis(500));
    assertThat(TimeUtils.parseDuration(" 3 DAYS ")).isEqualTo(Duration.ofDays(3));
    assertThat(TimeUtils.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(TimeUtils.parseDuration("2 hours")).isEqualTo(Duration.ofHours(2));
    assertThat(TimeUtils.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(TimeUtils.parseDuration("7 secs")).isEqualTo(Duration.ofSeconds(7));
    assertThat(TimeUtils.parseDuration("7 millis")).isEqualTo(Duration.ofMillis(7));
    assertThat(TimeUtils.parseDuration("8µs")).isEqualTo(Duration.ofNanos(8_000));
    assertThat(TimeUtils.parseDuration("8 micros")).isEqualTo(Duration.ofNanos(8_000));
    assertThat(TimeUtils.parseDuration("9 ns")).isEqualTo(Duration.ofNanos(9));
    assertThat(TimeUtils.parseDuration("9 nanoseconds")).isEqualTo(Duration.ofNanos(9));
    assertThat(TimeUtils.parseDuration("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void malformedTextIsAnErrorThatQuotesIt() {
    assertThatThrownBy(() -> TimeUtils.parseDuration("s")).isInstanceOf(NumberFormatException.class)
        .hasMessageContaining("'s'");
    assertThatThrownBy(() -> TimeUtils.parseDuration("-1 s")).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> TimeUtils.parseDuration("10 weeks")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'weeks'").hasMessageContaining("min");
    assertThatThrownBy(() -> TimeUtils.parseDuration("99999999999999999999 ms"))
        .isInstanceOf(NumberFormatException.class).hasMessageContaining("64 bits");
    assertThatThrownBy(() -> TimeUtils.parseDuration("  ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeUtils.parseDuration("P1X")).hasMessageContaining("ISO-8601");
  }

  @Test
  void printsInTheHighestUnitThatDividesExactly() {
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofSeconds(90))).isEqualTo("90 s");
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMinutes(2))).isEqualTo("2 min");
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofDays(3))).isEqualTo("3 d");
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofNanos(1_001))).isEqualTo("1001 ns");
    assertThat(TimeUtils.formatWithHighestUnit(Duration.ofNanos(2_000))).isEqualTo("2 µs");
    assertThat(TimeUtils.getStringInMillis(Duration.ofSeconds(2))).isEqualTo("2000ms");
  }

  @Test
  void whatIsPrintedParsesBack() {
    List<ChronoUnit> units = List.of(ChronoUnit.NANOS, ChronoUnit.MICROS, ChronoUnit.MILLIS, ChronoUnit.SECONDS,
        ChronoUnit.MINUTES, ChronoUnit.HOURS, ChronoUnit.DAYS);
    qt().withExamples(1000).forAll(longs().between(0, 1_000_000_000L), integers().between(0, units.size() - 1))
        .checkAssert((amount, unit) -> {
          Duration duration = Duration.of(amount, units.get(unit));
          assertThat(TimeUtils.parseDuration(TimeUtils.formatWithHighestUnit(duration))).isEqualTo(duration);
        });
  }

  @Test
  void aTimeBecomesTheDurationOfItsSizeAndUnit() {
    assertThat(TimeUtils.toDuration(io.spate.api.windowing.time.Time.minutes(3))).isEqualTo(Duration.ofMinutes(3));
    assertThat(TimeUtils.toDuration(io.spate.api.windowing.time.Time.of(7, java.util.concurrent.TimeUnit.MICROSECONDS)))
        .isEqualTo(Duration.of(7, ChronoUnit.MICROS));
    assertThat(TimeUtils.toDuration(null)).isNull();
    assertThat(new TimeUtils()).isNotNull();
  }
}
