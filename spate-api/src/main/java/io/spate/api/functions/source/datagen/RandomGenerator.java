package io.spate.api.functions.source.datagen;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.functions.RuntimeContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A {@link DataGenerator} of random values without end, with factories for numbers in a range,
 * strings, booleans, arrays and maps; it keeps no state, so a recovery draws new values. A subclass
 * implements {@link #next()} with {@link #random}.
 *
 * @param <T> the type of the values
 */
@PublicEvolving
public abstract class RandomGenerator<T> implements DataGenerator<T> {

  private static final long serialVersionUID = 1L;

  /** The source of randomness, made in {@link #open}. */
  protected transient Random random;

  /** The share of values that are null, from 0 (none) to 1 (all). */
  protected float nullRate;

  /** Whether strings, arrays and maps get a random length from 1 up to the one given, instead of exactly it. */
  protected boolean varLen;

  /** A generator that produces no nulls and values of fixed length. */
  public RandomGenerator() {}

  @Override
  public void open(String name, FunctionInitializationContext context, RuntimeContext runtimeContext)
      throws Exception {
    random = new Random();
  }

  /** Makes a share {@code nullRate} (0 to 1) of the values null; returns this generator. */
  public RandomGenerator<T> withNullRate(float nullRate) {
    if (!(nullRate >= 0 && nullRate <= 1)) {
      throw new IllegalArgumentException("RandomGenerator.withNullRate: the rate must be between 0 and 1, got "
          + nullRate + ".");
    }
    this.nullRate = nullRate;
    return this;
  }

  /** A value from {@code supplier}, or null with the probability {@link #nullRate}. */
  protected T nextWithNullRate(Supplier<T> supplier) {
    if (nullRate == 0f || random.nextFloat() >= nullRate) {
      return supplier.get();
    }
    return null;
  }

  /** Gives strings, arrays and maps a random length from 1 up to the one given; returns this generator. */
  public RandomGenerator<T> withVarLen(boolean varLen) {
    this.varLen = varLen;
    return this;
  }

  /** True: random values never run out. */
  @Override
  public boolean hasNext() {
    return true;
  }

  /** The length of the next string, array or map: {@code length}, or from 1 to it with {@link #varLen}. */
  int nextLength(int length) {
    return varLen && length > 1 ? 1 + random.nextInt(length) : length;
  }

  /** Longs from {@code min} to {@code max}, both included. */
  public static RandomGenerator<Long> longGenerator(long min, long max) {
    checkRange("longGenerator", min <= max, min, max);
    return of(g -> {
      if (max < Long.MAX_VALUE) {
        return g.random.nextLong(min, max + 1);
      }
      return min > Long.MIN_VALUE ? g.random.nextLong(min - 1, max) + 1 : g.random.nextLong();
    });
  }

  /** Ints from {@code min} to {@code max}, both included. */
  public static RandomGenerator<Integer> intGenerator(int min, int max) {
    checkRange("intGenerator", min <= max, min, max);
    return of(g -> (int) g.random.nextLong(min, (long) max + 1));
  }

  /** Shorts from {@code min} to {@code max}, both included. */
  public static RandomGenerator<Short> shortGenerator(short min, short max) {
    checkRange("shortGenerator", min <= max, min, max);
    return of(g -> (short) g.random.nextInt(min, max + 1));
  }

  /** Bytes from {@code min} to {@code max}, both included. */
  public static RandomGenerator<Byte> byteGenerator(byte min, byte max) {
    checkRange("byteGenerator", min <= max, min, max);
    return of(g -> (byte) g.random.nextInt(min, max + 1));
  }

  /** Floats from {@code min} (included) to {@code max}, uniformly. */
  public static RandomGenerator<Float> floatGenerator(float min, float max) {
    checkRange("floatGenerator", min <= max, min, max);
    return of(g -> min == max ? min : (float) g.random.nextDouble(min, max));
  }

  /** Doubles from {@code min} (included) to {@code max}, uniformly. */
  public static RandomGenerator<Double> doubleGenerator(double min, double max) {
    checkRange("doubleGenerator", min <= max, min, max);
    return of(g -> min == max ? min : g.random.nextDouble(min, max));
  }

  /** Strings of {@code len} random hexadecimal digits (with {@link #withVarLen}, 1 to {@code len}). */
  public static RandomGenerator<String> stringGenerator(int len) {
    checkRange("stringGenerator", len > 0, len, len);
    return of(g -> {
      int length = g.nextLength(len);
      StringBuilder out = new StringBuilder(length);
      for (int i = 0; i < length; i++) {
        out.append(Character.forDigit(g.random.nextInt(16), 16));
      }
      return out.toString();
    });
  }

  /** True and false, each with probability 1/2. */
  public static RandomGenerator<Boolean> booleanGenerator() {
    return of(g -> g.random.nextBoolean());
  }

  /**
   * Arrays of {@code len} values of {@code generator} (with {@link #withVarLen}, 1 to {@code len}); the
   * element generator is opened with this one.
   */
  @SuppressWarnings("unchecked")
  public static <T> RandomGenerator<T[]> arrayGenerator(DataGenerator<T> generator, int len) {
    Objects.requireNonNull(generator, "arrayGenerator: the element generator must not be null.");
    checkRange("arrayGenerator", len > 0, len, len);
    return new Composite<>(new DataGenerator<?>[] {generator}, g -> {
      Object[] array = new Object[g.nextLength(len)];
      for (int i = 0; i < array.length; i++) {
        array[i] = generator.next();
      }
      return (T[]) array;
    });
  }

  /**
   * Maps with up to {@code size} entries (with {@link #withVarLen}, from 1) of keys of {@code key} and
   * values of {@code value}; a key drawn twice keeps its last value. Both generators are opened with this one.
   */
  public static <K, V> RandomGenerator<Map<K, V>> mapGenerator(DataGenerator<K> key, DataGenerator<V> value, int size) {
    Objects.requireNonNull(key, "mapGenerator: the key generator must not be null.");
    Objects.requireNonNull(value, "mapGenerator: the value generator must not be null.");
    checkRange("mapGenerator", size > 0, size, size);
    return new Composite<>(new DataGenerator<?>[] {key, value}, g -> {
      int entries = g.nextLength(size);
      Map<K, V> map = new HashMap<>();
      for (int i = 0; i < entries; i++) {
        map.put(key.next(), value.next());
      }
      return map;
    });
  }

  private static void checkRange(String factory, boolean valid, Object min, Object max) {
    if (!valid) {
      throw new IllegalArgumentException("RandomGenerator." + factory + ": invalid bounds " + min + " and " + max
          + " (a minimum must not be above its maximum, a length must be positive).");
    }
  }

  /** How a factory's generator draws one value. */
  private interface Draw<T> extends java.io.Serializable {
    T next(RandomGenerator<T> generator);
  }

  private static <T> RandomGenerator<T> of(Draw<T> draw) {
    return new Composite<>(new DataGenerator<?>[0], draw);
  }

  /** A factory's generator: draws with {@code draw}, after opening the generators it is made of. */
  private static final class Composite<T> extends RandomGenerator<T> {

    private static final long serialVersionUID = 1L;

    private final DataGenerator<?>[] parts;
    private final Draw<T> draw;

    Composite(DataGenerator<?>[] parts, Draw<T> draw) {
      this.parts = parts;
      this.draw = draw;
    }

    @Override
    public void open(String name, FunctionInitializationContext context, RuntimeContext runtimeContext)
        throws Exception {
      super.open(name, context, runtimeContext);
      for (int i = 0; i < parts.length; i++) {
        parts[i].open(name + "-" + i, context, runtimeContext);
      }
    }

    @Override
    public T next() {
      return nextWithNullRate(() -> draw.next(this));
    }
  }
}
