package io.spate.runtime.rpc;

import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Copies RPC arguments and results through Java serialization and the {@link ClusterObjectFilter},
 * for the in-process RPC service's mode that behaves like a networked one.
 */
final class MessageCopier {

  private static final ClusterObjectFilter FILTER = ClusterObjectFilter.ofMaxBytes(Integer.MAX_VALUE);

  private MessageCopier() {}

  /** A copy of {@code value}, or an {@link RpcException} naming the call if it cannot travel. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T value, Method method, String address) {
    if (value == null) {
      return null;
    }
    ClassLoader userCode = userClassLoaderOf(value);
    try {
      if (userCode == null) {
        return (T) ClusterSerialization.deserialize(ClusterSerialization.serialize(value),
            MessageCopier.class.getClassLoader(), FILTER);
      }
      Object copy = ClusterSerialization.deserialize(ClusterSerialization.serialize(value), userCode,
          FILTER.withUserClassLoader(userCode));
      return (T) withUserClassLoader(copy, userCode);
    } catch (IOException | ClassNotFoundException e) {
      throw new RpcException("The call " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + " to " + address + " cannot be serialized: " + e, e);
    }
  }

  /** The class loader of the user code that {@code value} (a message or an array of arguments) holds. */
  private static ClassLoader userClassLoaderOf(Object value) {
    if (value instanceof CarriesUserCode message) {
      return message.userClassLoader();
    }
    if (value instanceof Object[] arguments) {
      for (Object argument : arguments) {
        if (argument instanceof CarriesUserCode message && message.userClassLoader() != null) {
          return message.userClassLoader();
        }
      }
    }
    return null;
  }

  private static Object withUserClassLoader(Object copy, ClassLoader loader) {
    if (copy instanceof CarriesUserCode message) {
      return message.withUserClassLoader(loader);
    }
    if (copy instanceof Object[] arguments) {
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] instanceof CarriesUserCode message) {
          arguments[i] = message.withUserClassLoader(loader);
        }
      }
    }
    return copy;
  }
}
