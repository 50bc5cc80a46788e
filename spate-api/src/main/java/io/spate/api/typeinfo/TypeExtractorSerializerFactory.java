package io.spate.api.typeinfo;

import io.spate.api.annotation.Internal;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerFactory;
import java.lang.reflect.Type;

/** The serializers of the types that {@link TypeExtractor} derives: registered as a {@link TypeSerializerFactory}. */
@Internal
public final class TypeExtractorSerializerFactory implements TypeSerializerFactory {

  @Override
  public TypeSerializer<?> createSerializer(Type type) {
    return TypeExtractor.createTypeInfo(type).createSerializer();
  }
}
