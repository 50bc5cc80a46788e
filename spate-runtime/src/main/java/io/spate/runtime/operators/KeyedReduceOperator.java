package io.spate.runtime.operators;

import io.spate.api.operators.OneInputStreamOperator;
import io.spate.api.state.ValueState;
import io.spate.api.state.ValueStateDescriptor;
import io.spate.api.typeinfo.TypeInformation;
import io.spate.api.operators.state.VoidNamespace;

import io.spate.api.functions.KeySelector;
import io.spate.api.functions.ReduceFunction;

/**
 * The streaming keyed {@code reduce}: keeps the running value per key in keyed state (so that it is
 * checkpointed) and emits it after every record.
 */
public final class KeyedReduceOperator<K, T> extends AbstractStreamOperator<T>
    implements OneInputStreamOperator<T, T> {

  private final ReduceFunction<T> function;
  private final KeySelector<T, K> keySelector;
  private final ValueStateDescriptor<T> descriptor;
  private ValueState<T> values;

  /** Creates the operator; {@code valueType} is the type reduced (null: learned from the values). */
  @SuppressWarnings("unchecked")
  public KeyedReduceOperator(ReduceFunction<T> function, KeySelector<?, ?> keySelector, TypeInformation<T> valueType) {
    super(function, true);
    this.function = function;
    this.keySelector = (KeySelector<T, K>) keySelector;
    this.descriptor = valueType != null && !(valueType instanceof io.spate.api.typeinfo.MissingTypeInfo)
        ? new ValueStateDescriptor<>("reduce-value", valueType)
        : new ValueStateDescriptor<>("reduce-value", (Class<T>) Object.class);
  }

  @Override
  public void open() throws Exception {
    super.open();
    values = keyedStateBackend.getPartitionedState(VoidNamespace.INSTANCE, descriptor);
  }

  @Override
  public void processElement(T value, long timestamp) throws Exception {
    setCurrentKey(keyOf(keySelector, value));
    T previous = values.value();
    T updated = previous == null ? value : function.reduce(previous, value);
    values.update(updated);
    output.collect(updated, timestamp);
  }
}
