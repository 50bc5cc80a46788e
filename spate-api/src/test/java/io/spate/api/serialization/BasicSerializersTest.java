package io.spate.api.serialization;

import static io.spate.api.serialization.BasicValueGenerators.bigIntegers;
import static io.spate.api.serialization.BasicValueGenerators.booleans;
import static io.spate.api.serialization.BasicValueGenerators.bytes;
import static io.spate.api.serialization.BasicValueGenerators.chars;
import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.floats;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.shorts;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

class BasicSerializersTest {

  @Test
  void stringsOfAnyCharsRoundTrip() {
    qt().withExamples(200).forAll(strings())
        .checkAssert(value -> assertThat(roundTrip(StringSerializer.INSTANCE, value)).isEqualTo(value));
  }

  private static Gen<String> awkwardStrings() {
    // Lone and paired surrogates, NUL and chars at every encoding-length boundary.
    Gen<Character> awkward = Generate.pick(List.of(
        '\u0000', 'a', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud800', '\udbff', '\udc00',
        '\udfff', '\uffff', '\u20ac'));
    return strings(awkward, 0, 50);
  }

  @Test
  void malformedUtf16RoundTripsExactly() {
    qt().withExamples(300).forAll(awkwardStrings())
        .checkAssert(value -> assertThat(roundTrip(StringSerializer.INSTANCE, value)).isEqualTo(value));
  }

  @Test
  void stringsBeyondTheWriteUtfLimitRoundTrip() {
    String ascii = "spate".repeat(100_000);
    String wide = "\u20ac\ud83d\ude00x".repeat(40_000);
    assertThat(roundTrip(StringSerializer.INSTANCE, ascii)).isEqualTo(ascii);
    assertThat(roundTrip(StringSerializer.INSTANCE, wide)).isEqualTo(wide);
  }

  @Test
  void corruptStringsAreRejected() {
    byte[] badLead = {2, 'a', (byte) 0xF0};
    assertThatThrownBy(() -> StringSerializer.INSTANCE.deserialize(new DataInputDeserializer(badLead)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("0xf0");
    byte[] truncated = {3, 'a', 'b'};
    assertThatThrownBy(() -> StringSerializer.INSTANCE.deserialize(new DataInputDeserializer(truncated)))
        .isInstanceOf(java.io.EOFException.class);
  }

  /** A boolean, byte, short and char. */
  record NarrowValues(boolean z, byte b, short s, char c) {}

  /** An int, long, float and double. */
  record WideValues(int i, long l, float f, double d) {}

  @Test
  void primitiveBoxesRoundTrip() {
    qt().withExamples(100)
        .forAll(booleans().zip(bytes(), shorts(), chars(), NarrowValues::new),
            ints().zip(longs(), floats(), doubles(), WideValues::new))
        .checkAssert((narrow, wide) -> {
          assertThat(roundTrip(BooleanSerializer.INSTANCE, narrow.z())).isEqualTo(narrow.z());
          assertThat(roundTrip(ByteSerializer.INSTANCE, narrow.b())).isEqualTo(narrow.b());
          assertThat(roundTrip(ShortSerializer.INSTANCE, narrow.s())).isEqualTo(narrow.s());
          assertThat(roundTrip(CharSerializer.INSTANCE, narrow.c())).isEqualTo(narrow.c());
          assertThat(roundTrip(IntSerializer.INSTANCE, wide.i())).isEqualTo(wide.i());
          assertThat(roundTrip(LongSerializer.INSTANCE, wide.l())).isEqualTo(wide.l());
          assertThat(roundTrip(FloatSerializer.INSTANCE, wide.f())).isEqualTo(wide.f());
          assertThat(roundTrip(DoubleSerializer.INSTANCE, wide.d())).isEqualTo(wide.d());
        });
  }

  @Test
  void bigNumbersRoundTripWithTheirScale() {
    qt().withExamples(200).forAll(bigIntegers(), ints()).checkAssert(BasicSerializersTest::bigNumbersRoundTrip);
  }

  private static void bigNumbersRoundTrip(BigInteger unscaled, int scale) {
    assertThat(roundTrip(BigIntegerSerializer.INSTANCE, unscaled)).isEqualTo(unscaled);
    BigDecimal decimal = new BigDecimal(unscaled, scale);
    assertThat(roundTrip(BigDecimalSerializer.INSTANCE, decimal)).isEqualTo(decimal);
  }

  @Test
  void bigDecimalKeepsTrailingZeros() {
    BigDecimal value = new BigDecimal("1.00");
    assertThat(roundTrip(BigDecimalSerializer.INSTANCE, value)).isEqualTo(value).hasScaleOf(2);
  }

  private static Gen<LocalDateTime> dateTimes() {
    return SourceDSL.integers().between(-999_999_999, 999_999_999).zip(
            SourceDSL.integers().between(1, 12),
            SourceDSL.integers().between(1, 28),
            SourceDSL.longs().between(0, 86_399_999_999_999L),
            (year, month, day, nanoOfDay) ->
                LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.ofNanoOfDay(nanoOfDay)));
  }

  @Test
  void javaTimeValuesRoundTrip() {
    qt().withExamples(200).forAll(dateTimes(), longs(), ints()).checkAssert(BasicSerializersTest::javaTimeRoundTrips);
  }

  private static void javaTimeRoundTrips(LocalDateTime dateTime, long seconds, int nanos) {
    assertThat(roundTrip(LocalDateTimeSerializer.INSTANCE, dateTime)).isEqualTo(dateTime);
    assertThat(roundTrip(LocalDateSerializer.INSTANCE, dateTime.toLocalDate()))
        .isEqualTo(dateTime.toLocalDate());
    assertThat(roundTrip(LocalTimeSerializer.INSTANCE, dateTime.toLocalTime()))
        .isEqualTo(dateTime.toLocalTime());
    Instant instant =
        Instant.ofEpochSecond(
            Math.floorMod(seconds, Instant.MAX.getEpochSecond()), Math.floorMod(nanos, 1_000_000_000));
    assertThat(roundTrip(InstantSerializer.INSTANCE, instant)).isEqualTo(instant);
  }

  @Test
  void durationsAndPeriodsRoundTripUnnormalized() {
    qt().withExamples(200).forAll(longs(), ints(), ints()).checkAssert((seconds, nanos, months) -> {
      java.time.Duration duration = java.time.Duration.ofSeconds(seconds / 2, Math.floorMod(nanos, 1_000_000_000));
      assertThat(roundTrip(DurationSerializer.INSTANCE, duration)).isEqualTo(duration);
      // 14 months stay 14 months, not 1 year and 2 months: Period.equals tells them apart.
      java.time.Period period = java.time.Period.of(nanos, months, seconds.intValue());
      assertThat(roundTrip(PeriodSerializer.INSTANCE, period)).isEqualTo(period);
    });
    assertThat(roundTrip(DurationSerializer.INSTANCE, java.time.Duration.ofSeconds(Long.MIN_VALUE)))
        .isEqualTo(java.time.Duration.ofSeconds(Long.MIN_VALUE));
  }

  @Test
  void extremeInstantsRoundTrip() {
    assertThat(roundTrip(InstantSerializer.INSTANCE, Instant.MIN)).isEqualTo(Instant.MIN);
    assertThat(roundTrip(InstantSerializer.INSTANCE, Instant.MAX)).isEqualTo(Instant.MAX);
  }

  @Test
  void voidWritesNothing() {
    assertThat(SerializationTesting.bytesOf(VoidSerializer.INSTANCE, null)).isEmpty();
    assertThat(roundTrip(VoidSerializer.INSTANCE, null)).isNull();
  }

  @Test
  void singletonsSurviveJavaSerialization() {
    assertThat(SerializationTesting.javaSerialized(StringSerializer.INSTANCE))
        .isSameAs(StringSerializer.INSTANCE);
    assertThat(SerializationTesting.javaSerialized(LongSerializer.INSTANCE))
        .isSameAs(LongSerializer.INSTANCE);
    assertThat(StringSerializer.INSTANCE.isImmutableType()).isTrue();
    assertThat(StringSerializer.INSTANCE.duplicate()).isSameAs(StringSerializer.INSTANCE);
  }
}
