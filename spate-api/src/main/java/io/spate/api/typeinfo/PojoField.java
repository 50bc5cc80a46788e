package io.spate.api.typeinfo;

import io.spate.api.annotation.PublicEvolving;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.util.Objects;

/** One field of a POJO with its type information, as Flink's {@code PojoTypeInfo} lists them. */
@PublicEvolving
public final class PojoField implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<?> declaringClass;
  private final String name;
  private final TypeInformation<?> type;
  // A Field is not serializable: it is found again by its class and name after a trip.
  private transient Field field;

  /** The field {@code field}, whose values are of {@code type}. */
  public PojoField(Field field, TypeInformation<?> type) {
    this.field = Objects.requireNonNull(field, "field");
    this.declaringClass = field.getDeclaringClass();
    this.name = field.getName();
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The field. */
  public Field getField() {
    if (field == null) {
      try {
        field = declaringClass.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException("The field " + name + " of " + declaringClass.getName() + " no longer exists", e);
      }
    }
    return field;
  }

  /** The type information of the field's values. */
  public TypeInformation<?> getTypeInformation() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PojoField other
        && other.declaringClass == declaringClass && other.name.equals(name) && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(declaringClass, name, type);
  }

  @Override
  public String toString() {
    return "PojoField " + declaringClass.getName() + "." + name + " (" + type + ")";
  }
}
