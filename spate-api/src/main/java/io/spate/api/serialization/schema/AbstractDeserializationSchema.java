package io.spate.api.serialization.schema;

import io.spate.api.annotation.PublicEvolving;
import io.spate.api.typeinfo.InvalidTypesException;
import io.spate.api.typeinfo.TypeExtractor;
import io.spate.api.typeinfo.TypeHint;
import io.spate.api.typeinfo.TypeInformation;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A base for deserialization schemas that only read one record per message: a subclass implements
 * {@link #deserialize(byte[])}, and the produced type is its type argument ({@code extends
 * AbstractDeserializationSchema<Event>}) or given to the constructor. The stream never ends on a
 * record.
 *
 * @param <T> the type of the produced records
 */
@PublicEvolving
public abstract class AbstractDeserializationSchema<T> implements DeserializationSchema<T> {

  private static final long serialVersionUID = 1L;

  private final TypeInformation<T> type;

  /**
   * Takes the produced type from the type argument the subclass gives this class.
   *
   * @throws InvalidTypesException if the subclass leaves it generic; then pass the type instead
   */
  @SuppressWarnings("unchecked")
  protected AbstractDeserializationSchema() {
    this.type = (TypeInformation<T>) TypeExtractor.createTypeInfo(producedTypeArgument(getClass()));
  }

  /** Produces records of {@code type}. */
  protected AbstractDeserializationSchema(Class<T> type) {
    this(TypeExtractor.createTypeInfo(Objects.requireNonNull(type, "type")));
  }

  /** Produces records of the type {@code typeHint} captures. */
  protected AbstractDeserializationSchema(TypeHint<T> typeHint) {
    this(Objects.requireNonNull(typeHint, "typeHint").getTypeInfo());
  }

  /** Produces records of {@code typeInfo}. */
  protected AbstractDeserializationSchema(TypeInformation<T> typeInfo) {
    this.type = Objects.requireNonNull(typeInfo, "typeInfo");
  }

  @Override
  public abstract T deserialize(byte[] message) throws IOException;

  /** Always false: the stream does not end on a record. */
  @Override
  public boolean isEndOfStream(T nextElement) {
    return false;
  }

  @Override
  public TypeInformation<T> getProducedType() {
    return type;
  }

  private static Type producedTypeArgument(Class<?> schemaClass) {
    Class<?> level = schemaClass;
    while (level.getSuperclass() != AbstractDeserializationSchema.class) {
      level = level.getSuperclass();
    }
    Type superType = level.getGenericSuperclass();
    if (superType instanceof ParameterizedType parameterized
        && !(parameterized.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable<?>)) {
      return parameterized.getActualTypeArguments()[0];
    }
    throw new InvalidTypesException(
        "The deserialization schema " + schemaClass.getName() + " does not say what type it produces:"
            + " extend AbstractDeserializationSchema<YourType> with a concrete type, or pass the type"
            + " (a Class, TypeHint or TypeInformation) to its constructor");
  }
}
