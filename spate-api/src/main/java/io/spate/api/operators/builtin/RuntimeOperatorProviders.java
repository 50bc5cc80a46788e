package io.spate.api.operators.builtin;

import io.spate.api.operators.StreamOperator;
import io.spate.api.operators.StreamOperatorParameters;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/** The creators that the runtime's providers registered, by factory class; loaded once. */
final class RuntimeOperatorProviders {

  private RuntimeOperatorProviders() {}

  // Initialized on first use by the JVM's class initialization, which is thread-safe.
  private static final class Loaded {
    static final Map<Class<?>, RuntimeOperatorProvider.Creator<?>> CREATORS = load();

    private static Map<Class<?>, RuntimeOperatorProvider.Creator<?>> load() {
      Map<Class<?>, RuntimeOperatorProvider.Creator<?>> creators = new HashMap<>();
      RuntimeOperatorProvider.Registry registry = new RuntimeOperatorProvider.Registry() {
        @Override
        @SuppressWarnings("rawtypes")
        public <F extends RuntimeOperatorFactory> void register(
            Class<F> factoryType, RuntimeOperatorProvider.Creator<F> creator) {
          if (creators.putIfAbsent(factoryType, creator) != null) {
            throw new IllegalStateException("Two runtime operator providers register " + factoryType.getName());
          }
        }
      };
      for (RuntimeOperatorProvider provider
          : ServiceLoader.load(RuntimeOperatorProvider.class, RuntimeOperatorProvider.class.getClassLoader())) {
        provider.registerOperators(registry);
      }
      return Map.copyOf(creators);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static <OUT> StreamOperator<OUT> create(RuntimeOperatorFactory<OUT> factory, StreamOperatorParameters<OUT> parameters) {
    RuntimeOperatorProvider.Creator creator = Loaded.CREATORS.get(factory.getClass());
    if (creator == null) {
      throw new IllegalStateException("Operator '" + parameters.getOperatorName() + "' is a built-in operator that"
          + " the runtime implements (" + factory.getClass().getName() + "), but no runtime on the class path"
          + " registers it: add spate-runtime.");
    }
    StreamOperator<OUT> operator = (StreamOperator<OUT>) creator.create(factory, parameters);
    if (operator == null) {
      throw new IllegalStateException("The runtime created no operator for '" + parameters.getOperatorName() + "'");
    }
    return operator;
  }
}
