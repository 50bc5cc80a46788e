package io.spate.table.runtime.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The laws of {@link EpochMillis}: a {@code TIMESTAMP} becomes the epoch milliseconds the JDK's
 * {@code toInstant(UTC).toEpochMilli()} gives (or fails as it does), over every {@code LocalDateTime}
 * and, more densely, over the years 0000 to 9999 that Flink's {@code TIMESTAMP} holds; epoch
 * milliseconds become the {@code LocalDateTime} and {@code Instant} the JDK makes of them.
 */
class EpochMillisProperties {

  private static final long MIN_SECOND = LocalDateTime.MIN.toEpochSecond(ZoneOffset.UTC);
  private static final long MAX_SECOND = LocalDateTime.MAX.toEpochSecond(ZoneOffset.UTC);
  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in epoch seconds. */
  private static final long FLINK_MIN_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long FLINK_MAX_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
  /** Around the largest and smallest epoch seconds whose milliseconds still fit a long. */
  private static final long OVERFLOW_SECOND = Long.MAX_VALUE / 1000;

  private static final Gen<Integer> NANOS = integers().between(0, 999_999_999)
      .mix(integers().between(0, 999).map(millis -> millis * 1_000_000), 30)
      .mix(integers().between(999_999_990, 999_999_999), 10);

  private static final Gen<LocalDateTime> ANY_TIME = times(longs().between(MIN_SECOND, MAX_SECOND));
  private static final Gen<LocalDateTime> FLINK_TIME = times(longs().between(FLINK_MIN_SECOND, FLINK_MAX_SECOND));
  private static final Gen<LocalDateTime> AROUND_EPOCH = times(longs().between(-100_000, 100_000));
  private static final Gen<LocalDateTime> AROUND_OVERFLOW = times(longs().between(-OVERFLOW_SECOND - 3, -OVERFLOW_SECOND + 3)
      .mix(longs().between(OVERFLOW_SECOND - 3, OVERFLOW_SECOND + 3)));

  private static Gen<LocalDateTime> times(Gen<Long> seconds) {
    return seconds.zip(NANOS, (second, nanos) -> LocalDateTime.ofEpochSecond(second, nanos, ZoneOffset.UTC));
  }

  @Test
  void localDateTimeToMillisIsTheInstantPathsOverEveryTime() {
    qt().withExamples(50_000).forAll(ANY_TIME).checkAssert(EpochMillisProperties::assertSameAsInstantPath);
  }

  @Test
  void localDateTimeToMillisIsTheInstantPathsOverFlinksYears() {
    qt().withExamples(50_000).forAll(FLINK_TIME).checkAssert(EpochMillisProperties::assertSameAsInstantPath);
  }

  @Test
  void localDateTimeToMillisIsTheInstantPathsAroundTheEpoch() {
    qt().withExamples(20_000).forAll(AROUND_EPOCH).checkAssert(EpochMillisProperties::assertSameAsInstantPath);
  }

  @Test
  void localDateTimeToMillisFailsOnOverflowAsTheInstantPathDoes() {
    qt().withExamples(5_000).forAll(AROUND_OVERFLOW).checkAssert(EpochMillisProperties::assertSameAsInstantPath);
  }

  @Test
  void theExtremeMillisSurviveTheRoundTrip() {
    for (long millis : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, Long.MAX_VALUE - 1, -1, 0, 1}) {
      LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
      assertThat(EpochMillis.toLocalDateTime(millis)).isEqualTo(time);
      assertThat(EpochMillis.of(time)).isEqualTo(millis);
    }
  }

  @Test
  void millisToTimeIsWhatTheJdkMakes() {
    qt().withExamples(50_000).forAll(longs().all().mix(longs().between(-100_000_000L, 100_000_000L), 50))
        .checkAssert(millis -> {
          LocalDateTime expected = LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
          assertThat(EpochMillis.toLocalDateTime(millis)).isEqualTo(expected);
          assertThat(EpochMillis.toTime(millis, true)).isEqualTo(expected);
          assertThat(EpochMillis.toTime(millis, false)).isEqualTo(Instant.ofEpochMilli(millis));
          assertThat(EpochMillis.of(EpochMillis.toLocalDateTime(millis))).isEqualTo(millis);
        });
  }

  @Test
  void anInstantIsItsEpochMillis() {
    qt().withExamples(20_000).forAll(longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()), NANOS)
        .checkAssert((second, nanos) -> {
          Instant instant = Instant.ofEpochSecond(second, nanos);
          assertThat(outcome(() -> EpochMillis.of((Object) instant))).isEqualTo(outcome(instant::toEpochMilli));
        });
  }

  @Test
  void anythingElseIsRefusedByName() {
    assertThatThrownBy(() -> EpochMillis.of((Object) "2026-11-28 03:00:00"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-11-28 03:00:00").hasMessageContaining("java.lang.String");
    assertThatThrownBy(() -> EpochMillis.of((Object) null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NULL");
  }

  private static void assertSameAsInstantPath(LocalDateTime time) {
    assertThat(outcome(() -> EpochMillis.of(time))).as("%s", time)
        .isEqualTo(outcome(() -> time.toInstant(ZoneOffset.UTC).toEpochMilli()));
    assertThat(outcome(() -> EpochMillis.of((Object) time))).as("%s as an object", time)
        .isEqualTo(outcome(() -> time.toInstant(ZoneOffset.UTC).toEpochMilli()));
  }

  /** The value, or the class of the exception it failed with. */
  private static Object outcome(LongSupplier millis) {
    try {
      return millis.getAsLong();
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }
}
