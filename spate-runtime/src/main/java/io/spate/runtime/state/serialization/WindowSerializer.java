package io.spate.runtime.state.serialization;

import io.spate.api.serialization.DataInputView;
import io.spate.api.serialization.DataOutputView;
import io.spate.api.serialization.TypeSerializer;
import io.spate.api.serialization.SingletonSerializerSnapshot;
import io.spate.api.serialization.TypeSerializerSnapshot;
import io.spate.api.windowing.windows.GlobalWindow;
import io.spate.api.windowing.windows.TimeWindow;
import io.spate.api.windowing.windows.Window;
import java.io.IOException;

/** The built-in windows as state namespaces and values: a tag byte, then start and end for time windows. */
public final class WindowSerializer extends TypeSerializer<Window> {
  private static final long serialVersionUID = 1L;

  /** The only instance. */
  public static final WindowSerializer INSTANCE = new WindowSerializer();
  private static final byte TIME = 1;
  private static final byte GLOBAL = 2;

  private WindowSerializer() {}

  @Override
  public void serialize(Window value, DataOutputView target) throws IOException {
    if (value instanceof TimeWindow w) {
      target.writeByte(TIME);
      target.writeLong(w.getStart());
      target.writeLong(w.getEnd());
    } else if (value instanceof GlobalWindow) {
      target.writeByte(GLOBAL);
    } else {
      throw new IllegalArgumentException("Windows of " + value.getClass().getName() + " cannot be serialized into"
          + " state yet; only TimeWindow and GlobalWindow can.");
    }
  }

  @Override
  public Window deserialize(DataInputView source) throws IOException {
    byte tag = source.readByte();
    return switch (tag) {
      case TIME -> new TimeWindow(source.readLong(), source.readLong());
      case GLOBAL -> GlobalWindow.get();
      default -> throw new IOException("Corrupt input: unknown window tag " + tag);
    };
  }

  @Override
  public Window copy(Window value) {
    return value;
  }

  @Override
  public TypeSerializer<Window> duplicate() {
    return this;
  }

  @Override
  public boolean isImmutableType() {
    return true;
  }

  @Override
  public TypeSerializerSnapshot<Window> snapshotConfiguration() {
    return new SingletonSerializerSnapshot<>(this);
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
