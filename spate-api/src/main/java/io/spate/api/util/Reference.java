package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.Objects;
import java.util.Optional;

/**
 * A value together with whether the holder owns it (and so must release it) or only borrowed it.
 *
 * @param <T> the value type
 */
@PublicEvolving
public final class Reference<T> {

  private final T value;
  private final boolean isOwned;

  private Reference(T value, boolean isOwned) {
    this.value = Objects.requireNonNull(value, "value");
    this.isOwned = isOwned;
  }

  /** The value. */
  public T deref() {
    return value;
  }

  /** The value if owned, else empty. */
  public Optional<T> owned() {
    return isOwned ? Optional.of(value) : Optional.empty();
  }

  /** Whether the holder owns the value. */
  public boolean isOwned() {
    return isOwned;
  }

  @Override
  public String toString() {
    return (isOwned ? "Owned" : "Borrowed") + "Reference(" + value + ")";
  }

  /** {@code object}, owned. */
  public static <V> Reference<V> owned(V object) {
    return new Reference<>(object, true);
  }

  /** {@code object}, borrowed. */
  public static <V> Reference<V> borrowed(V object) {
    return new Reference<>(object, false);
  }
}
