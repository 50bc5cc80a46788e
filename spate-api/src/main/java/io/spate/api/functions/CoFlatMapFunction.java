package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Flat-maps the records of two connected streams, one method per input, to one output type. */
@Public
public interface CoFlatMapFunction<IN1, IN2, OUT> extends Function {
  /** Handles a record of the first input. */
  void flatMap1(IN1 value, Collector<OUT> out) throws Exception;

  /** Handles a record of the second input. */
  void flatMap2(IN2 value, Collector<OUT> out) throws Exception;
}
