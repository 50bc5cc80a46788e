package io.spate.api.serialization;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * QuickTheories generators of the JDK's basic values (numbers, chars, strings, arrays, lists, maps)
 * over their whole ranges, with the values at the edges of each range mixed in; built from
 * QuickTheories' own combinators, so that every value they give shrinks.
 */
public final class BasicValueGenerators {

  /** The most elements of a string, array or collection when a property names no bound. */
  public static final int DEFAULT_MAX_SIZE = 255;

  /**
   * The chars a string of "any text" holds: every UTF-16 unit except surrogates, private-use chars
   * and noncharacters, as {from, to} ranges. Lone surrogates have properties of their own.
   */
  private static final int[][] TEXT_CHARS = {{0x0000, 0xD7FF}, {0xF900, 0xFDCF}, {0xFDF0, 0xFFFD}};

  private BasicValueGenerators() {}

  /** Both booleans. */
  public static Gen<Boolean> booleans() {
    return SourceDSL.booleans().all();
  }

  /** Any byte. */
  public static Gen<Byte> bytes() {
    return Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0);
  }

  /** Any short. */
  public static Gen<Short> shorts() {
    return withEdgeCases(SourceDSL.integers().between(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue),
        Short.MIN_VALUE, (short) -1, (short) 0, (short) 1, Short.MAX_VALUE);
  }

  /** Any int: magnitudes spread evenly over the bit lengths, plus the extremes. */
  public static Gen<Integer> ints() {
    // Uniform ints would almost all be ten digits long; even bit lengths reach one-byte varints too.
    Gen<Integer> byBitLength = Generate.range(0, 31).<Integer>flatMap(bits -> bits == 31
        ? SourceDSL.integers().all()
        : SourceDSL.integers().between(-(1 << bits), (1 << bits) - 1));
    return withEdgeCases(byBitLength,
        Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
  }

  /** Any long: magnitudes spread evenly over the bit lengths, plus the extremes. */
  public static Gen<Long> longs() {
    Gen<Long> byBitLength = Generate.range(0, 63).<Long>flatMap(bits -> bits == 63
        ? SourceDSL.longs().all()
        : SourceDSL.longs().between(-(1L << bits), (1L << bits) - 1));
    return withEdgeCases(byBitLength,
        Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 1L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
  }

  /** Any long as a BigInteger. */
  public static Gen<BigInteger> bigIntegers() {
    return longs().map(BigInteger::valueOf);
  }

  /**
   * Finite doubles with at most two decimal places, from -{@link Double#MAX_VALUE} to
   * {@link Double#MAX_VALUE}: hundredths up to about 9e16, beyond which every double is whole.
   */
  public static Gen<Double> doubles() {
    Gen<Double> hundredths = longs().map(unscaled -> BigDecimal.valueOf(unscaled, 2).doubleValue());
    Gen<Double> huge = Generate.longRange(Double.doubleToLongBits(0x1p57), Double.doubleToLongBits(Double.MAX_VALUE))
        .zip(booleans(), (bits, negative) -> (negative ? -1 : 1) * Double.longBitsToDouble(bits));
    return withEdgeCases(Generate.frequency(List.of(Pair.of(4, hundredths), Pair.of(1, huge))),
        0.0, 0.01, -0.01, 1.0, -1.0, Double.MAX_VALUE, -Double.MAX_VALUE);
  }

  /** Doubles with at most two decimal places from {@code min} to {@code max}, both included. */
  public static Gen<Double> doubles(double min, double max) {
    long from = (long) Math.ceil(min * 100);
    long to = (long) Math.floor(max * 100);
    return SourceDSL.longs().between(from, to).map(unscaled -> BigDecimal.valueOf(unscaled, 2).doubleValue());
  }

  /** Finite floats with at most two decimal places over the whole float range. */
  public static Gen<Float> floats() {
    Gen<Float> hundredths = longs().map(unscaled -> BigDecimal.valueOf(unscaled, 2).floatValue());
    Gen<Float> huge = Generate.range(Float.floatToIntBits(0x1p57f), Float.floatToIntBits(Float.MAX_VALUE))
        .zip(booleans(), (bits, negative) -> (negative ? -1 : 1) * Float.intBitsToFloat(bits));
    return withEdgeCases(Generate.frequency(List.of(Pair.of(4, hundredths), Pair.of(1, huge))),
        0.0f, 0.01f, -0.01f, 1.0f, -1.0f, Float.MAX_VALUE, -Float.MAX_VALUE);
  }

  /**
   * Any char of text (see {@link #TEXT_CHARS}), shrinking towards NUL. Two draws in five are ASCII and
   * one in five below U+0800: drawn evenly, nearly every char would be above U+0800, and the quotes,
   * commas, line breaks and one- and two-byte UTF-8 chars that text formats treat apart would be rare.
   */
  public static Gen<Character> chars() {
    int count = 0;
    for (int[] range : TEXT_CHARS) {
      count += range[1] - range[0] + 1;
    }
    return Generate.frequency(List.of(
        Pair.of(2, Generate.range(0, 0x7F)), Pair.of(1, Generate.range(0x80, 0x7FF)), Pair.of(2, Generate.range(0, count - 1))))
        .map(BasicValueGenerators::textChar);
  }

  private static char textChar(int index) {
    int rest = index;
    for (int[] range : TEXT_CHARS) {
      int size = range[1] - range[0] + 1;
      if (rest < size) {
        return (char) (range[0] + rest);
      }
      rest -= size;
    }
    throw new IllegalArgumentException("no text char has index " + index);
  }

  /** Strings of any text chars, up to {@link #DEFAULT_MAX_SIZE} long. */
  public static Gen<String> strings() {
    return strings(0, DEFAULT_MAX_SIZE);
  }

  /** Strings of any text chars, {@code minLength} to {@code maxLength} long. */
  public static Gen<String> strings(int minLength, int maxLength) {
    return strings(chars(), minLength, maxLength);
  }

  /** Strings of the given chars, {@code minLength} to {@code maxLength} long. */
  public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    return lists(chars, minLength, maxLength).map(list -> {
      StringBuilder text = new StringBuilder(list.size());
      list.forEach(text::append);
      return text.toString();
    });
  }

  /** Lists of {@code min} to {@code max} elements. */
  public static <T> Gen<List<T>> lists(Gen<T> elements, int min, int max) {
    return SourceDSL.lists().of(elements).ofSizeBetween(min, max);
  }

  /** Hash maps of up to {@code maxSize} entries (fewer where generated keys repeat). */
  public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int maxSize) {
    return lists(keys.zip(values, Pair::of), 0, maxSize).map(entries -> {
      Map<K, V> map = new HashMap<>();
      entries.forEach(entry -> map.put(entry._1, entry._2));
      return map;
    });
  }

  /** {@code values}, or null {@code percentNull} times in a hundred; shrinks towards null. */
  public static <T> Gen<T> nullable(Gen<T> values, int percentNull) {
    return Generate.frequency(List.of(Pair.of(percentNull, Generate.<T>constant((T) null)), Pair.of(100 - percentNull, values)));
  }

  /** Present values, and empty optionals five times in a hundred. */
  public static <T> Gen<Optional<T>> optionals(Gen<T> values) {
    return nullable(values, 5).map(Optional::ofNullable);
  }

  /** {@code values}, and one of {@code edgeCases} one time in ten; shrinks as {@code values} does. */
  @SafeVarargs
  public static <T> Gen<T> withEdgeCases(Gen<T> values, T... edgeCases) {
    return Generate.frequency(List.of(Pair.of(9, values), Pair.of(1, Generate.pick(List.of(edgeCases)))));
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} booleans. */
  public static Gen<boolean[]> booleanArrays() {
    return primitiveArrays(booleans(), boolean[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Arrays of {@code min} to {@code max} bytes. */
  public static Gen<byte[]> byteArrays(int min, int max) {
    return primitiveArrays(bytes(), byte[].class, min, max);
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} shorts. */
  public static Gen<short[]> shortArrays() {
    return primitiveArrays(shorts(), short[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} text chars. */
  public static Gen<char[]> charArrays() {
    return primitiveArrays(chars(), char[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Arrays of {@code min} to {@code max} ints. */
  public static Gen<int[]> intArrays(int min, int max) {
    return primitiveArrays(ints(), int[].class, min, max);
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} longs. */
  public static Gen<long[]> longArrays() {
    return primitiveArrays(longs(), long[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} floats. */
  public static Gen<float[]> floatArrays() {
    return primitiveArrays(floats(), float[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Arrays of up to {@link #DEFAULT_MAX_SIZE} doubles. */
  public static Gen<double[]> doubleArrays() {
    return primitiveArrays(doubles(), double[].class, 0, DEFAULT_MAX_SIZE);
  }

  /** Lists of {@code elements} copied into arrays of {@code arrayType}, unboxed; shown as lists. */
  private static <A> Gen<A> primitiveArrays(Gen<?> elements, Class<A> arrayType, int min, int max) {
    return lists(elements, min, max).map(list -> {
      Object array = Array.newInstance(arrayType.getComponentType(), list.size());
      for (int i = 0; i < list.size(); i++) {
        Array.set(array, i, list.get(i));
      }
      return arrayType.cast(array);
    }).describedAs(BasicValueGenerators::describeArray);
  }

  private static String describeArray(Object array) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < Array.getLength(array); i++) {
      text.append(i == 0 ? "" : ", ").append(Array.get(array, i));
    }
    return text.append(']').toString();
  }

  /** Arrays of {@code min} to {@code max} elements of {@code elements}. */
  public static <T> Gen<T[]> arrays(Gen<T> elements, Class<T> type, int min, int max) {
    return lists(elements, min, max).map(list -> list.toArray(newArray(type, list.size())))
        .describedAs(Arrays::toString);
  }

  @SuppressWarnings("unchecked")
  private static <T> T[] newArray(Class<T> type, int length) {
    return (T[]) Array.newInstance(type, length);
  }
}
