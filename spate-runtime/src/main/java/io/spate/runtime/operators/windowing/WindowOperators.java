package io.spate.runtime.operators.windowing;

import io.spate.api.common.OutputTag;
import io.spate.api.dag.OperatorSpec;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.runtime.operators.StreamOperator;

/**
 * Picks the window operator for a {@link OperatorSpec.Windowed}: evicting windows keep records with
 * timestamps; otherwise the contents are one reduced or aggregated value per key and window, or the
 * list of records. Specialized operators (such as sliding windows computed from slices) plug in
 * here.
 */
public final class WindowOperators {

  private WindowOperators() {}

  /** The operator for {@code spec}, keyed by {@code keySelector}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static StreamOperator<?> create(OperatorSpec.Windowed spec, KeySelector<?, ?> keySelector) {
    WindowAssigner assigner = spec.assigner();
    Trigger trigger = spec.trigger();
    OutputTag lateTag = spec.lateDataOutputTag();
    ProcessWindowFunction function = spec.function();
    if (spec.evictor() != null) {
      return new EvictingWindowOperator(assigner, trigger, (Evictor) spec.evictor(), spec.allowedLateness(),
          lateTag, keySelector, spec.incrementalFunction(), function);
    }
    StateDescriptor contents;
    boolean singleValue = true;
    if (spec.incrementalFunction() instanceof ReduceFunction<?> reduce) {
      contents = new ReducingStateDescriptor(WindowOperator.CONTENTS_STATE, reduce, Object.class);
    } else if (spec.incrementalFunction() instanceof AggregateFunction<?, ?, ?> aggregate) {
      contents = new AggregatingStateDescriptor(WindowOperator.CONTENTS_STATE, aggregate, Object.class);
    } else {
      contents = new ListStateDescriptor(WindowOperator.CONTENTS_STATE, Object.class);
      singleValue = false;
    }
    return new WindowOperator(assigner, trigger, spec.allowedLateness(), lateTag, keySelector, contents,
        singleValue, function);
  }
}
