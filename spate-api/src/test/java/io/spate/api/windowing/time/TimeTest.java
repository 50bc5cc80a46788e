package io.spate.api.windowing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** {@link Time}: Flink's factories, its millisecond value, and the bridge to {@link Duration}. */
@SuppressWarnings("deprecation")
class TimeTest {

  private static final Gen<TimeUnit> UNITS = SourceDSL.arbitrary().enumValues(TimeUnit.class);
  // Large enough to matter, small enough that no unit overflows a long of milliseconds.
  private static final Gen<Long> AMOUNTS = SourceDSL.longs().between(-1_000_000_000L, 1_000_000_000L);

  @Test
  void theFactoriesGiveTheirUnitsInMilliseconds() {
    assertThat(Time.milliseconds(7).toMilliseconds()).isEqualTo(7);
    assertThat(Time.seconds(5).toMilliseconds()).isEqualTo(5_000);
    assertThat(Time.minutes(2).toMilliseconds()).isEqualTo(120_000);
    assertThat(Time.hours(1).toMilliseconds()).isEqualTo(3_600_000);
    assertThat(Time.days(1).toMilliseconds()).isEqualTo(86_400_000);
    assertThat(Time.of(1_500, TimeUnit.MICROSECONDS).toMilliseconds()).isEqualTo(1);
    Time time = Time.of(3, TimeUnit.MINUTES);
    assertThat(time.getSize()).isEqualTo(3);
    assertThat(time.getUnit()).isEqualTo(TimeUnit.MINUTES);
    assertThat(time.toDuration()).isEqualTo(Duration.ofMinutes(3));
    assertThat(Time.toDuration(time)).isEqualTo(Duration.ofMinutes(3));
    assertThat(time.toSeconds()).isEqualTo(180);
    assertThat(Time.of(Duration.ofSeconds(4))).isEqualTo(Time.seconds(4));
    assertThat(time).hasToString("180000 ms");
  }

  @Test
  void aTimeInAnyUnitIsItsMillisecondsAsADuration() {
    qt().forAll(AMOUNTS, UNITS).checkAssert((amount, unit) -> {
      Time time = Time.of(amount, unit);
      assertThat(time.toMilliseconds()).isEqualTo(unit.toMillis(amount));
      assertThat(time.toDuration()).isEqualTo(Duration.ofMillis(unit.toMillis(amount)));
    });
  }

  @Test
  void aDurationOfWholeMillisecondsSurvivesTheRoundTripThroughTime() {
    qt().forAll(SourceDSL.longs().all()).checkAssert(millis -> {
      Duration duration = Duration.ofMillis(millis);
      assertThat(Time.fromDuration(duration).toDuration()).isEqualTo(duration);
      assertThat(Time.milliseconds(millis).toDuration().toMillis()).isEqualTo(millis);
    });
  }

  @Test
  void timesAreEqualWhenTheirMillisecondsAre() {
    qt().forAll(AMOUNTS, UNITS, UNITS).checkAssert((amount, unit, other) -> {
      Time time = Time.of(amount, unit);
      Time same = Time.milliseconds(unit.toMillis(amount));
      Time converted = Time.of(other.convert(unit.toMillis(amount), TimeUnit.MILLISECONDS), other);
      assertThat(time).isEqualTo(same).hasSameHashCodeAs(same);
      assertThat(time.equals(converted)).isEqualTo(time.toMilliseconds() == converted.toMilliseconds());
      assertThat(time.equals(Time.milliseconds(time.toMilliseconds() + 1))).isFalse();
    });
  }

  @Test
  void aTimeIsSerializable() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(Time.hours(2));
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      Time copy = (Time) in.readObject();
      assertThat(copy.getSize()).isEqualTo(2);
      assertThat(copy.getUnit()).isEqualTo(TimeUnit.HOURS);
    }
  }

  @Test
  void rejectsAMissingUnitOrDuration() {
    assertThatThrownBy(() -> Time.of(1, null)).isInstanceOf(NullPointerException.class)
        .hasMessage("Time: the time unit must not be null.");
    assertThatThrownBy(() -> Time.fromDuration(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("Time.fromDuration: the duration must not be null.");
    assertThat(Time.toDuration(null)).isNull();
  }
}
