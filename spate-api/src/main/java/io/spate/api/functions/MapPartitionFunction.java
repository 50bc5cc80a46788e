package io.spate.api.functions;

import io.spate.api.annotation.Public;

/**
 * A function over all records of one partition at once: it reads them from an iterable and emits any
 * number of results.
 *
 * @param <IN> the input type
 * @param <OUT> the result type
 */
@Public
@FunctionalInterface
public interface MapPartitionFunction<IN, OUT> extends Function {

  /** Reads every record of the partition from {@code values} and emits results to {@code out}. */
  void mapPartition(Iterable<IN> values, Collector<OUT> out) throws Exception;
}
