package io.spate.api.functions;

import io.spate.api.annotation.Public;

/** Maps the records of two connected streams, one method per input, to one output type. */
@Public
public interface CoMapFunction<IN1, IN2, OUT> extends Function {
  /** Maps a record of the first input. */
  OUT map1(IN1 value) throws Exception;

  /** Maps a record of the second input. */
  OUT map2(IN2 value) throws Exception;
}
