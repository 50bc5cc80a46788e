package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.lang.reflect.Type;

/**
 * Creates the serializer that a new job would use for a Java type. Serializers sit below the type
 * system that decides this, so the POJO and record snapshots find it through {@link
 * java.util.ServiceLoader} when they must serialize a field or component that a class gained after
 * its state was written.
 */
@Internal
public interface TypeSerializerFactory {

  /**
   * The serializer for values of {@code type}.
   *
   * @throws RuntimeException with the reason if no serializer can be derived (say, for a type variable)
   */
  TypeSerializer<?> createSerializer(Type type);
}
