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
    try {
      return (T) ClusterSerialization.deserialize(ClusterSerialization.serialize(value),
          MessageCopier.class.getClassLoader(), FILTER);
    } catch (IOException | ClassNotFoundException e) {
      throw new RpcException("The call " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + " to " + address + " cannot be serialized: " + e, e);
    }
  }
}
