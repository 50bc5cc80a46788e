package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;

/**
 * Carries a checked exception through code that cannot declare it; {@link #unwrap} recovers the
 * innermost exception that is not itself such a wrapper.
 */
@PublicEvolving
public class WrappingRuntimeException extends FlinkRuntimeException {

  private static final long serialVersionUID = 1L;

  /** Wraps {@code cause}. */
  public WrappingRuntimeException(Throwable cause) {
    super(Objects.requireNonNull(cause, "cause"));
  }

  /** Wraps {@code cause}, saying {@code message}. */
  public WrappingRuntimeException(String message, Throwable cause) {
    super(message, Objects.requireNonNull(cause, "cause"));
  }

  /** The wrapped exception, with nested wrappers removed. */
  public Throwable unwrap() {
    Throwable cause = getCause();
    // Bounded by the cause chain, which Java keeps acyclic.
    while (cause instanceof WrappingRuntimeException wrapper && wrapper.getCause() != null) {
      cause = wrapper.getCause();
    }
    return cause;
  }

  /** {@code t} itself if it is unchecked, else {@code t} wrapped; an {@link Error} is thrown, not returned. */
  public static RuntimeException wrapIfNecessary(Throwable t) {
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof RuntimeException r) {
      return r;
    }
    return new WrappingRuntimeException(t);
  }
}
