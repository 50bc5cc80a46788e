package io.spate.runtime.operators.builtin;

import io.spate.runtime.operators.BatchKeyedReduceOperator;
import io.spate.runtime.operators.IntervalJoinOperator;
import io.spate.runtime.operators.KeyedReduceOperator;
import io.spate.runtime.operators.TimestampsAndWatermarksOperator;
import io.spate.api.common.RuntimeExecutionMode;
import io.spate.api.operators.builtin.AsyncWaitOperatorFactory;
import io.spate.api.operators.builtin.IntervalJoinOperatorFactory;
import io.spate.api.operators.builtin.KeyedReduceOperatorFactory;
import io.spate.api.operators.builtin.RuntimeOperatorProvider;
import io.spate.api.operators.builtin.TimestampsAndWatermarksOperatorFactory;
import io.spate.api.operators.builtin.windowing.WindowOperatorFactory;
import io.spate.runtime.operators.async.AsyncWaitOperator;
import io.spate.runtime.operators.windowing.WindowOperators;

/**
 * The built-in operators that the runtime implements, registered by the class of the API's factory
 * that describes each (found as a service by {@link io.spate.api.operators.builtin.RuntimeOperatorFactory}).
 * Each factory's operator takes its key selectors from the parameters of the node it runs.
 */
public final class BuiltinOperatorProvider implements RuntimeOperatorProvider {

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public void registerOperators(Registry registry) {
    registry.register(KeyedReduceOperatorFactory.class, (f, p) -> p.getRuntimeMode() == RuntimeExecutionMode.BATCH
        ? new BatchKeyedReduceOperator<>(f.function(), p.getStateKeySelector(0))
        : new KeyedReduceOperator<>(f.function(), p.getStateKeySelector(0), f.valueType()));
    registry.register(TimestampsAndWatermarksOperatorFactory.class,
        (f, p) -> new TimestampsAndWatermarksOperator<>(f.strategy()));
    registry.register(WindowOperatorFactory.class, (f, p) -> WindowOperators.create(f, p.getStateKeySelector(0)));
    registry.register(AsyncWaitOperatorFactory.class, (f, p) -> new AsyncWaitOperator<>(f.function(), f.ordered(),
        f.timeout().toMillis(), f.capacity(), f.retryStrategy(), f.inputType()));
    registry.register(IntervalJoinOperatorFactory.class, (f, p) -> new IntervalJoinOperator<>(f.function(),
        p.getStateKeySelector(0), p.getStateKeySelector(1), f.lowerBound(), f.upperBound(), f.leftLateDataTag(),
        f.rightLateDataTag(), f.leftType(), f.rightType()));
  }
}
