package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import java.util.List;

/**
 * An operator with any number of inputs, each with a type of its own. Watermarks are not per input:
 * the task combines the watermarks of all channels of all inputs (their minimum) and calls {@link
 * #processWatermark} once when the combined watermark advances. On keyed inputs, the runtime makes
 * each record's key (by that input's key selector) the current key before the input gets it.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface MultipleInputStreamOperator<OUT> extends StreamOperator<OUT> {

  /** The inputs, in the order of the transformation's inputs; asked once, after {@link #setup}. */
  List<Input<?>> getInputs();
}
