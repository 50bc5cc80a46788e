package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * One field of a POJO and how Spate reads and writes it: directly if the field is public, else
 * through its public getter and setter. Method handles are resolved on first use and cached, and
 * re-resolved after Java serialization.
 */
@Internal
public final class PojoProperty implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<?> pojoClass;
  private final Class<?> declaringClass;
  private final String name;
  private final String getterName;
  private final String setterName;
  private transient Field field;
  private transient MethodHandle getter;
  private transient MethodHandle setter;

  private PojoProperty(
      Class<?> pojoClass, Field field, String getterName, String setterName) {
    this.pojoClass = Objects.requireNonNull(pojoClass, "pojoClass");
    this.declaringClass = field.getDeclaringClass();
    this.name = field.getName();
    this.getterName = getterName;
    this.setterName = setterName;
    this.field = field;
    if (!declaringClass.isAssignableFrom(pojoClass)) {
      throw new IllegalArgumentException(
          "Field " + name + " of " + declaringClass.getName() + " is not a field of "
              + pojoClass.getName());
    }
  }

  /** A property of {@code pojoClass} accessed through the public {@code field}. */
  public static PojoProperty ofPublicField(Class<?> pojoClass, Field field) {
    return new PojoProperty(pojoClass, field, null, null);
  }

  /**
   * A property of {@code pojoClass} backed by {@code field}, read with the public no-argument
   * {@code getter} and written with the public one-argument {@code setter}.
   */
  public static PojoProperty ofAccessors(
      Class<?> pojoClass, Field field, Method getter, Method setter) {
    return new PojoProperty(pojoClass, field, getter.getName(), setter.getName());
  }

  /**
   * A property of {@code pojoClass} that reads and writes {@code field} itself, whatever its
   * visibility; restored serializers use it to fill in the fields of a class that changed.
   */
  static PojoProperty ofField(Class<?> pojoClass, Field field) {
    return new PojoProperty(pojoClass, field, null, null);
  }

  /** The field's name. */
  public String getName() {
    return name;
  }

  /** The field's declared (possibly generic) type. */
  public Type getGenericType() {
    return field().getGenericType();
  }

  /** The field's erased type. */
  public Class<?> getType() {
    return field().getType();
  }

  /** The class that declares the field (the POJO class or one of its superclasses). */
  public Class<?> getDeclaringClass() {
    return declaringClass;
  }

  /** Whether the field is read and written directly rather than through a getter and setter. */
  public boolean isPublicField() {
    return getterName == null;
  }

  /** Reads the property of {@code pojo}, boxing primitives. */
  public Object get(Object pojo) {
    MethodHandle handle = getter;
    if (handle == null) {
      resolve();
      handle = getter;
    }
    try {
      return handle.invokeExact(pojo);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("Reading " + this + " failed", t);
    }
  }

  /** Writes {@code value} (boxed for primitive fields) into the property of {@code pojo}. */
  public void set(Object pojo, Object value) {
    MethodHandle handle = setter;
    if (handle == null) {
      resolve();
      handle = setter;
    }
    try {
      handle.invokeExact(pojo, value);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("Writing " + this + " failed", t);
    }
  }

  private Field field() {
    Field f = field;
    if (f == null) {
      try {
        f = declaringClass.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(
            "The field " + name + " of " + declaringClass.getName() + " no longer exists", e);
      }
      field = f;
    }
    return f;
  }

  private void resolve() {
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    MethodType getterType = MethodType.methodType(Object.class, Object.class);
    MethodType setterType = MethodType.methodType(void.class, Object.class, Object.class);
    Field f = field();
    try {
      if (getterName == null) {
        f.setAccessible(true);
        setter = lookup.unreflectSetter(f).asType(setterType);
        getter = lookup.unreflectGetter(f).asType(getterType);
      } else {
        Method read = pojoClass.getMethod(getterName);
        Method write = pojoClass.getMethod(setterName, f.getType());
        read.setAccessible(true);
        write.setAccessible(true);
        // asType to a void return also discards what a fluent setter returns.
        setter = lookup.unreflect(write).asType(setterType);
        getter = lookup.unreflect(read).asType(getterType);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "Spate cannot access " + this + " (" + e + "); if the class is in a named module, open"
              + " its package to Spate's module",
          e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PojoProperty other
        && other.pojoClass == pojoClass
        && other.declaringClass == declaringClass
        && other.name.equals(name)
        && Objects.equals(other.getterName, getterName)
        && Objects.equals(other.setterName, setterName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pojoClass, declaringClass, name, getterName, setterName);
  }

  @Override
  public String toString() {
    return "field '" + name + "' of " + pojoClass.getName()
        + (getterName == null ? "" : " (via " + getterName + "()/" + setterName + "(...))");
  }
}
