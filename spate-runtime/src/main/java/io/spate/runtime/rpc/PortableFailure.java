package io.spate.runtime.rpc;

import java.io.IOException;

/**
 * A failure that must reach another process whose class loader may not know its classes (a user
 * exception from a job's jar): a copy with the original's class name, message, stack trace and
 * causes, made of Spate and JDK classes only.
 */
public final class PortableFailure extends Exception {

  private static final long serialVersionUID = 1L;
  private static final int MAX_CAUSES = 32;
  private static final ClusterObjectFilter BASE_FILTER = ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE);

  private final String originalClass;

  private PortableFailure(String originalClass, String message, PortableFailure cause) {
    super(message, cause);
    this.originalClass = originalClass;
  }

  /**
   * {@code failure} itself if a process with Spate's classes alone can read it back, else its
   * portable copy; null for null.
   */
  public static Throwable of(Throwable failure) {
    if (failure == null || failure instanceof PortableFailure || readableEverywhere(failure)) {
      return failure;
    }
    return copy(failure, 0);
  }

  private static boolean readableEverywhere(Throwable failure) {
    try {
      ClusterSerialization.deserialize(ClusterSerialization.serialize(failure),
          PortableFailure.class.getClassLoader(), BASE_FILTER);
      return true;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return false;
    }
  }

  private static PortableFailure copy(Throwable failure, int depth) {
    Throwable cause = failure.getCause();
    PortableFailure causeCopy = cause == null || cause == failure || depth >= MAX_CAUSES ? null : copy(cause, depth + 1);
    PortableFailure copy = new PortableFailure(failure.getClass().getName(), failure.getMessage(), causeCopy);
    copy.setStackTrace(failure.getStackTrace());
    for (Throwable suppressed : failure.getSuppressed()) {
      copy.addSuppressed(copy(suppressed, depth + 1));
    }
    return copy;
  }

  /** The class name of the failure this copies. */
  public String originalClass() {
    return originalClass;
  }

  /** Reads like the original: its class name, then its message. */
  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClass : originalClass + ": " + message;
  }
}
