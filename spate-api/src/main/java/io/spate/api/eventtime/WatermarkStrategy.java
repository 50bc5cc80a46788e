package io.spate.api.eventtime;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a stream gets its event-time timestamps and watermarks: a timestamp assigner, a watermark
 * generator, and optionally an idleness timeout.
 *
 * @param <T> the record type
 */
public final class WatermarkStrategy<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final WatermarkGeneratorSupplier<T> generatorSupplier;
  private final TimestampAssigner<T> timestampAssigner;
  private final Duration idleTimeout;

  private WatermarkStrategy(
      WatermarkGeneratorSupplier<T> generatorSupplier,
      TimestampAssigner<T> timestampAssigner,
      Duration idleTimeout) {
    this.generatorSupplier = generatorSupplier;
    this.timestampAssigner = timestampAssigner;
    this.idleTimeout = idleTimeout;
  }

  /** Watermarks for timestamps that never decrease: the highest timestamp seen, minus one. */
  public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return forBoundedOutOfOrderness(Duration.ZERO);
  }

  /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
  public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
    return forGenerator(() -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness));
  }

  /** Watermarks from a custom generator. */
  public static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> supplier) {
    return new WatermarkStrategy<>(Objects.requireNonNull(supplier, "supplier"), null, null);
  }

  /** No watermarks: for processing-time jobs. */
  public static <T> WatermarkStrategy<T> noWatermarks() {
    return new WatermarkStrategy<>(NoWatermarksGenerator::new, null, null);
  }

  /** This strategy with timestamps taken from records by {@code assigner}. */
  public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    return new WatermarkStrategy<>(generatorSupplier, Objects.requireNonNull(assigner), idleTimeout);
  }

  /** This strategy, marking an input idle after {@code timeout} without records. */
  public WatermarkStrategy<T> withIdleness(Duration timeout) {
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("The idleness timeout must be positive, got " + timeout);
    }
    return new WatermarkStrategy<>(generatorSupplier, timestampAssigner, timeout);
  }

  /** Creates a new watermark generator. */
  public WatermarkGenerator<T> createWatermarkGenerator() {
    return generatorSupplier.createWatermarkGenerator();
  }

  /** The timestamp assigner, or null to keep the records' own timestamps. */
  public TimestampAssigner<T> getTimestampAssigner() {
    return timestampAssigner;
  }

  /** The idleness timeout, or null if inputs never turn idle by themselves. */
  public Duration getIdleTimeout() {
    return idleTimeout;
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
