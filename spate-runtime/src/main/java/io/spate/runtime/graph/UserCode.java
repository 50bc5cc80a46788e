package io.spate.runtime.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's objects of one operator (the factory of its operator, which holds its function, or its
 * source and watermark strategy, or its sink), serialized once when the job graph is made, as Flink does, so that every parallel subtask
 * reads its own copy and no instance field is shared between subtasks.
 *
 * <p>Objects the user code captures that are not serializable (within one JVM, such as the
 * enclosing test instance of an anonymous class) are shared by reference instead of failing the job.
 * Such a graph runs only in the process that made it: shipping it to another one fails, naming the
 * operator and the class.
 */
public final class UserCode implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  private final String what;
  private final byte[] bytes;
  /** What the bytes refer to by index; none after this object has travelled to another process. */
  private final transient List<Object> shared;

  private UserCode(String what, byte[] bytes, List<Object> shared) {
    this.what = what;
    this.bytes = bytes;
    this.shared = shared;
  }

  /** {@code objects} serialized; fails naming {@code what} if one cannot be. */
  static UserCode serialize(String what, Object... objects) {
    List<Object> shared = new ArrayList<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SharingOutputStream out = new SharingOutputStream(bytes, shared)) {
      out.writeObject(objects);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Could not serialize the code of " + what + ": " + e
          + ". Functions, sources and sinks are copied for every parallel instance; make them, and what they"
          + " capture, serializable.", e);
    }
    return new UserCode(what, bytes.toByteArray(), shared);
  }

  /**
   * A fresh copy of the objects, with their classes resolved through {@code classLoader}. Bytes that
   * came from another process are read through {@code remoteFilter}; the process that made them
   * trusts its own.
   */
  public Object[] copy(ClassLoader classLoader, ObjectInputFilter remoteFilter) {
    List<Object> refs = shared == null ? List.of() : shared;
    try (SharingInputStream in = new SharingInputStream(new ByteArrayInputStream(bytes), classLoader, refs)) {
      if (shared == null) {
        in.setObjectInputFilter(remoteFilter);
      }
      return (Object[]) in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      throw new IllegalStateException("Could not make a per-subtask copy of the code of " + what + ": " + e, e);
    }
  }

  /** The serialized size, in bytes. */
  public int size() {
    return bytes.length;
  }

  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    if (shared != null && !shared.isEmpty()) {
      throw new NotSerializableException("The code of " + what + " captures an object of "
          + shared.get(0).getClass().getName() + ", which is not serializable: such a job runs only in the process"
          + " that made it");
    }
    out.defaultWriteObject();
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
    protected Object replaceObject(Object obj) {
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
