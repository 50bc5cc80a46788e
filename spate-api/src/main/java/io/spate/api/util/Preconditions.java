package io.spate.api.util;

import io.spate.api.annotation.PublicEvolving;
import java.util.concurrent.CompletableFuture;

/**
 * Checks of arguments, state and references that throw the conventional exception with a message;
 * messages may be templates whose {@code %s} placeholders are filled with the arguments in order
 * (arguments left over are appended in brackets), built only when a check fails.
 */
@PublicEvolving
public final class Preconditions {

  private Preconditions() {}

  /**
   * Returns {@code reference}.
   *
   * @throws NullPointerException if it is null
   */
  public static <T> T checkNotNull(T reference) {
    if (reference == null) {
      throw new NullPointerException();
    }
    return reference;
  }

  /**
   * Returns {@code reference}.
   *
   * @throws NullPointerException with {@code errorMessage} if it is null
   */
  public static <T> T checkNotNull(T reference, String errorMessage) {
    if (reference == null) {
      throw new NullPointerException(String.valueOf(errorMessage));
    }
    return reference;
  }

  /**
   * Returns {@code reference}.
   *
   * @throws NullPointerException with the filled-in template if it is null
   */
  public static <T> T checkNotNull(T reference, String errorMessageTemplate, Object... errorMessageArgs) {
    if (reference == null) {
      throw new NullPointerException(format(errorMessageTemplate, errorMessageArgs));
    }
    return reference;
  }

  /** Throws an IllegalArgumentException if {@code condition} is false. */
  public static void checkArgument(boolean condition) {
    if (!condition) {
      throw new IllegalArgumentException();
    }
  }

  /** Throws an IllegalArgumentException with {@code errorMessage} if {@code condition} is false. */
  public static void checkArgument(boolean condition, Object errorMessage) {
    if (!condition) {
      throw new IllegalArgumentException(String.valueOf(errorMessage));
    }
  }

  /** Throws an IllegalArgumentException with the filled-in template if {@code condition} is false. */
  public static void checkArgument(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
    if (!condition) {
      throw new IllegalArgumentException(format(errorMessageTemplate, errorMessageArgs));
    }
  }

  /** Throws an IllegalStateException if {@code condition} is false. */
  public static void checkState(boolean condition) {
    if (!condition) {
      throw new IllegalStateException();
    }
  }

  /** Throws an IllegalStateException with {@code errorMessage} if {@code condition} is false. */
  public static void checkState(boolean condition, Object errorMessage) {
    if (!condition) {
      throw new IllegalStateException(String.valueOf(errorMessage));
    }
  }

  /** Throws an IllegalStateException with the filled-in template if {@code condition} is false. */
  public static void checkState(boolean condition, String errorMessageTemplate, Object... errorMessageArgs) {
    if (!condition) {
      throw new IllegalStateException(format(errorMessageTemplate, errorMessageArgs));
    }
  }

  /** Throws an IndexOutOfBoundsException naming both if {@code index} is not in [0, size). */
  public static void checkElementIndex(int index, int size) {
    checkArgument(size >= 0, "Size was negative.");
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("Index: " + index + ", Size: " + size);
    }
  }

  /** Throws an IndexOutOfBoundsException with {@code errorMessage} if {@code index} is not in [0, size). */
  public static void checkElementIndex(int index, int size, String errorMessage) {
    checkArgument(size >= 0, "Size was negative.");
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(String.valueOf(errorMessage) + " Index: " + index + ", Size: " + size);
    }
  }

  /** Throws an IllegalStateException if {@code future} is not done, or ended exceptionally or cancelled. */
  public static void checkCompletedNormally(CompletableFuture<?> future) {
    checkNotNull(future, "The future must not be null.");
    checkState(future.isDone() && !future.isCompletedExceptionally(), "The future %s is not completed normally.",
        future);
  }

  /**
   * {@code template} with each {@code %s} replaced by the next argument; arguments beyond the
   * placeholders are appended as {@code " [a, b]"}. A null template reads as "null".
   */
  static String format(String template, Object... args) {
    String text = String.valueOf(template);
    Object[] values = args == null ? new Object[] {null} : args;
    StringBuilder sb = new StringBuilder(text.length() + 16 * values.length);
    int from = 0;
    int next = 0;
    while (next < values.length) {
      int placeholder = text.indexOf("%s", from);
      if (placeholder < 0) {
        break;
      }
      sb.append(text, from, placeholder).append(values[next++]);
      from = placeholder + 2;
    }
    sb.append(text, from, text.length());
    if (next < values.length) {
      sb.append(" [").append(values[next++]);
      while (next < values.length) {
        sb.append(", ").append(values[next++]);
      }
      sb.append(']');
    }
    return sb.toString();
  }
}
