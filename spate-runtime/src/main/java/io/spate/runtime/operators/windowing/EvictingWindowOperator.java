package io.spate.runtime.operators.windowing;

import io.spate.api.common.OutputTag;
import io.spate.api.functions.AggregateFunction;
import io.spate.api.functions.Function;
import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;
import io.spate.api.functions.windowing.ProcessWindowFunction;
import io.spate.api.metrics.MetricGroup;
import io.spate.api.state.ListState;
import io.spate.api.state.ListStateDescriptor;
import io.spate.api.windowing.assigners.WindowAssigner;
import io.spate.api.windowing.evictors.Evictor;
import io.spate.api.windowing.evictors.TimestampedValue;
import io.spate.api.windowing.triggers.Trigger;
import io.spate.api.windowing.windows.Window;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link WindowOperator} with an {@link Evictor}: windows keep their records with timestamps, and
 * when a window fires the evictor may drop records before and after the function runs. A reduce or
 * aggregate function is applied to the remaining records at firing time.
 *
 * @param <K> the key type
 * @param <IN> the record type
 * @param <C> the type of the window contents handed to the function
 * @param <OUT> the output type
 * @param <W> the window type
 */
public final class EvictingWindowOperator<K, IN, C, OUT, W extends Window> extends WindowOperator<K, IN, C, OUT, W> {

  private final Evictor<? super IN, ? super W> evictor;
  private final Function incrementalFunction;
  private final EvictorContextImpl evictorContext = new EvictorContextImpl();

  /** Creates the operator; {@code incrementalFunction} is a reduce or aggregate function, or null. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public EvictingWindowOperator(
      WindowAssigner<? super IN, W> assigner,
      Trigger<? super IN, ? super W> trigger,
      Evictor<? super IN, ? super W> evictor,
      long allowedLateness,
      OutputTag<IN> lateDataOutputTag,
      KeySelector<?, ?> keySelector,
      Function incrementalFunction,
      ProcessWindowFunction<C, OUT, K, W> function) {
    super(assigner, trigger, allowedLateness, lateDataOutputTag, keySelector,
        new ListStateDescriptor<>(CONTENTS_STATE, (Class) TimestampedValue.class), false, function);
    this.evictor = evictor;
    this.incrementalFunction = incrementalFunction;
  }

  @Override
  protected void addElement(IN value, long timestamp) throws Exception {
    contents.add(new TimestampedValue<>(value, timestamp));
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void emitWindowContents(W window) throws Exception {
    ListState<TimestampedValue<IN>> state = (ListState<TimestampedValue<IN>>) (Object) contents;
    Iterable<TimestampedValue<IN>> stored = state.get();
    if (stored == null || !stored.iterator().hasNext()) {
      return;
    }
    List<TimestampedValue<IN>> records = new ArrayList<>();
    stored.forEach(records::add);
    int storedCount = records.size();
    Evictor<IN, W> typedEvictor = (Evictor<IN, W>) evictor;
    typedEvictor.evictBefore(records, records.size(), window, evictorContext);
    Iterable<C> elements = elementsFor(records);
    if (elements != null) {
      callFunction(window, elements);
    }
    typedEvictor.evictAfter(records, records.size(), window, evictorContext);
    if (records.size() != storedCount) { // evictors can only remove, so an equal count means unchanged
      state.update(records);
    }
  }

  @SuppressWarnings("unchecked")
  private Iterable<C> elementsFor(List<TimestampedValue<IN>> records) throws Exception {
    if (incrementalFunction == null) {
      return (Iterable<C>) values(records);
    }
    if (incrementalFunction instanceof ReduceFunction<?> reduce) {
      ReduceFunction<IN> reducer = (ReduceFunction<IN>) reduce;
      IN result = null;
      for (TimestampedValue<IN> record : records) {
        result = result == null ? record.getValue() : reducer.reduce(result, record.getValue());
      }
      return result == null ? null : Collections.singletonList((C) result);
    }
    AggregateFunction<IN, Object, C> aggregate = (AggregateFunction<IN, Object, C>) incrementalFunction;
    Object accumulator = aggregate.createAccumulator();
    for (TimestampedValue<IN> record : records) {
      accumulator = aggregate.add(record.getValue(), accumulator);
    }
    return Collections.singletonList(aggregate.getResult(accumulator));
  }

  private static <T> List<T> values(List<TimestampedValue<T>> records) {
    return new AbstractList<>() {
      @Override
      public T get(int index) {
        return records.get(index).getValue();
      }

      @Override
      public int size() {
        return records.size();
      }
    };
  }

  private final class EvictorContextImpl implements Evictor.EvictorContext {
    @Override
    public long getCurrentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public MetricGroup getMetricGroup() {
      return metricGroup();
    }

    @Override
    public long getCurrentWatermark() {
      return currentWatermark();
    }
  }
}
