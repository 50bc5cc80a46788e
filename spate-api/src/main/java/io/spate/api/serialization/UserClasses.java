package io.spate.api.serialization;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Loads the user classes that serializer snapshots name, and says what they are now. */
final class UserClasses {

  private UserClasses() {}

  /**
   * The class {@code name} from {@code userClassLoader}, or null if it is gone: a snapshot stays
   * readable without its classes, and says what is missing when it is restored or compared.
   */
  static Class<?> loadOrNull(String name, ClassLoader userClassLoader) {
    try {
      return Class.forName(name, false, userClassLoader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /** "a record", "an enum", ...: what {@code type} is, for messages about a class that changed kind. */
  static String describeKind(Class<?> type) {
    if (type.isRecord()) {
      return "a record";
    }
    if (type.isEnum()) {
      return "an enum";
    }
    if (type.isInterface()) {
      return "an interface";
    }
    if (type.isArray() || type.isPrimitive()) {
      return "not a class";
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      return "an abstract class";
    }
    return "a class";
  }

  /**
   * The fields a POJO serializer of {@code pojoClass} writes, in its order: the non-static,
   * non-transient fields of the class and its superclasses, by name (the rule of the type extractor).
   */
  static List<Field> pojoFields(Class<?> pojoClass) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> level = pojoClass; level != null && level != Object.class; level = level.getSuperclass()) {
      for (Field field : level.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers) && !field.isSynthetic()) {
          fields.add(field);
        }
      }
    }
    fields.sort(Comparator.comparing(Field::getName));
    return fields;
  }
}
