package io.spate.api.operators;

import io.spate.api.annotation.PublicEvolving;

/**
 * A one-input operator that wants to know when its input has ended: the runtime calls {@link
 * #endInput()} once the last record and the final watermark went in, right before {@link
 * StreamOperator#finish()}.
 */
@PublicEvolving
public interface BoundedOneInput {

  /** The input has ended: no record or watermark follows. */
  void endInput() throws Exception;
}
