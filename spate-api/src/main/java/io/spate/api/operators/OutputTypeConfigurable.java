package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.typeinfo.TypeInformation;

/**
 * An operator, or the function of an {@link AbstractUdfStreamOperator}, that wants to know its output
 * type: {@code transform} hands it over when the operator is added to a stream.
 *
 * @param <OUT> the output type
 */
@PublicEvolving
public interface OutputTypeConfigurable<OUT> {

  /** The output type of the stream the operator produces, and the job's settings. */
  void setOutputType(TypeInformation<OUT> outTypeInfo, ExecutionConfig executionConfig);
}
