package io.spate.runtime.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives every parallel subtask its own copy of the user's functions, sources and sinks, as Flink
 * does by deserializing them per subtask, so that instance fields are never shared between
 * subtasks. The copy goes through Java serialization; objects the user code captures that are not
 * serializable (within one JVM, such as the enclosing test instance of an anonymous class) are
 * shared by reference instead of failing the job.
 */
public final class UserCodeCopier {

  private UserCodeCopier() {}

  /** A deep copy of {@code object}, with classes resolved through {@code classLoader}. */
  @SuppressWarnings("unchecked")
  public static <T> T copy(T object, ClassLoader classLoader, String what) {
    if (object == null) {
      return null;
    }
    List<Object> shared = new ArrayList<>();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (SharingOutputStream out = new SharingOutputStream(bytes, shared)) {
        out.writeObject(object);
      }
      try (SharingInputStream in = new SharingInputStream(new ByteArrayInputStream(bytes.toByteArray()),
          classLoader, shared)) {
        return (T) in.readObject();
      }
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new IllegalStateException("Could not make a per-subtask copy of " + what + " ("
          + object.getClass().getName() + "): " + e
          + ". Functions, sources and sinks are copied for every parallel instance; make them, and"
          + " what they capture, serializable.", e);
    }
  }

  /** Stands in the byte stream for an object that is shared rather than copied. */
  private record SharedReference(int index) implements Serializable {}

  private static final class SharingOutputStream extends ObjectOutputStream {
    private final List<Object> shared;

    SharingOutputStream(OutputStream out, List<Object> shared) throws IOException {
      super(out);
      this.shared = shared;
      enableReplaceObject(true);
    }

    @Override
    protected Object replaceObject(Object obj) throws IOException {
      if (obj != null && !(obj instanceof Serializable) && !obj.getClass().isArray()) {
        shared.add(obj);
        return new SharedReference(shared.size() - 1);
      }
      return obj;
    }
  }

  private static final class SharingInputStream extends ObjectInputStream {
    private final ClassLoader classLoader;
    private final List<Object> shared;

    SharingInputStream(InputStream in, ClassLoader classLoader, List<Object> shared) throws IOException {
      super(in);
      this.classLoader = classLoader;
      this.shared = shared;
      enableResolveObject(true);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, classLoader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }

    @Override
    protected Object resolveObject(Object obj) throws IOException {
      if (obj instanceof SharedReference ref) {
        if (ref.index() >= shared.size()) {
          throw new NotSerializableException("dangling shared reference " + ref.index());
        }
        return shared.get(ref.index());
      }
      return obj;
    }
  }
}
