package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a {@link Class} cannot express, by anonymous subclassing: {@code new
 * TypeHint<List<String>>(){}}. The Java compiler records the type argument in the subclass, where
 * reflection can read it.
 *
 * @param <T> the captured type
 */
@Public
public abstract class TypeHint<T> {

  private final Type type;
  private final TypeInformation<T> typeInfo;

  /**
   * Captures the type argument of the anonymous subclass and derives its type information.
   *
   * @throws InvalidTypesException if the type argument is missing or cannot be described
   */
  @SuppressWarnings("unchecked")
  public TypeHint() {
    Type superType = getClass().getGenericSuperclass();
    Class<?> subclass = getClass();
    while (subclass.getSuperclass() != TypeHint.class) {
      subclass = subclass.getSuperclass();
      superType = subclass.getGenericSuperclass();
    }
    if (!(superType instanceof ParameterizedType parameterized)) {
      throw new InvalidTypesException(
          "A TypeHint needs its type argument: write new TypeHint<List<String>>(){}, not a raw"
              + " TypeHint");
    }
    this.type = parameterized.getActualTypeArguments()[0];
    this.typeInfo = (TypeInformation<T>) TypeExtractor.createTypeInfo(type);
  }

  /** The captured type. */
  public Type getType() {
    return type;
  }

  /** The type information of the captured type. */
  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
  }

  @Override
  public String toString() {
    return "TypeHint<" + type.getTypeName() + ">";
  }
}
