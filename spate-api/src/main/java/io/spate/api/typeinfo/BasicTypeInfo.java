package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import io.spate.api.serialization.BigDecimalSerializer;
import io.spate.api.serialization.BigIntegerSerializer;
import io.spate.api.serialization.BooleanSerializer;
import io.spate.api.serialization.ByteSerializer;
import io.spate.api.serialization.CharSerializer;
import io.spate.api.serialization.DoubleSerializer;
import io.spate.api.serialization.DurationSerializer;
import io.spate.api.serialization.FloatSerializer;
import io.spate.api.serialization.InstantSerializer;
import io.spate.api.serialization.IntSerializer;
import io.spate.api.serialization.LocalDateSerializer;
import io.spate.api.serialization.LocalDateTimeSerializer;
import io.spate.api.serialization.LocalTimeSerializer;
import io.spate.api.serialization.LongSerializer;
import io.spate.api.serialization.PeriodSerializer;
import io.spate.api.serialization.ShortSerializer;
import io.spate.api.serialization.StringSerializer;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.VoidSerializer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Type information of the atomic, immutable types: String, the boxed primitives, Void, BigDecimal,
 * BigInteger and the java.time types Instant, LocalDate, LocalTime, LocalDateTime, Duration and Period. Their key
 * hash is {@link Object#hashCode()}.
 *
 * @param <T> the described type
 */
@Public
public final class BasicTypeInfo<T> extends AtomicTypeInfo<T> {

  private static final long serialVersionUID = 1L;

  /** {@link String}. */
  public static final BasicTypeInfo<String> STRING =
      new BasicTypeInfo<>(String.class, StringSerializer.INSTANCE);
  /** {@link Boolean} and {@code boolean}. */
  public static final BasicTypeInfo<Boolean> BOOLEAN =
      new BasicTypeInfo<>(Boolean.class, BooleanSerializer.INSTANCE);
  /** {@link Byte} and {@code byte}. */
  public static final BasicTypeInfo<Byte> BYTE =
      new BasicTypeInfo<>(Byte.class, ByteSerializer.INSTANCE);
  /** {@link Short} and {@code short}. */
  public static final BasicTypeInfo<Short> SHORT =
      new BasicTypeInfo<>(Short.class, ShortSerializer.INSTANCE);
  /** {@link Integer} and {@code int}. */
  public static final BasicTypeInfo<Integer> INT =
      new BasicTypeInfo<>(Integer.class, IntSerializer.INSTANCE);
  /** {@link Long} and {@code long}. */
  public static final BasicTypeInfo<Long> LONG =
      new BasicTypeInfo<>(Long.class, LongSerializer.INSTANCE);
  /** {@link Float} and {@code float}. */
  public static final BasicTypeInfo<Float> FLOAT =
      new BasicTypeInfo<>(Float.class, FloatSerializer.INSTANCE);
  /** {@link Double} and {@code double}. */
  public static final BasicTypeInfo<Double> DOUBLE =
      new BasicTypeInfo<>(Double.class, DoubleSerializer.INSTANCE);
  /** {@link Character} and {@code char}. */
  public static final BasicTypeInfo<Character> CHAR =
      new BasicTypeInfo<>(Character.class, CharSerializer.INSTANCE);
  /** {@link Void} and {@code void}, whose only value is null. */
  public static final BasicTypeInfo<Void> VOID =
      new BasicTypeInfo<>(Void.class, VoidSerializer.INSTANCE);
  /** {@link BigDecimal}. */
  public static final BasicTypeInfo<BigDecimal> BIG_DEC =
      new BasicTypeInfo<>(BigDecimal.class, BigDecimalSerializer.INSTANCE);
  /** {@link BigInteger}. */
  public static final BasicTypeInfo<BigInteger> BIG_INT =
      new BasicTypeInfo<>(BigInteger.class, BigIntegerSerializer.INSTANCE);
  /** {@link Instant}. */
  public static final BasicTypeInfo<Instant> INSTANT =
      new BasicTypeInfo<>(Instant.class, InstantSerializer.INSTANCE);
  /** {@link LocalDate}. */
  public static final BasicTypeInfo<LocalDate> LOCAL_DATE =
      new BasicTypeInfo<>(LocalDate.class, LocalDateSerializer.INSTANCE);
  /** {@link LocalTime}. */
  public static final BasicTypeInfo<LocalTime> LOCAL_TIME =
      new BasicTypeInfo<>(LocalTime.class, LocalTimeSerializer.INSTANCE);
  /** {@link LocalDateTime}. */
  public static final BasicTypeInfo<LocalDateTime> LOCAL_DATE_TIME =
      new BasicTypeInfo<>(LocalDateTime.class, LocalDateTimeSerializer.INSTANCE);

  /** {@link Duration}, which SQL takes as a day-time interval. */
  public static final BasicTypeInfo<Duration> DURATION =
      new BasicTypeInfo<>(Duration.class, DurationSerializer.INSTANCE);
  /** {@link Period}, which SQL takes as a year-month interval. */
  public static final BasicTypeInfo<Period> PERIOD =
      new BasicTypeInfo<>(Period.class, PeriodSerializer.INSTANCE);

  private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = new HashMap<>();

  static {
    for (BasicTypeInfo<?> info :
        new BasicTypeInfo<?>[] {
          STRING, BOOLEAN, BYTE, SHORT, INT, LONG, FLOAT, DOUBLE, CHAR, VOID, BIG_DEC, BIG_INT,
          INSTANT, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME, DURATION, PERIOD
        }) {
      BY_CLASS.put(info.typeClass, info);
    }
    BY_CLASS.put(boolean.class, BOOLEAN);
    BY_CLASS.put(byte.class, BYTE);
    BY_CLASS.put(short.class, SHORT);
    BY_CLASS.put(int.class, INT);
    BY_CLASS.put(long.class, LONG);
    BY_CLASS.put(float.class, FLOAT);
    BY_CLASS.put(double.class, DOUBLE);
    BY_CLASS.put(char.class, CHAR);
    BY_CLASS.put(void.class, VOID);
  }

  private final Class<T> typeClass;
  private final TypeSerializer<T> serializer;

  private BasicTypeInfo(Class<T> typeClass, TypeSerializer<T> serializer) {
    this.typeClass = typeClass;
    this.serializer = serializer;
  }

  /**
   * The basic type information for {@code type} (a primitive stands for its box), or null if
   * {@code type} is not a basic type.
   */
  @SuppressWarnings("unchecked")
  public static <T> BasicTypeInfo<T> getInfoFor(Class<T> type) {
    return (BasicTypeInfo<T>) BY_CLASS.get(type);
  }

  @Override
  public Class<T> getTypeClass() {
    return typeClass;
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return serializer;
  }

  /** {@code value.hashCode()}, which for these types is the same in every JVM; 0 for null. */
  @Override
  public int keyHash(T value) {
    return value == null ? 0 : value.hashCode();
  }

  @Override
  public void checkValidKey() {
    // Every basic type has value equality.
  }

  @Override
  public boolean isBasicType() {
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BasicTypeInfo<?> other && other.typeClass == typeClass;
  }

  @Override
  public int hashCode() {
    return typeClass.hashCode();
  }

  @Override
  public String toString() {
    return typeClass.getSimpleName();
  }

  // Flink's widening rules for arithmetic between basic types.

  private static final Map<Class<?>, Set<Class<?>>> WIDENS_TO = Map.of(
      Byte.class, Set.of(Short.class, Integer.class, Long.class, Float.class, Double.class, Character.class),
      Short.class, Set.of(Integer.class, Long.class, Float.class, Double.class, Character.class),
      Integer.class, Set.of(Long.class, Float.class, Double.class, Character.class),
      Long.class, Set.of(Float.class, Double.class, Character.class),
      Float.class, Set.of(Double.class));

  /**
   * Whether a value of this type is widened to {@code to} in arithmetic with it, by Flink's rules:
   * byte to short, short to int, int to long, long to float, float to double (and each on to the
   * wider ones), and the integer types also to char.
   */
  public boolean shouldAutocastTo(BasicTypeInfo<?> to) {
    return WIDENS_TO.getOrDefault(typeClass, Set.of()).contains(to.typeClass);
  }

  private Object readResolve() {
    return BY_CLASS.get(typeClass);
  }
}
