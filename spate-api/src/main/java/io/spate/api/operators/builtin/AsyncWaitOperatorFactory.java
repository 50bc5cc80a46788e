package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.functions.async.AsyncFunction;
import io.spate.api.functions.async.AsyncRetryStrategy;
import io.spate.api.operators.ChainingStrategy;
import io.spate.api.typeinfo.TypeInformation;
import java.time.Duration;

/**
 * The operator of {@code AsyncDataStream.orderedWait}/{@code unorderedWait}: at most {@code capacity}
 * records in flight, each failing after {@code timeout} (zero: never), retried per {@code
 * retryStrategy} (null: never). It heads its chain, so that the task can stop feeding it when it is
 * full. Internal.
 *
 * @param inputType the input's record type, which snapshots of the records in flight need (null if unknown)
 */
@Internal
public record AsyncWaitOperatorFactory<IN, OUT>(AsyncFunction<IN, OUT> function, boolean ordered, Duration timeout,
    int capacity, AsyncRetryStrategy<OUT> retryStrategy, TypeInformation<IN> inputType)
    implements RuntimeOperatorFactory<OUT> {

  @Override
  public ChainingStrategy getChainingStrategy() {
    return ChainingStrategy.HEAD;
  }

  @Override
  public boolean keepsRecordsInFlight() {
    return true;
  }
}
