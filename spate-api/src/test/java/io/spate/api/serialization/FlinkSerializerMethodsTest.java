package io.spate.api.serialization;

import static io.spate.api.serialization.BasicValueGenerators.bigIntegers;
import static io.spate.api.serialization.BasicValueGenerators.booleans;
import static io.spate.api.serialization.BasicValueGenerators.bytes;
import static io.spate.api.serialization.BasicValueGenerators.chars;
import static io.spate.api.serialization.BasicValueGenerators.doubles;
import static io.spate.api.serialization.BasicValueGenerators.floats;
import static io.spate.api.serialization.BasicValueGenerators.ints;
import static io.spate.api.serialization.BasicValueGenerators.lists;
import static io.spate.api.serialization.BasicValueGenerators.longs;
import static io.spate.api.serialization.BasicValueGenerators.maps;
import static io.spate.api.serialization.BasicValueGenerators.optionals;
import static io.spate.api.serialization.BasicValueGenerators.shorts;
import static io.spate.api.serialization.BasicValueGenerators.strings;
import static io.spate.api.serialization.SerializationTesting.bytesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.spate.api.tuple.Tuple2;
import io.spate.api.types.Either;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The TypeSerializer methods Flink declares besides Spate's own, on Spate's serializers: copying
 * serialized bytes, reading with a reuse instance, copying into a reuse instance, the fixed length
 * and the new instance.
 */
class FlinkSerializerMethodsTest {

  /** Checks every Flink-shaped path of {@code serializer} on {@code value}. */
  private static <T> void flinkPathsAgree(TypeSerializer<T> serializer, T value) {
    try {
      byte[] bytes = bytesOf(serializer, value);
      DataOutputSerializer copied = new DataOutputSerializer(8);
      DataInputDeserializer source = new DataInputDeserializer(bytes);
      serializer.copy(source, copied);
      assertThat(copied.getCopyOfBuffer()).as("bytes copied as bytes").isEqualTo(bytes);
      assertThat(source.available()).as("bytes left after the copy").isZero();

      T reuse = serializer.createInstance();
      assertThat(serializer.deserialize(reuse, new DataInputDeserializer(bytes))).isEqualTo(value);
      assertThat(serializer.copy(value, reuse)).isEqualTo(value);
      if (serializer.getLength() >= 0) {
        assertThat(bytes).as("a fixed-length serializer's bytes").hasSize(serializer.getLength());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void basicSerializersAgreeOnEveryPath() {
    qt().withExamples(100).forAll(ints(), longs(), strings()).checkAssert((i, l, s) -> {
      flinkPathsAgree(IntSerializer.INSTANCE, i);
      flinkPathsAgree(LongSerializer.INSTANCE, l);
      flinkPathsAgree(StringSerializer.INSTANCE, s);
      flinkPathsAgree(BigDecimalSerializer.INSTANCE, BigDecimal.valueOf(l, i % 20));
      flinkPathsAgree(InstantSerializer.INSTANCE, Instant.ofEpochSecond(i, Math.floorMod(l, 1_000_000_000L)));
      flinkPathsAgree(LocalDateTimeSerializer.INSTANCE,
          LocalDateTime.of(LocalDate.ofEpochDay(Math.floorMod(i, 100_000)), LocalTime.ofNanoOfDay(Math.floorMod(l, 86_400_000_000_000L))));
    });
    qt().withExamples(100).forAll(shorts(), bytes(), chars(), booleans()).checkAssert((s, b, c, z) -> {
      flinkPathsAgree(ShortSerializer.INSTANCE, s);
      flinkPathsAgree(ByteSerializer.INSTANCE, b);
      flinkPathsAgree(CharSerializer.INSTANCE, c);
      flinkPathsAgree(BooleanSerializer.INSTANCE, z);
    });
    qt().withExamples(100).forAll(floats(), doubles(), bigIntegers()).checkAssert((f, d, big) -> {
      flinkPathsAgree(FloatSerializer.INSTANCE, f);
      flinkPathsAgree(DoubleSerializer.INSTANCE, d);
      flinkPathsAgree(BigIntegerSerializer.INSTANCE, big);
    });
  }

  @Test
  void containerSerializersAgreeOnEveryPath() {
    ListSerializer<String> lists = new ListSerializer<>(StringSerializer.INSTANCE);
    MapSerializer<Integer, Long> maps = new MapSerializer<>(IntSerializer.INSTANCE, LongSerializer.INSTANCE);
    OptionalSerializer<String> optionals = new OptionalSerializer<>(StringSerializer.INSTANCE);
    EitherSerializer<String, Integer> eithers = new EitherSerializer<>(StringSerializer.INSTANCE, IntSerializer.INSTANCE);
    @SuppressWarnings({"unchecked", "rawtypes"})
    TupleSerializer<Tuple2<String, Long>> tuples =
        new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {StringSerializer.INSTANCE, LongSerializer.INSTANCE});
    Gen<Either<String, Integer>> either = booleans().zip(strings(), ints(),
        (left, s, i) -> left ? Either.Left(s) : Either.Right(i));
    qt().withExamples(100)
        .forAll(lists(strings(), 0, 10), maps(ints(), longs(), 10), optionals(strings()), either)
        .checkAssert((list, map, optional, value) -> {
          flinkPathsAgree(lists, list);
          flinkPathsAgree(maps, map);
          flinkPathsAgree(optionals, optional);
          flinkPathsAgree(eithers, value);
          flinkPathsAgree(tuples, Tuple2.of(String.valueOf(value), (long) list.size()));
          flinkPathsAgree(PrimitiveArraySerializer.IntArray.INSTANCE, new int[] {list.size(), map.size()});
        });
  }

  @Test
  void newInstancesAreTheEmptyValuesOfTheirTypes() {
    assertThat(IntSerializer.INSTANCE.createInstance()).isZero();
    assertThat(StringSerializer.INSTANCE.createInstance()).isEmpty();
    assertThat(BooleanSerializer.INSTANCE.createInstance()).isFalse();
    assertThat(BigDecimalSerializer.INSTANCE.createInstance()).isEqualTo(BigDecimal.ZERO);
    assertThat(BigIntegerSerializer.INSTANCE.createInstance()).isEqualTo(BigInteger.ZERO);
    assertThat(LocalDateTimeSerializer.INSTANCE.createInstance()).isEqualTo(LocalDateTime.of(1970, 1, 1, 0, 0));
    assertThat(new ListSerializer<>(IntSerializer.INSTANCE).createInstance()).isEmpty();
    assertThat(new MapSerializer<>(IntSerializer.INSTANCE, IntSerializer.INSTANCE).createInstance()).isEmpty();
    assertThat(new OptionalSerializer<>(IntSerializer.INSTANCE).createInstance()).isEqualTo(Optional.empty());
    assertThat(new ObjectArraySerializer<>(String.class, StringSerializer.INSTANCE).createInstance())
        .isInstanceOf(String[].class).isEmpty();
    assertThat(PrimitiveArraySerializer.LongArray.INSTANCE.createInstance()).isEmpty();
    assertThat(new EitherSerializer<>(StringSerializer.INSTANCE, IntSerializer.INSTANCE).createInstance())
        .isEqualTo(Either.Right(0));
    @SuppressWarnings({"unchecked", "rawtypes"})
    TupleSerializer<Tuple2<String, Long>> tuples =
        new TupleSerializer(Tuple2.class, new TypeSerializer<?>[] {StringSerializer.INSTANCE, LongSerializer.INSTANCE});
    assertThat(tuples.createInstance()).isEqualTo(Tuple2.of("", 0L));
    assertThat(new EnumSerializer<>(Thread.State.class).createInstance()).isEqualTo(Thread.State.NEW);
  }

  @Test
  void fixedLengthsMatchTheBytesWritten() {
    assertThat(IntSerializer.INSTANCE.getLength()).isEqualTo(4);
    assertThat(LongSerializer.INSTANCE.getLength()).isEqualTo(8);
    assertThat(LocalTimeSerializer.INSTANCE.getLength()).isEqualTo(bytesOf(LocalTimeSerializer.INSTANCE, LocalTime.NOON).length);
    assertThat(LocalDateSerializer.INSTANCE.getLength())
        .isEqualTo(bytesOf(LocalDateSerializer.INSTANCE, LocalDate.of(2024, 2, 29)).length);
    assertThat(StringSerializer.INSTANCE.getLength()).isEqualTo(-1);
    assertThat(new ListSerializer<>(IntSerializer.INSTANCE).getLength()).isEqualTo(-1);
  }
}
