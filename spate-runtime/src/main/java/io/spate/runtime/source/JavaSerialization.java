package io.spate.runtime.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization of the job's objects that travel inside operator events. */
final class JavaSerialization {

  private JavaSerialization() {}

  static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  static Object deserialize(byte[] bytes, ClassLoader classLoader) throws IOException {
    try (ObjectInputStream in = new LoaderInputStream(new ByteArrayInputStream(bytes), classLoader)) {
      return in.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException("a class of the event is missing: " + e.getMessage(), e);
    }
  }

  private static final class LoaderInputStream extends ObjectInputStream {
    private final ClassLoader classLoader;

    LoaderInputStream(InputStream in, ClassLoader classLoader) throws IOException {
      super(in);
      this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, classLoader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
