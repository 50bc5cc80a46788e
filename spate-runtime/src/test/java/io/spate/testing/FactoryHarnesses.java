package io.spate.testing;

import io.spate.api.operators.StreamOperatorFactory;

/** Harnesses for the operator of any factory, for tests of the runtime's own operators in other packages. */
public final class FactoryHarnesses {

  private FactoryHarnesses() {}

  /** A non-keyed harness named {@code name} for the operator that {@code factory} creates. */
  public static <IN, OUT> OneInputTestHarness<IN, OUT> of(StreamOperatorFactory<OUT> factory, String name) {
    return new OneInputTestHarness<>(factory, name, null);
  }
}
