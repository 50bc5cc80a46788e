package io.spate.runtime;

/**
 * Runs the body of a property that throws checked exceptions inside a QuickTheories check, whose
 * lambdas cannot: a checked exception fails the example as an {@link AssertionError}, so it shrinks
 * like any other failure.
 */
public final class CheckedLaw {

  /** A property body that may throw. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  private CheckedLaw() {}

  /** Runs {@code body}, rethrowing a checked exception as an assertion failure. */
  public static void check(Body body) {
    try {
      body.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e.toString(), e);
    }
  }
}
