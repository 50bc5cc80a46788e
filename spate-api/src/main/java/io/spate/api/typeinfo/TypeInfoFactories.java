package io.spate.api.typeinfo;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Type;
import java.util.Map;

/** Finds the {@link TypeInfoFactory} a {@link TypeInfo} annotation names, and asks it for type information. */
final class TypeInfoFactories {

  private TypeInfoFactories() {}

  /** The factory class named on {@code type} or its nearest annotated superclass, or null. */
  @SuppressWarnings("rawtypes")
  static Class<? extends TypeInfoFactory> forClass(Class<?> type) {
    for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
      TypeInfo annotation = level.getAnnotation(TypeInfo.class);
      if (annotation != null) {
        return annotation.value();
      }
    }
    return null;
  }

  /** The factory class named on {@code element} (a field or record component), or null. */
  @SuppressWarnings("rawtypes")
  static Class<? extends TypeInfoFactory> forElement(AnnotatedElement element) {
    TypeInfo annotation = element.getAnnotation(TypeInfo.class);
    return annotation == null ? null : annotation.value();
  }

  /**
   * The type information that {@code factoryClass} creates for {@code type}.
   *
   * @param where names what was annotated, for the messages
   * @throws InvalidTypesException if the factory cannot be created, fails or returns null
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static TypeInformation<?> create(
      Class<? extends TypeInfoFactory> factoryClass,
      Type type,
      Map<String, TypeInformation<?>> genericParameters,
      String where) {
    TypeInfoFactory factory;
    try {
      Constructor<? extends TypeInfoFactory> constructor = factoryClass.getDeclaredConstructor();
      constructor.setAccessible(true);
      factory = constructor.newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new InvalidTypesException(
          "The TypeInfoFactory " + factoryClass.getName() + " named by @TypeInfo on " + where
              + " cannot be created: it needs a public no-argument constructor (" + e + ")",
          e);
    }
    TypeInformation<?> created;
    try {
      created = factory.createTypeInfo(type, genericParameters);
    } catch (InvalidTypesException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidTypesException(
          "The TypeInfoFactory " + factoryClass.getName() + " named by @TypeInfo on " + where
              + " failed for " + type.getTypeName() + ": " + e,
          e);
    }
    if (created == null) {
      throw new InvalidTypesException(
          "The TypeInfoFactory " + factoryClass.getName() + " named by @TypeInfo on " + where
              + " returned null for " + type.getTypeName() + "; it must return the type information");
    }
    return created;
  }
}
