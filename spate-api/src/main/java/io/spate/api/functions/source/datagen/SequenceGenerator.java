package io.spate.api.functions.source.datagen;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.checkpoint.FunctionInitializationContext;
import io.spate.api.checkpoint.FunctionSnapshotContext;
import io.spate.api.functions.RuntimeContext;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.typeinfo.Types;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A {@link DataGenerator} of the numbers {@code start} to {@code end}, each once over all parallel
 * instances (instance {@code i} of {@code n} takes {@code start + i}, {@code start + i + n}, ...), in a
 * number type or as strings. The numbers not emitted yet are checkpointed, so after a recovery
 * (also at another parallelism) the sequence goes on where it stood. A subclass implements {@link
 * #next()} from {@link #valuesToEmit}.
 *
 * @param <T> the type of the values
 */
@PublicEvolving
public abstract class SequenceGenerator<T> implements DataGenerator<T> {

  private static final long serialVersionUID = 1L;

  private final long start;
  private final long end;

  /** The numbers this parallel instance has still to emit, in order; filled in {@link #open}. */
  protected transient Deque<Long> valuesToEmit;

  private transient ListState<Long> checkpointedState;

  /**
   * A sequence from {@code start} to {@code end}, both included.
   *
   * @throws IllegalArgumentException if {@code start} is above {@code end}
   */
  public SequenceGenerator(long start, long end) {
    if (start > end) {
      throw new IllegalArgumentException("SequenceGenerator: the start " + start + " is above the end " + end + ".");
    }
    this.start = start;
    this.end = end;
  }

  /**
   * Registers the state {@code name + "-sequence-state"}; a restored instance goes on with the numbers
   * the state holds, a new one takes its share of the sequence.
   *
   * @throws IllegalStateException if opened twice
   * @throws IllegalArgumentException if this instance's share has more than {@link Integer#MAX_VALUE} numbers
   */
  @Override
  public void open(String name, FunctionInitializationContext context, RuntimeContext runtimeContext)
      throws Exception {
    if (checkpointedState != null) {
      throw new IllegalStateException("SequenceGenerator '" + name + "' was opened already.");
    }
    checkpointedState = context.getOperatorStateStore()
        .getListState(new ListStateDescriptor<>(name + "-sequence-state", Types.LONG));
    valuesToEmit = new ArrayDeque<>();
    if (context.isRestored()) {
      for (Long value : checkpointedState.get()) {
        valuesToEmit.add(value);
      }
      return;
    }
    int parallelism = runtimeContext.getNumberOfParallelSubtasks();
    int index = runtimeContext.getIndexOfThisSubtask();
    // end - start + 1 overflows for the widest ranges: compute the count in BigDecimal's exact arithmetic.
    BigDecimal total = BigDecimal.valueOf(end).subtract(BigDecimal.valueOf(start)).add(BigDecimal.ONE);
    BigDecimal[] division = total.divideAndRemainder(BigDecimal.valueOf(parallelism));
    BigDecimal share = division[0].add(division[1].compareTo(BigDecimal.valueOf(index)) > 0 ? BigDecimal.ONE : BigDecimal.ZERO);
    if (share.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("SequenceGenerator '" + name + "': subtask " + index + " of " + parallelism
          + " would hold " + share + " numbers of " + start + ".." + end + " in memory; use a shorter sequence or a"
          + " higher parallelism.");
    }
    long count = share.longValue();
    for (long i = 0; i < count; i++) {
      valuesToEmit.add(start + index + i * parallelism);
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    if (checkpointedState == null) {
      throw new IllegalStateException("SequenceGenerator: snapshotState before open.");
    }
    List<Long> remaining = new ArrayList<>(valuesToEmit);
    checkpointedState.update(remaining);
  }

  /** Whether numbers remain for this instance. */
  @Override
  public boolean hasNext() {
    return !valuesToEmit.isEmpty();
  }

  /** Longs from {@code start} to {@code end}. */
  public static SequenceGenerator<Long> longGenerator(long start, long end) {
    return new Mapped<>(start, end, value -> value);
  }

  /** Ints from {@code start} to {@code end}. */
  public static SequenceGenerator<Integer> intGenerator(int start, int end) {
    return new Mapped<>(start, end, v -> (int) v);
  }

  /** Shorts from {@code start} to {@code end}. */
  public static SequenceGenerator<Short> shortGenerator(short start, short end) {
    return new Mapped<>(start, end, v -> (short) v);
  }

  /** Bytes from {@code start} to {@code end}. */
  public static SequenceGenerator<Byte> byteGenerator(byte start, byte end) {
    return new Mapped<>(start, end, v -> (byte) v);
  }

  /** The whole numbers from {@code start} to {@code end}, as floats (Flink's bounds are shorts too). */
  public static SequenceGenerator<Float> floatGenerator(short start, short end) {
    return new Mapped<>(start, end, v -> (float) v);
  }

  /** The whole numbers from {@code start} to {@code end}, as doubles (Flink's bounds are ints too). */
  public static SequenceGenerator<Double> doubleGenerator(int start, int end) {
    return new Mapped<>(start, end, v -> (double) v);
  }

  /**
   * The whole numbers from {@code startPos} to {@code endPos} as decimals rounded to {@code precision}
   * significant digits, then given {@code scale} digits after the point (cut, not rounded), as in Flink.
   */
  public static SequenceGenerator<BigDecimal> bigDecimalGenerator(int startPos, int endPos, int precision, int scale) {
    if (precision < 1 || scale < 0) {
      throw new IllegalArgumentException("SequenceGenerator.bigDecimalGenerator: invalid precision " + precision
          + " or scale " + scale + " (need precision >= 1 and scale >= 0).");
    }
    return new Mapped<>(startPos, endPos, value ->
        new BigDecimal((double) value, new java.math.MathContext(precision)).setScale(scale, RoundingMode.DOWN));
  }

  /** The whole numbers from {@code start} to {@code end}, as strings. */
  public static SequenceGenerator<String> stringGenerator(long start, long end) {
    return new Mapped<>(start, end, String::valueOf);
  }

  /** How a factory's generator turns a number of the sequence into a value. */
  private interface Conversion<T> extends java.io.Serializable {
    T apply(long value);
  }

  /** A factory's generator: the numbers of the sequence, converted. */
  private static final class Mapped<T> extends SequenceGenerator<T> {

    private static final long serialVersionUID = 1L;

    private final Conversion<T> conversion;

    Mapped(long start, long end, Conversion<T> conversion) {
      super(start, end);
      this.conversion = conversion;
    }

    @Override
    public T next() {
      Long value = valuesToEmit.poll();
      if (value == null) {
        throw new java.util.NoSuchElementException("The sequence of this parallel instance has ended.");
      }
      return conversion.apply(value);
    }
  }
}
