package io.spate.api.serialization;

import static io.spate.api.serialization.SerializationTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BasicSerializersTest {

  @Property(tries = 200)
  void stringsOfAnyCharsRoundTrip(@ForAll String value) {
    assertThat(roundTrip(StringSerializer.INSTANCE, value)).isEqualTo(value);
  }

  @Provide
  Arbitrary<String> awkwardStrings() {
    // Lone and paired surrogates, NUL and chars at every encoding-length boundary.
    return Arbitraries.of(
            '\u0000', 'a', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud800', '\udbff', '\udc00',
            '\udfff', '\uffff', '\u20ac')
        .list()
        .ofMaxSize(50)
        .map(chars -> {
          StringBuilder text = new StringBuilder();
          chars.forEach(text::append);
          return text.toString();
        });
  }

  @Property(tries = 300)
  void malformedUtf16RoundTripsExactly(@ForAll("awkwardStrings") String value) {
    assertThat(roundTrip(StringSerializer.INSTANCE, value)).isEqualTo(value);
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

  @Property(tries = 100)
  void primitiveBoxesRoundTrip(
      @ForAll boolean z, @ForAll byte b, @ForAll short s, @ForAll char c, @ForAll int i,
      @ForAll long l, @ForAll float f, @ForAll double d) {
    assertThat(roundTrip(BooleanSerializer.INSTANCE, z)).isEqualTo(z);
    assertThat(roundTrip(ByteSerializer.INSTANCE, b)).isEqualTo(b);
    assertThat(roundTrip(ShortSerializer.INSTANCE, s)).isEqualTo(s);
    assertThat(roundTrip(CharSerializer.INSTANCE, c)).isEqualTo(c);
    assertThat(roundTrip(IntSerializer.INSTANCE, i)).isEqualTo(i);
    assertThat(roundTrip(LongSerializer.INSTANCE, l)).isEqualTo(l);
    assertThat(roundTrip(FloatSerializer.INSTANCE, f)).isEqualTo(f);
    assertThat(roundTrip(DoubleSerializer.INSTANCE, d)).isEqualTo(d);
  }

  @Property(tries = 200)
  void bigNumbersRoundTripWithTheirScale(@ForAll BigInteger unscaled, @ForAll int scale) {
    assertThat(roundTrip(BigIntegerSerializer.INSTANCE, unscaled)).isEqualTo(unscaled);
    BigDecimal decimal = new BigDecimal(unscaled, scale);
    assertThat(roundTrip(BigDecimalSerializer.INSTANCE, decimal)).isEqualTo(decimal);
  }

  @Test
  void bigDecimalKeepsTrailingZeros() {
    BigDecimal value = new BigDecimal("1.00");
    assertThat(roundTrip(BigDecimalSerializer.INSTANCE, value)).isEqualTo(value).hasScaleOf(2);
  }

  @Provide
  Arbitrary<LocalDateTime> dateTimes() {
    return Combinators.combine(
            Arbitraries.integers().between(-999_999_999, 999_999_999),
            Arbitraries.integers().between(1, 12),
            Arbitraries.integers().between(1, 28),
            Arbitraries.longs().between(0, 86_399_999_999_999L))
        .as((year, month, day, nanoOfDay) ->
            LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.ofNanoOfDay(nanoOfDay)));
  }

  @Property(tries = 200)
  void javaTimeValuesRoundTrip(
      @ForAll("dateTimes") LocalDateTime dateTime,
      @ForAll long seconds,
      @ForAll int nanos) {
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
