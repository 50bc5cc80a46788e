package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.TypeSerializerSchemaCompatibility;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.windows.Window;
import io.spate.api.operators.state.VoidNamespace;
import java.io.IOException;

/**
 * The namespaces of timers: one operator's timers may mix the void namespace with windows (the
 * slicing window operator does), so each namespace carries a tag byte; other namespaces (such as an
 * interval join's sides) are of one learned type.
 */
public final class TimerNamespaceSerializer extends TypeSerializer<Object> {
  private static final long serialVersionUID = 1L;
  private static final byte VOID = 0;
  private static final byte WINDOW = 1;
  private static final byte OTHER = 2;

  private final LearnedTypeSerializer<Object> others;

  /** A serializer that has seen no namespace of another type yet. */
  public TimerNamespaceSerializer() {
    this(new LearnedTypeSerializer<>("the timer namespaces"));
  }

  private TimerNamespaceSerializer(LearnedTypeSerializer<Object> others) {
    this.others = others;
  }

  @Override
  public void serialize(Object value, DataOutputView target) throws IOException {
    if (value instanceof VoidNamespace) {
      target.writeByte(VOID);
    } else if (value instanceof Window window) {
      target.writeByte(WINDOW);
      WindowSerializer.INSTANCE.serialize(window, target);
    } else {
      target.writeByte(OTHER);
      others.serialize(value, target);
    }
  }

  @Override
  public Object deserialize(DataInputView source) throws IOException {
    byte tag = source.readByte();
    return switch (tag) {
      case VOID -> VoidNamespace.INSTANCE;
      case WINDOW -> WindowSerializer.INSTANCE.deserialize(source);
      case OTHER -> others.deserialize(source);
      default -> throw new IOException("Corrupt input: unknown timer namespace tag " + tag);
    };
  }

  @Override
  public Object copy(Object value) {
    return value;
  }

  @Override
  public TypeSerializer<Object> duplicate() {
    return new TimerNamespaceSerializer((LearnedTypeSerializer<Object>) others.duplicate());
  }

  @Override
  public TypeSerializerSnapshot<Object> snapshotConfiguration() {
    return new Snapshot(others.snapshotConfiguration());
  }

  /** The snapshot: that of the learned type of other namespaces. */
  public static final class Snapshot implements TypeSerializerSnapshot<Object> {
    private TypeSerializerSnapshot<Object> others;

    /** For reading. */
    public Snapshot() {}

    Snapshot(TypeSerializerSnapshot<Object> others) {
      this.others = others;
    }

    @Override
    public int getCurrentVersion() {
      return 1;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
      TypeSerializerSnapshot.writeVersionedSnapshot(out, others);
    }

    @Override
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userClassLoader) throws IOException {
      if (readVersion != 1) {
        throw new IOException("Unknown version " + readVersion + " of a timer namespace serializer snapshot");
      }
      others = TypeSerializerSnapshot.readVersionedSnapshot(in, userClassLoader);
    }

    @Override
    public TypeSerializer<Object> restoreSerializer() {
      return new TimerNamespaceSerializer((LearnedTypeSerializer<Object>) others.restoreSerializer());
    }

    @Override
    public TypeSerializerSchemaCompatibility<Object> resolveSchemaCompatibility(TypeSerializer<Object> newSerializer) {
      return newSerializer instanceof TimerNamespaceSerializer other
          ? others.resolveSchemaCompatibility(other.others)
          : TypeSerializerSchemaCompatibility.incompatible("the timer namespace serializer changed to "
              + newSerializer.getClass().getName());
    }
  }
}
