package io.spate.api.windowing.triggers;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.functions.windowing.DeltaFunction;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Fires a window when a record is more than {@code threshold} away, by a {@link DeltaFunction},
 * from the record that last fired it (or from the window's first record); that record becomes the
 * new reference. It never purges: wrap it in a {@link PurgingTrigger} for that.
 *
 * @param <T> the record type
 * @param <W> the window type
 */
@PublicEvolving
public final class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {

  private static final long serialVersionUID = 1L;

  private final DeltaFunction<T> deltaFunction;
  private final double threshold;
  private final ValueStateDescriptor<T> lastElementDescriptor;

  private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeInformation<T> stateType) {
    this.deltaFunction = Objects.requireNonNull(deltaFunction, "DeltaTrigger: the delta function must not be null.");
    this.threshold = threshold;
    this.lastElementDescriptor = new ValueStateDescriptor<>("last-element", stateType);
  }

  /** Fires when the delta exceeds {@code threshold}; the reference record is stored with {@code stateSerializer}. */
  public static <T, W extends Window> DeltaTrigger<T, W> of(
      double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
    Objects.requireNonNull(stateSerializer, "DeltaTrigger: the state serializer must not be null.");
    return new DeltaTrigger<>(threshold, deltaFunction, new SerializerTypeInfo<>(stateSerializer));
  }

  /** As {@link #of(double, DeltaFunction, TypeSerializer)}, with the record type instead of its serializer. */
  public static <T, W extends Window> DeltaTrigger<T, W> of(
      double threshold, DeltaFunction<T> deltaFunction, TypeInformation<T> stateType) {
    Objects.requireNonNull(stateType, "DeltaTrigger: the state type must not be null.");
    return new DeltaTrigger<>(threshold, deltaFunction, stateType);
  }

  @Override
  public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
    ValueState<T> lastElement = ctx.getPartitionedState(lastElementDescriptor);
    T reference = lastElement.value();
    if (reference == null) {
      lastElement.update(element);
      return TriggerResult.CONTINUE;
    }
    if (deltaFunction.getDelta(reference, element) > threshold) {
      lastElement.update(element);
      return TriggerResult.FIRE;
    }
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
    return TriggerResult.CONTINUE;
  }

  @Override
  public void clear(W window, TriggerContext ctx) throws Exception {
    ctx.getPartitionedState(lastElementDescriptor).clear();
  }

  @Override
  public String toString() {
    return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
  }
}
