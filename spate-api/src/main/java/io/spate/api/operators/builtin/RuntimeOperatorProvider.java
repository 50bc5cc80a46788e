package io.spate.api.operators.builtin;

import io.spate.api.annotation.Internal;
import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorParameters;

/**
 * Registers, for the runtime, how each {@link RuntimeOperatorFactory} class becomes an operator.
 * The runtime lists its implementation as a service ({@code META-INF/services}); the API finds it
 * with a {@link java.util.ServiceLoader} when it first creates such an operator. Internal.
 */
@SuppressWarnings("rawtypes") // factory classes are raw: ProcessOperatorFactory.class
@Internal
public interface RuntimeOperatorProvider {

  /** Registers the creator of every factory class this provider implements. */
  void registerOperators(Registry registry);

  /** Where a provider registers its creators. */
  interface Registry {

    /** Registers {@code creator} for factories of class {@code factoryType}. */
    <F extends RuntimeOperatorFactory> void register(Class<F> factoryType, Creator<F> creator);
  }

  /**
   * Creates the operator a factory describes, not yet set up.
   *
   * @param <F> the factory class
   */
  @FunctionalInterface
  interface Creator<F extends RuntimeOperatorFactory> {

    /** The operator of {@code factory}, for the parallel instance {@code parameters} describe. */
    StreamOperator<?> create(F factory, StreamOperatorParameters<?> parameters);
  }
}
