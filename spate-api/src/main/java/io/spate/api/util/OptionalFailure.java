package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.util.Objects;

/**
 * A value, or the failure that took its place.
 *
 * @param <T> the value type
 */
@PublicEvolving
public class OptionalFailure<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final T value;
  private final Throwable failureCause;

  private OptionalFailure(T value, Throwable failureCause) {
    this.value = value;
    this.failureCause = failureCause;
  }

  /** A value. */
  public static <T> OptionalFailure<T> of(T value) {
    return new OptionalFailure<>(value, null);
  }

  /** A failure. */
  public static <T> OptionalFailure<T> ofFailure(Throwable failureCause) {
    return new OptionalFailure<>(null, Objects.requireNonNull(failureCause, "failureCause"));
  }

  /** What {@code supplier} returns, or what it throws (errors are not caught). */
  public static <T> OptionalFailure<T> createFrom(CheckedSupplier<T> supplier) {
    try {
      return of(supplier.get());
    } catch (Exception e) {
      return ofFailure(e);
    }
  }

  /** The value; a failure is thrown wrapped in a {@link FlinkException}. */
  public T get() throws FlinkException {
    if (isFailure()) {
      throw new FlinkException(failureCause);
    }
    return value;
  }

  /** The value; a failure is thrown wrapped in a {@link FlinkRuntimeException}. */
  public T getUnchecked() throws FlinkRuntimeException {
    if (isFailure()) {
      throw new FlinkRuntimeException(failureCause);
    }
    return value;
  }

  /** The failure; fails if this holds a value. */
  public Throwable getFailureCause() {
    if (!isFailure()) {
      throw new IllegalStateException("This OptionalFailure holds a value, not a failure: " + value);
    }
    return failureCause;
  }

  /** Whether this holds a failure. */
  public boolean isFailure() {
    return failureCause != null;
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, failureCause);
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof OptionalFailure<?> that
        && Objects.equals(value, that.value) && Objects.equals(failureCause, that.failureCause);
  }

  @Override
  public String toString() {
    return "OptionalFailure{" + (isFailure() ? "failureCause=" + failureCause : "value=" + value) + "}";
  }
}
