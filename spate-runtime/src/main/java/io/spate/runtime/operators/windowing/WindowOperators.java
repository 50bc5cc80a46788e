package io.spate.runtime.operators.windowing;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.state.AggregatingStateDescriptor;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.state.ReducingStateDescriptor;
import io.spate.api.state.StateDescriptor;
import io.spate.api.typeinfo.MissingTypeInfo;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.windowing.assigners.SlidingWindowAssigner;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.builtin.windowing.WindowOperatorFactory;

/**
 * Picks the window operator for a {@link WindowOperatorFactory}: evicting windows keep records with
 * timestamps; otherwise the contents are one reduced or aggregated value per key and window, or the
 * list of records. Specialized operators (such as sliding windows computed from slices) plug in
 * here.
 */
public final class WindowOperators {

  /**
   * The system property that turns slicing off when set to {@code false}: sliding windows then run
   * on the general {@link WindowOperator} (to compare the two, in benchmarks and tests).
   */
  public static final String SLICING_PROPERTY = "spate.windows.slicing";

  private WindowOperators() {}

  /** The operator for {@code spec}, keyed by {@code keySelector}. */
  public static StreamOperator<?> create(WindowOperatorFactory<?> spec, KeySelector<?, ?> keySelector) {
    return create(spec, keySelector, !"false".equalsIgnoreCase(System.getProperty(SLICING_PROPERTY)));
  }

  /**
   * The operator for {@code spec}, keyed by {@code keySelector}; sliding windows are computed from
   * slices only if {@code slicing} and the spec allows it.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static StreamOperator<?> create(
      WindowOperatorFactory<?> spec, KeySelector<?, ?> keySelector, boolean slicing) {
    if (slicing) {
      StreamOperator<?> sliced = slicingOperator(spec, keySelector);
      if (sliced != null) {
        return sliced;
      }
    }
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
      contents = spec.accumulatorType() != null
          ? new AggregatingStateDescriptor(WindowOperator.CONTENTS_STATE, aggregate, spec.accumulatorType())
          : new AggregatingStateDescriptor(WindowOperator.CONTENTS_STATE, aggregate, Object.class);
    } else {
      // records are stored as they come: declared by the input's type where it has a serializer, as
      // some (the tagged unions of coGroup and join) cannot be learned from a value
      TypeInformation<?> recordType = usable(spec.inputType());
      contents = recordType != null
          ? new ListStateDescriptor(WindowOperator.CONTENTS_STATE, recordType)
          : new ListStateDescriptor(WindowOperator.CONTENTS_STATE, Object.class);
      singleValue = false;
    }
    return new WindowOperator(assigner, trigger, spec.allowedLateness(), lateTag, keySelector, contents,
        singleValue, function);
  }

  /**
   * A {@link SlicingWindowOperator} for sliding windows with the default trigger, no evictor and an
   * incremental function, or null. An aggregate whose accumulator type cannot be determined is not
   * sliced: its {@code merge} may change either argument, and without a serializer the stored slice
   * accumulators could not be protected by a copy.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static StreamOperator<?> slicingOperator(WindowOperatorFactory<?> spec, KeySelector<?, ?> keySelector) {
    if (!spec.defaultTrigger() || spec.evictor() != null) {
      return null;
    }
    if (!(spec.assigner() instanceof SlidingWindowAssigner sliding) || sliding.getSlide() > sliding.getSize()) {
      return null;
    }
    TypeInformation<?> accumulatorType;
    if (spec.incrementalFunction() instanceof AggregateFunction<?, ?, ?> aggregate) {
      accumulatorType = spec.accumulatorType() != null
          ? usable(spec.accumulatorType()) : knownType(aggregate, AggregateFunction.class, 1);
      if (accumulatorType == null) {
        return null;
      }
    } else if (spec.incrementalFunction() instanceof ReduceFunction<?> reduce) {
      // the general operator already shares records between overlapping windows, so a reduce must
      // not change its arguments there either; a known type only lets the slicer be more careful
      accumulatorType = knownType(reduce, ReduceFunction.class, 0);
    } else {
      return null;
    }
    return new SlicingWindowOperator(sliding,
        spec.allowedLateness(), spec.lateDataOutputTag(), keySelector, spec.incrementalFunction(), accumulatorType,
        spec.function());
  }

  /** The type argument {@code index} of {@code function} with a usable serializer, or null. */
  private static TypeInformation<?> knownType(Object function, Class<?> base, int index) {
    try {
      return usable(TypeExtractor.getUnaryReturnType(function, base, -1, index, null, "window"));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code type} if it is known and has a serializer, else null. */
  private static TypeInformation<?> usable(TypeInformation<?> type) {
    if (type == null || type instanceof MissingTypeInfo<?> || type.getTypeClass() == Object.class) {
      return null;
    }
    try {
      type.createSerializer();
      return type;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
