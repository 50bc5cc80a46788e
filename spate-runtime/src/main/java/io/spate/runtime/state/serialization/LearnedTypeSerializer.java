package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.windows.Window;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Takes its type from the first value it serializes or copies, for state the runtime declares only
 * as {@code Object} (window contents, namespaces). The learned type must then fit every later value;
 * one of another class fails with a message naming the state rather than writing bytes that would
 * not read back. Its snapshot holds what it learned (nothing if it saw no value, and then there is no
 * data either).
 *
 * @param <T> the serialized type
 */
public final class LearnedTypeSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final String description;
  private TypeSerializer<T> delegate;
  private Class<?> learnedClass;

  /** A serializer that has learned nothing yet; {@code description} names its values in messages. */
  public LearnedTypeSerializer(String description) {
    this.description = description;
  }

  private LearnedTypeSerializer(String description, TypeSerializer<T> delegate, Class<?> learnedClass) {
    this.description = description;
    this.delegate = delegate;
    this.learnedClass = learnedClass;
  }

  /** Whether a type was learned. */
  public boolean hasLearned() {
    return delegate != null;
  }

  /** Learns the type of {@code value} if none is known yet, else checks that {@code value} fits it. */
  public void learnFrom(T value) {
    if (delegate == null) {
      delegate = StateSerializers.forValue(value);
      learnedClass = value.getClass();
    } else if (value.getClass() != learnedClass && !(value instanceof Map) && !(value instanceof Window)
        && !(value instanceof List)) {
      throw new IllegalStateException(capitalized() + " first held a " + learnedClass.getName() + " and now gets a "
          + value.getClass().getName() + "; serialized state needs one type per state: declare the state's type in"
          + " its descriptor.");
    }
  }

  private String capitalized() {
    return Character.toUpperCase(description.charAt(0)) + description.substring(1);
  }

  @Override
  public void serialize(T value, DataOutputView target) throws IOException {
    learnFrom(value);
    delegate.serialize(value, target);
  }

  @Override
  public T deserialize(DataInputView source) throws IOException {
    if (delegate == null) {
      throw new IOException(capitalized() + " has bytes but no known type");
    }
    return delegate.deserialize(source);
  }

  @Override
  public T copy(T value) {
    if (value == null) {
      return null;
    }
    learnFrom(value);
    return delegate.copy(value);
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new LearnedTypeSerializer<>(description, delegate == null ? null : delegate.duplicate(), learnedClass);
  }

  @Override
  public boolean isImmutableType() {
    return delegate != null && delegate.isImmutableType();
  }

  @Override
  public TypeSerializerSnapshot<T> snapshotConfiguration() {
    return new Snapshot<>(this);
  }

  /** The snapshot of a learned-type serializer: its description and what it learned. */
  public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
    private String description;
    private TypeSerializerSnapshot<T> learned;
    private Class<?> learnedClass;

    /** For reading. */
    public Snapshot() {}

    Snapshot(LearnedTypeSerializer<T> serializer) {
      this.description = serializer.description;
      this.learned = serializer.delegate == null ? null : serializer.delegate.snapshotConfiguration();
      this.learnedClass = serializer.learnedClass;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      out.writeUTF(description);
      out.writeBoolean(learned != null);
      if (learned != null) {
        out.writeUTF(learnedClass.getName());
        TypeSerializerSnapshot.writeVersionedSnapshot(out, learned);
      }
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
      if (readVersion != 1) {
        throw new IOException("Unknown version " + readVersion + " of a learned-type serializer snapshot");
      }
      description = in.readUTF();
      if (in.readBoolean()) {
        String className = in.readUTF();
        try {
          learnedClass = Class.forName(className, false, userClassLoader);
        } catch (ClassNotFoundException e) {
          throw new IOException("The class " + className + " of " + description + " is not on the class path", e);
        }
        learned = TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
      }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
      return new LearnedTypeSerializer<>(description, learned == null ? null : learned.restoreSerializer(),
          learnedClass);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializer<T> newSerializer) {
      TypeSerializer<T> target = newSerializer;
      if (newSerializer instanceof LearnedTypeSerializer<T> other) {
        if (other.delegate == null) {
          return TypeSerializerSchemaCompatibility.compatibleAsIs(); // it will learn the restored type
        }
        target = other.delegate;
      }
      return learned == null ? TypeSerializerSchemaCompatibility.compatibleAsIs()
          : learned.resolveSchemaCompatibility(target);
    }
  }
}
