package io.spate.api.typeinfo;

import io.spate.api.common.ExecutionConfig;
import io.spate.api.configuration.Configuration;
import io.spate.api.serialization.SerializerConfig;

/**
 * Which of the alternative methods a {@link TypeInformation} class overrides: Spate's type
 * information answers {@code createSerializer()} and {@code checkValidKey()}, type information written
 * for Flink answers {@code createSerializer(SerializerConfig)} or {@code
 * createSerializer(ExecutionConfig)} and {@code isKeyType()}. The defaults ask whichever the class
 * answers, never a default that would ask them back.
 */
final class TypeInformationOverrides {

  // ClassValue, not a map, so that a job's classes do not keep its class loader alive.
  private static final ClassValue<Boolean> CREATE_SERIALIZER = overriding("createSerializer");
  private static final ClassValue<Boolean> CREATE_SERIALIZER_WITH_EXECUTION_CONFIG =
      overriding("createSerializer", ExecutionConfig.class);
  private static final ClassValue<Boolean> IS_KEY_TYPE = overriding("isKeyType");

  private TypeInformationOverrides() {}

  static boolean overridesCreateSerializer(Class<?> type) {
    return CREATE_SERIALIZER.get(type);
  }

  static boolean overridesCreateSerializerWithExecutionConfig(Class<?> type) {
    return CREATE_SERIALIZER_WITH_EXECUTION_CONFIG.get(type);
  }

  static boolean overridesIsKeyType(Class<?> type) {
    return IS_KEY_TYPE.get(type);
  }

  /** An execution config whose serializer settings are those of {@code config}. */
  static ExecutionConfig executionConfigWith(SerializerConfig config) {
    ExecutionConfig executionConfig = new ExecutionConfig(new Configuration());
    SerializerConfig target = executionConfig.getSerializerConfig();
    config.getRegisteredPojoTypes().forEach(target::registerPojoType);
    target.setGenericTypes(!config.hasGenericTypesDisabled());
    return executionConfig;
  }

  private static ClassValue<Boolean> overriding(String method, Class<?>... parameterTypes) {
    return new ClassValue<>() {
      @Override
      protected Boolean computeValue(Class<?> type) {
        try {
          return type.getMethod(method, parameterTypes).getDeclaringClass() != TypeInformation.class;
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException("TypeInformation lost " + method, e);
        }
      }
    };
  }
}
