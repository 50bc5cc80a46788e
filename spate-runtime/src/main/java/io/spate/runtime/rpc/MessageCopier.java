package io.spate.runtime.rpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;

/**
 * Copies RPC arguments and results through Java serialization, for the in-process RPC service's
 * mode that behaves like a networked one.
 */
final class MessageCopier {

  private MessageCopier() {}

  /** A copy of {@code value}, or an {@link RpcException} naming the call if it cannot travel. */
  @SuppressWarnings("unchecked")
  static <T> T copy(T value, Method method, String address) {
    if (value == null) {
      return null;
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(value);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException e) {
      throw new RpcException("The call " + method.getDeclaringClass().getSimpleName() + "." + method.getName()
          + " to " + address + " cannot be serialized: " + e, e);
    }
  }
}
