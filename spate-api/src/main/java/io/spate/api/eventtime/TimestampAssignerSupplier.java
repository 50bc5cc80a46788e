package io.spate.api.eventtime;

import io.spate.api.annotation.Public;
import io.spate.api.metrics.MetricGroup;
import java.io.Serializable;
import java.util.Objects;

/**
 * Creates the timestamp assigner of each parallel instance, so that an assigner need not be
 * serializable itself.
 *
 * @param <T> the record type
 */
@Public
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {

  /** Creates a new assigner. */
  TimestampAssigner<T> createTimestampAssigner(Context context);

  /** A supplier that hands out {@code assigner} itself (each parallel instance has its own copy). */
  static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
    Objects.requireNonNull(assigner, "TimestampAssignerSupplier.of: the timestamp assigner must not be null.");
    return new SupplierFromSerializableTimestampAssigner<>(assigner);
  }

  /**
   * A supplier that hands out one serializable assigner itself; each parallel instance has its own
   * deserialized copy.
   *
   * @param <T> the record type
   */
  @Public
  class SupplierFromSerializableTimestampAssigner<T> implements TimestampAssignerSupplier<T> {

    private static final long serialVersionUID = 1L;

    private final SerializableTimestampAssigner<T> assigner;

    /** Supplies {@code assigner}. */
    public SupplierFromSerializableTimestampAssigner(SerializableTimestampAssigner<T> assigner) {
      this.assigner = Objects.requireNonNull(assigner,
          "SupplierFromSerializableTimestampAssigner: the timestamp assigner must not be null.");
    }

    @Override
    public TimestampAssigner<T> createTimestampAssigner(Context context) {
      return assigner;
    }
  }

  /** What a new timestamp assigner may use. */
  @Public
  interface Context {

    /** The metric group of the operator that runs the assigner, to register its own metrics in. */
    MetricGroup getMetricGroup();
  }
}
