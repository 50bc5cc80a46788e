package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a stream gets its event-time timestamps and watermarks: a timestamp assigner, a watermark
 * generator, and optionally an idleness timeout and a watermark alignment group. Build one from
 * the static methods ({@link #forBoundedOutOfOrderness}, {@link #forGenerator}, ...) and the
 * {@code with...} methods, or implement {@link #createWatermarkGenerator(WatermarkGeneratorSupplier.Context)}
 * (and, optionally, {@link #createTimestampAssigner(TimestampAssignerSupplier.Context)}) yourself.
 * A strategy is serialized with the job and each parallel instance creates its own assigner and
 * generators from its own copy.
 *
 * @param <T> the record type
 */
@Public
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

  /** Creates the watermark generator of one input (a source split or a parallel instance). */
  @Override
  WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

  /** Creates the timestamp assigner of one parallel instance; by default records keep their timestamps. */
  @Override
  default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
    return new RecordTimestampAssigner<>();
  }

  /** The watermark alignment of a source, or null if it is not aligned. */
  default WatermarkAlignmentParams getAlignmentParameters() {
    return null;
  }

  // ---------------------------------------------------------------- building on a strategy

  /** This strategy with timestamps from the assigners that {@code timestampAssigner} creates. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
    Objects.requireNonNull(timestampAssigner, "withTimestampAssigner: the timestamp assigner supplier must not be null.");
    return new WatermarkStrategyWithTimestampAssigner<>(this, timestampAssigner);
  }

  /** This strategy with timestamps taken from records by {@code timestampAssigner}, typically a lambda. */
  default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
    Objects.requireNonNull(timestampAssigner, "withTimestampAssigner: the timestamp assigner must not be null.");
    return withTimestampAssigner(TimestampAssignerSupplier.of(timestampAssigner));
  }

  /** This strategy with timestamps taken from records by {@code assigner}, a serializable assigner object. */
  default WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    Objects.requireNonNull(assigner, "assigner");
    return withTimestampAssigner((TimestampAssignerSupplier<T>) context -> assigner);
  }

  /**
   * This strategy, marking an input (a source split, a source subtask, or the output of {@code
   * assignTimestampsAndWatermarks}) idle after {@code timeout} of processing time without records,
   * so that it does not hold back the watermark downstream; its next record makes it active again.
   */
  default WatermarkStrategy<T> withIdleness(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("The idleness timeout must be positive, got " + timeout);
    }
    if (timeout.toMillis() == 0) {
      throw new IllegalArgumentException("The idleness timeout must be at least 1 ms, got " + timeout);
    }
    return new WatermarkStrategyWithIdleness<>(this, timeout);
  }

  /**
   * This strategy, with the source aligned to the other sources of {@code group}: a source reader
   * whose watermark is more than {@code maxAllowedDrift} ahead of the slowest non-idle reader of the
   * group pauses until the others catch up. The group's limit is updated every second.
   */
  default WatermarkStrategy<T> withWatermarkAlignment(String group, Duration maxAllowedDrift) {
    return withWatermarkAlignment(group, maxAllowedDrift, WatermarkAlignmentParams.DEFAULT_UPDATE_INTERVAL);
  }

  /** As {@link #withWatermarkAlignment(String, Duration)}, with the limit updated every {@code updateInterval}. */
  default WatermarkStrategy<T> withWatermarkAlignment(String group, Duration maxAllowedDrift, Duration updateInterval) {
    return new WatermarksWithWatermarkAlignment<>(this,
        new WatermarkAlignmentParams(group, maxAllowedDrift, updateInterval));
  }

  // ---------------------------------------------------------------- the common strategies

  /** Watermarks for timestamps that never decrease: the highest timestamp seen, minus one. */
  static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return context -> new AscendingTimestampsWatermarks<>();
  }

  /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
  static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "The maximum out-of-orderness must be zero or positive, got " + maxOutOfOrderness);
    }
    return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
  }

  /** Watermarks from a custom generator: {@code forGenerator(context -> new MyGenerator())}. */
  static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
    Objects.requireNonNull(generatorSupplier, "forGenerator: the watermark generator supplier must not be null.");
    return generatorSupplier::createWatermarkGenerator;
  }

  /**
   * Watermarks from a custom generator that needs no context: {@code forGenerator(MyGenerator::new)}.
   * An overload of Spate's that Flink does not have.
   */
  static <T> WatermarkStrategy<T> forGenerator(ContextFreeGeneratorSupplier<T> generatorSupplier) {
    Objects.requireNonNull(generatorSupplier, "forGenerator: the watermark generator supplier must not be null.");
    return context -> generatorSupplier.createWatermarkGenerator();
  }

  /** No watermarks: for processing-time jobs. */
  static <T> WatermarkStrategy<T> noWatermarks() {
    return context -> new NoWatermarksGenerator<>();
  }

  // ---------------------------------------------------------------- what Spate's runtime asks

  /**
   * Whether this strategy emits no watermarks at all (its generator is a {@link
   * NoWatermarksGenerator}), so that its inputs need not track them.
   */
  default boolean isNoWatermarks() {
    return createWatermarkGenerator(StrategyContext.unregistered(System::currentTimeMillis))
        instanceof NoWatermarksGenerator;
  }

  /** The idleness timeout, or null if inputs never turn idle by themselves. */
  default Duration getIdleTimeout() {
    return null;
  }

  /**
   * The timestamp assigner of a new parallel instance, without metrics, or null if records keep
   * their own timestamps.
   */
  default TimestampAssigner<T> getTimestampAssigner() {
    TimestampAssigner<T> assigner = createTimestampAssigner(StrategyContext.unregistered(System::currentTimeMillis));
    return assigner instanceof RecordTimestampAssigner ? null : assigner;
  }

  /** Creates a new watermark generator, without metrics, whose idleness is measured on the wall clock. */
  default WatermarkGenerator<T> createWatermarkGenerator() {
    return createWatermarkGenerator(System::currentTimeMillis);
  }

  /** Creates a new watermark generator, without metrics, whose idleness is measured on {@code clock} (ms). */
  default WatermarkGenerator<T> createWatermarkGenerator(LongSupplier clock) {
    return createWatermarkGenerator(StrategyContext.unregistered(clock));
  }

  /**
   * Creates a watermark generator without being given a context; what {@code forGenerator(MyGenerator::new)}
   * and {@code forGenerator(() -> ...)} take.
   *
   * @param <T> the record type
   */
  @Public
  @FunctionalInterface
  interface ContextFreeGeneratorSupplier<T> extends Serializable {

    /** Creates a new generator. */
    WatermarkGenerator<T> createWatermarkGenerator();
  }
}
