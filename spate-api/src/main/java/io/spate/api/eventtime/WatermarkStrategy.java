package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a stream gets its event-time timestamps and watermarks: a timestamp assigner, a watermark
 * generator, and optionally an idleness timeout and a watermark alignment group.
 *
 * @param <T> the record type
 */
@Public
public final class WatermarkStrategy<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final WatermarkGeneratorSupplier<T> generatorSupplier;
  private final TimestampAssigner<T> timestampAssigner;
  private final Duration idleTimeout;
  private final WatermarkAlignmentParams alignment;

  private WatermarkStrategy(
      WatermarkGeneratorSupplier<T> generatorSupplier,
      TimestampAssigner<T> timestampAssigner,
      Duration idleTimeout,
      WatermarkAlignmentParams alignment) {
    this.generatorSupplier = generatorSupplier;
    this.timestampAssigner = timestampAssigner;
    this.idleTimeout = idleTimeout;
    this.alignment = alignment;
  }

  /** Watermarks for timestamps that never decrease: the highest timestamp seen, minus one. */
  public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return forBoundedOutOfOrderness(Duration.ZERO);
  }

  /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
  public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    if (maxOutOfOrderness.isNegative()) {
      throw new IllegalArgumentException(
          "The maximum out-of-orderness must be zero or positive, got " + maxOutOfOrderness);
    }
    return forGenerator(() -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness));
  }

  /** Watermarks from a custom generator. */
  public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
    return new WatermarkStrategy<>(Objects.requireNonNull(supplier, "supplier"), null, null, null);
  }

  /** No watermarks: for processing-time jobs. */
  public static <T> WatermarkStrategy<T> noWatermarks() {
    return new WatermarkStrategy<>(NoWatermarksGenerator::new, null, null, null);
  }

  /** This strategy with timestamps taken from records by {@code assigner}. */
  public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    return new WatermarkStrategy<>(generatorSupplier, Objects.requireNonNull(assigner, "assigner"), idleTimeout,
        alignment);
  }

  /**
   * This strategy, marking an input (a source split, a source subtask, or the output of {@code
   * assignTimestampsAndWatermarks}) idle after {@code timeout} of processing time without records,
   * so that it does not hold back the watermark downstream; its next record makes it active again.
   */
  public WatermarkStrategy<T> withIdleness(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("The idleness timeout must be positive, got " + timeout);
    }
    if (timeout.toMillis() == 0) {
      throw new IllegalArgumentException("The idleness timeout must be at least 1 ms, got " + timeout);
    }
    return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, timeout, alignment);
  }

  /**
   * This strategy, with the source aligned to the other sources of {@code group}: a source reader
   * whose watermark is more than {@code maxAllowedDrift} ahead of the slowest non-idle reader of the
   * group pauses until the others catch up. The group's limit is updated every second.
   */
  public WatermarkStrategy<T> withWatermarkAlignment(String group, Duration maxAllowedDrift) {
    return withWatermarkAlignment(group, maxAllowedDrift, WatermarkAlignmentParams.DEFAULT_UPDATE_INTERVAL);
  }

  /** As {@link #withWatermarkAlignment(String, Duration)}, with the limit updated every {@code updateInterval}. */
  public WatermarkStrategy<T> withWatermarkAlignment(String group, Duration maxAllowedDrift, Duration updateInterval) {
    return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, idleTimeout,
        new WatermarkAlignmentParams(group, maxAllowedDrift, updateInterval));
  }

  /** Creates a new watermark generator whose idleness, if any, is measured on the wall clock. */
  public WatermarkGenerator<T> createWatermarkGenerator() {
    return createWatermarkGenerator(System::currentTimeMillis);
  }

  /** Creates a new watermark generator whose idleness, if any, is measured on {@code clock} (ms). */
  public WatermarkGenerator<T> createWatermarkGenerator(LongSupplier clock) {
    WatermarkGenerator<T> generator = generatorSupplier.createWatermarkGenerator();
    return idleTimeout == null ? generator : new WatermarksWithIdleness<>(generator, idleTimeout, clock);
  }

  /** The timestamp assigner, or null to keep the records' own timestamps. */
  public TimestampAssigner<T> getTimestampAssigner() {
    return timestampAssigner;
  }

  /** The idleness timeout, or null if inputs never turn idle by themselves. */
  public Duration getIdleTimeout() {
    return idleTimeout;
  }

  /** The watermark alignment of a source, or null if it is not aligned. */
  public WatermarkAlignmentParams getAlignmentParameters() {
    return alignment;
  }

  /** Whether this strategy emits no watermarks at all. */
  public boolean isNoWatermarks() {
    return generatorSupplier.createWatermarkGenerator() instanceof NoWatermarksGenerator;
  }

  /** The generator of {@link #noWatermarks()}: emits nothing. */
  static final class NoWatermarksGenerator<T> implements WatermarkGenerator<T> {
    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {}

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {}
  }
}
