package io.spate.api.serialization;

import io.spate.api.annotation.Internal;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;

/**
 * The components of one Java record class and the method handles that read them and call the
 * canonical constructor; resolved once per class and shared, so that serializers and field
 * accessors use no per-call reflection.
 */
@Internal
public final class RecordHandles {

  private static final ClassValue<RecordHandles> CACHE =
      new ClassValue<>() {
        @Override
        protected RecordHandles computeValue(Class<?> type) {
          return new RecordHandles(type);
        }
      };

  private final Class<?> recordClass;
  private final RecordComponent[] components;
  private final MethodHandle[] getters;
  private final MethodHandle constructor;

  private RecordHandles(Class<?> recordClass) {
    if (!recordClass.isRecord()) {
      throw new IllegalArgumentException(recordClass.getName() + " is not a record");
    }
    this.recordClass = recordClass;
    this.components = recordClass.getRecordComponents();
    MethodHandles.Lookup lookup = MethodHandles.lookup();
    try {
      getters = new MethodHandle[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        getters[i] =
            lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
        types[i] = components[i].getType();
      }
      Constructor<?> canonical = recordClass.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      constructor =
          lookup
              .unreflectConstructor(canonical)
              .asSpreader(Object[].class, components.length)
              .asType(MethodType.methodType(Object.class, Object[].class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // InaccessibleObjectException (a RuntimeException) is what a closed module package gives.
      throw new IllegalArgumentException(
          "Spate cannot access the record " + recordClass.getName() + " (" + e + "); if it is in a"
              + " named module, open its package to Spate's module",
          e);
    }
  }

  /**
   * The handles for {@code recordClass}.
   *
   * @throws IllegalArgumentException if it is not a record or its members cannot be accessed
   */
  public static RecordHandles of(Class<?> recordClass) {
    return CACHE.get(recordClass);
  }

  /** The record class. */
  public Class<?> recordClass() {
    return recordClass;
  }

  /** The number of components. */
  public int arity() {
    return components.length;
  }

  /** The name of component {@code index}. */
  public String name(int index) {
    return components[index].getName();
  }

  /** The declared (possibly generic) type of component {@code index}. */
  public Type genericType(int index) {
    return components[index].getGenericType();
  }

  /** The erased type of component {@code index}. */
  public Class<?> rawType(int index) {
    return components[index].getType();
  }

  /** Reads component {@code index} of {@code record}, boxing primitives. */
  public Object get(Object record, int index) {
    try {
      return getters[index].invokeExact(record);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(
          "The accessor of " + recordClass.getName() + "." + name(index) + " failed", t);
    }
  }

  /**
   * Calls the canonical constructor with {@code args}, one per component in declaration order
   * (boxed; null only for reference components).
   */
  public Object construct(Object[] args) {
    try {
      return constructor.invokeExact(args);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(
          "The canonical constructor of " + recordClass.getName() + " failed", t);
    }
  }
}
