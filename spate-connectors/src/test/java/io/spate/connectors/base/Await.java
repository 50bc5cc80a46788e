package io.spate.connectors.base;

import java.util.function.BooleanSupplier;

/** Polls a condition that another thread makes true, failing the test after a generous deadline. */
final class Await {

  private static final long DEADLINE_MILLIS = 20_000;

  private Await() {}

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + DEADLINE_MILLIS + " ms: " + what);
      }
      Thread.sleep(2);
    }
  }
}
