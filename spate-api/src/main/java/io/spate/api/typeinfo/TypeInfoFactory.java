package io.spate.api.typeinfo;

import io.spate.api.annotation.Public;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Creates the type information of a type that type extraction cannot derive, or should derive
 * differently. Name the factory with {@link TypeInfo} on the type, or on a POJO field or record
 * component of that type; implementations need a public no-argument constructor.
 *
 * @param <T> the type the factory describes
 */
@Public
public abstract class TypeInfoFactory<T> {

  /**
   * The type information of {@code t}.
   *
   * @param t the type to describe: the annotated class, or a parameterization of it
   * @param genericParameters the type information of the class's type arguments, by the names of its
   *     type parameters, as far as they are known
   */
  public abstract TypeInformation<T> createTypeInfo(
      Type t, Map<String, TypeInformation<?>> genericParameters);
}
