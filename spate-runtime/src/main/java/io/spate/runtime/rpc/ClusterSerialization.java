package io.spate.runtime.rpc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of the values that cross process boundaries: writing is plain, reading always
 * goes through an {@link ObjectInputFilter} and resolves classes in a given class loader.
 */
public final class ClusterSerialization {

  private ClusterSerialization() {}

  /**
   * The serialized bytes of {@code value}.
   *
   * @throws NotSerializableException naming the class that cannot be serialized
   */
  public static byte[] serialize(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads one value from {@code bytes}, resolving classes in {@code loader} and checking each
   * through {@code filter}.
   *
   * @throws IOException with the filter's reason when it rejects the value, or why the bytes are malformed
   * @throws ClassNotFoundException when a class is not known to {@code loader}
   */
  public static Object deserialize(byte[] bytes, ClassLoader loader, ObjectInputFilter filter)
      throws IOException, ClassNotFoundException {
    if (filter instanceof ClusterObjectFilter cluster && bytes.length > cluster.maxBytes()) {
      String reason = "it is longer than " + cluster.maxBytes() + " bytes (" + bytes.length + ")";
      org.slf4j.LoggerFactory.getLogger(ClusterObjectFilter.class).warn(
          "Refused to deserialize a value from the network: {}", reason);
      throw new InvalidClassException(reason);
    }
    RecordingFilter recording = new RecordingFilter(filter);
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
      in.setObjectInputFilter(recording);
      Object value = in.readObject();
      if (in.read() != -1) {
        throw new IOException("There are bytes left after the serialized value");
      }
      return value;
    } catch (InvalidClassException e) {
      if (recording.reason != null) {
        throw new InvalidClassException(recording.reason);
      }
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // Crafted bytes can make readObject of a JDK class throw anything; report it as malformed.
      throw new IOException("The serialized value is malformed: " + e, e);
    }
  }

  /** Remembers why its filter rejected a class, so the error can say it. */
  private static final class RecordingFilter implements ObjectInputFilter {
    private final ObjectInputFilter filter;
    private String reason;

    RecordingFilter(ObjectInputFilter filter) {
      this.filter = filter;
    }

    @Override
    public Status checkInput(FilterInfo info) {
      Status status = filter.checkInput(info);
      if (status == Status.REJECTED && reason == null) {
        reason = filter instanceof ClusterObjectFilter cluster ? cluster.rejectionReason(info)
            : "the filter rejected " + (info.serialClass() == null ? "the value" : info.serialClass().getName());
      }
      return status;
    }
  }

  /** Resolves classes in one class loader rather than the caller's. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader loader;

    LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
      super(in);
      this.loader = loader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
