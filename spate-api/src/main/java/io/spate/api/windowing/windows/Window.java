package io.spate.api.windowing.windows;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;

/**
 * A group of records that a window function sees together; {@link #maxTimestamp()} is the largest
 * timestamp that still belongs to the window, and the timestamp of what the window emits.
 */
@PublicEvolving
public abstract class Window implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The largest timestamp that belongs to this window. */
  public abstract long maxTimestamp();
}
