package io.spate.api.operators;

/**
 * An operator with one input.
 *
 * @param <IN> the input type
 * @param <OUT> the output type
 */
public interface OneInputStreamOperator<IN, OUT> extends StreamOperator<OUT> {

  /** Handles one record. */
  void processElement(IN value, long timestamp) throws Exception;
}
