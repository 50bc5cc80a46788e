package io.spate.api.serialization;

import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

/** Creates instances of a POJO class through its public no-arg constructor, resolved on first use. */
final class PojoInstantiator<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<T> pojoClass;
  private transient MethodHandle constructor;

  PojoInstantiator(Class<T> pojoClass) {
    this.pojoClass = pojoClass;
  }

  @SuppressWarnings("unchecked")
  T newInstance() {
    MethodHandle handle = constructor;
    if (handle == null) {
      try {
        Constructor<T> noArg = pojoClass.getConstructor();
        noArg.setAccessible(true);
        handle =
            MethodHandles.lookup()
                .unreflectConstructor(noArg)
                .asType(MethodType.methodType(Object.class));
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "Spate cannot call the no-arg constructor of " + pojoClass.getName() + ": " + e, e);
      }
      constructor = handle;
    }
    try {
      return (T) handle.invokeExact();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(
          "The no-arg constructor of " + pojoClass.getName() + " failed", t);
    }
  }
}
