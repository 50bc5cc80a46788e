package io.spate.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Describes a failed job in one paragraph: what failed, and the root cause with where it was thrown. */
final class FailureMessage {

  private FailureMessage() {}

  /** The paragraph for {@code failure}, unwrapping reflection wrappers. */
  static String describe(Throwable failure) {
    Throwable top = unwrap(failure);
    Throwable root = rootCause(top);
    StringBuilder text = new StringBuilder("Error: ").append(summary(top, false));
    if (root != top) {
      text.append(System.lineSeparator()).append("Root cause: ").append(summary(root, true));
    } else if (top.getStackTrace().length > 0) {
      text.append(" (at ").append(top.getStackTrace()[0]).append(')');
    }
    return text.toString();
  }

  /** The cause that started the chain of {@code failure}. */
  static Throwable rootCause(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable current = failure;
    while (current.getCause() != null && seen.put(current, Boolean.TRUE) == null) {
      current = current.getCause();
    }
    return current;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while (current instanceof InvocationTargetException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static String summary(Throwable t, boolean withTypeAndLocation) {
    String message = t.getMessage();
    String text;
    if (message == null || message.isBlank()) {
      text = t.getClass().getName();
    } else if (withTypeAndLocation) {
      text = t.getClass().getName() + ": " + message;
    } else {
      text = message;
    }
    if (withTypeAndLocation && t.getStackTrace().length > 0) {
      text += " (at " + t.getStackTrace()[0] + ")";
    }
    return text;
  }
}
