package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.common.ExecutionConfig;
import io.spate.api.typeinfo.TypeInformation;

/**
 * A one-input operator that wants to know its input type: {@code transform} hands it over when the
 * operator is added to a stream.
 */
@PublicEvolving
public interface InputTypeConfigurable {

  /** The type of the stream the operator reads, and the job's settings. */
  void setInputType(TypeInformation<?> type, ExecutionConfig executionConfig);
}
